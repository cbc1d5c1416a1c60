using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace ChatRequests.Core.Tests;

/// <summary>What the SLA events make the notifier do.</summary>
public sealed class FulfilmentHandlerSlaTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly PersonRef Requester = new("requester", "Rita Requester");
    private static readonly PersonRef Manager = new("manager", "Mark Manager");
    private static readonly PersonRef Security1 = new("sam", "Sam Security");
    private static readonly PersonRef Security2 = new("sue", "Sue Security");
    private static readonly PersonRef Agent = new("agent", "Ada Agent");

    private readonly INotifier _notifier = Substitute.For<INotifier>();
    private readonly FulfilmentHandler _handler;

    public FulfilmentHandlerSlaTests() => _handler = new FulfilmentHandler(_notifier, new InMemoryRequestStore(), TimeProvider.System, NullLogger<FulfilmentHandler>.Instance, FulfilmentCollaborators.None);

    [Fact]
    public async Task ApprovalReminder_RemindsEveryApproverOfTheStillPendingStage()
    {
        var request = Submit([new ApprovalStage("Manager", [Manager]), new ApprovalStage("IT security", [Security1, Security2])]);
        request.Decide(Manager, approve: true, null, 0, Start.AddHours(1));
        request.CheckSla(Start.AddHours(25));

        await _handler.HandleAsync(request, request.Outbox[^1]);

        await _notifier.Received(1).RemindApproverAsync(request, Security1, request.Outbox[^1], Arg.Any<CancellationToken>());
        await _notifier.Received(1).RemindApproverAsync(request, Security2, request.Outbox[^1], Arg.Any<CancellationToken>());
        await _notifier.DidNotReceive().RemindApproverAsync(Arg.Any<ServiceRequest>(), Manager, Arg.Any<OutboxEvent>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task ApprovalReminder_AllStagePartlyApproved_RemindsOnlyWhoHasNotApprovedYet()
    {
        var request = Submit([new ApprovalStage("IT security", [Security1, Security2]) { Mode = ApprovalMode.All }]);
        request.Decide(Security1, approve: true, null, 0, Start.AddHours(1));
        request.CheckSla(Start.AddHours(25));

        await _handler.HandleAsync(request, request.Outbox[^1]);

        await _notifier.Received(1).RemindApproverAsync(request, Security2, request.Outbox[^1], Arg.Any<CancellationToken>());
        await _notifier.DidNotReceive().RemindApproverAsync(Arg.Any<ServiceRequest>(), Security1, Arg.Any<OutboxEvent>(), Arg.Any<CancellationToken>());
        Assert.Equal("Reminded Sue Security (IT security)", request.History[^1].Comment);
    }

    [Fact]
    public async Task StagePartlyApproved_RefreshesEveryApproversCard_AndTellsTheRequesterNothingYet()
    {
        var request = Submit([new ApprovalStage("IT security", [Security1, Security2]) { Mode = ApprovalMode.All }]);
        request.Decide(Security1, approve: true, null, 0, Start.AddHours(1));

        await _handler.HandleAsync(request, request.Outbox[^1]);

        Assert.Equal(RequestEventType.StagePartlyApproved, request.Outbox[^1].Type);
        await _notifier.Received(1).ShowApprovalCardAsync(request, Security1, 0, Arg.Any<CancellationToken>());
        await _notifier.Received(1).ShowApprovalCardAsync(request, Security2, 0, Arg.Any<CancellationToken>());
        await _notifier.DidNotReceiveWithAnyArgs().NotifyRequesterAsync(default!, default, default!, default);
    }

    [Fact]
    public async Task ApprovalTimedOut_BringsTheLateApproversCardUpToDate_AndOnlyTheirs()
    {
        var request = Submit([new ApprovalStage("IT security", [Security1])
        {
            TimeoutHours = 48, Fallbacks = [new StageRoute("the approver group", [Security2])],
        }]);
        request.CheckSla(Start.AddHours(24));
        request.CheckSla(Start.AddHours(48));
        var timedOut = Assert.Single(request.Outbox, e => e.Type == RequestEventType.ApprovalTimedOut);

        await _handler.HandleAsync(request, timedOut);

        await _notifier.Received(1).ShowApprovalCardAsync(request, Security1, 0, Arg.Any<CancellationToken>());
        await _notifier.DidNotReceive().ShowApprovalCardAsync(Arg.Any<ServiceRequest>(), Security2, Arg.Any<int>(), Arg.Any<CancellationToken>());
        await _notifier.DidNotReceiveWithAnyArgs().NotifyRequesterAsync(default!, default, default!, default);
    }

    [Fact]
    public async Task ApprovalTimedOut_TellsTheLateApproverInChat_AndNobodyElse()
    {
        var request = TimedOutToSecurity2();
        var timedOut = Assert.Single(request.Outbox, e => e.Type == RequestEventType.ApprovalTimedOut);

        await _handler.HandleAsync(request, timedOut);

        await _notifier.Received(1).TellLateApproverAsync(request, Security1, 0, timedOut, Arg.Any<CancellationToken>());
        await _notifier.DidNotReceive().TellLateApproverAsync(
            Arg.Any<ServiceRequest>(), Security2, Arg.Any<int>(), Arg.Any<OutboxEvent>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task ApprovalTimedOut_LateApproverUnreachable_CompletesTheEvent()
    {
        var request = TimedOutToSecurity2();
        var timedOut = Assert.Single(request.Outbox, e => e.Type == RequestEventType.ApprovalTimedOut);
        _notifier.TellLateApproverAsync(request, Security1, 0, timedOut, Arg.Any<CancellationToken>())
            .Returns(Task.FromException(new RecipientUnreachableException(Security1.Id, "404 UserNotFound")));

        await _handler.HandleAsync(request, timedOut);

        await _notifier.Received(1).TellLateApproverAsync(request, Security1, 0, timedOut, Arg.Any<CancellationToken>());
    }

    private ServiceRequest TimedOutToSecurity2()
    {
        var request = Submit([new ApprovalStage("IT security", [Security1])
        {
            TimeoutHours = 48, Fallbacks = [new StageRoute("the approver group", [Security2])],
        }]);
        request.CheckSla(Start.AddHours(24));
        request.CheckSla(Start.AddHours(48));
        return request;
    }

    [Fact]
    public async Task ApprovalReminder_StageDecidedMeanwhile_RemindsNoOne()
    {
        var request = Submit([new ApprovalStage("Manager", [Manager]), new ApprovalStage("IT security", [Security1])]);
        request.CheckSla(Start.AddHours(24));
        var reminder = request.Outbox[^1];
        request.Decide(Manager, approve: true, null, 0, Start.AddHours(25));

        await _handler.HandleAsync(request, reminder);

        await _notifier.DidNotReceiveWithAnyArgs().RemindApproverAsync(default!, default!, default!, default);
    }

    [Fact]
    public async Task SlaAtRisk_RefreshesTheTeamCardAndWarnsInItsThread()
    {
        var request = Working();
        request.CheckSla(Start.AddHours(30));

        await _handler.HandleAsync(request, request.Outbox[^1]);

        Received.InOrder(() =>
        {
            _notifier.ShowTeamCardAsync(request, Arg.Any<CancellationToken>());
            _notifier.WarnTeamAtRiskAsync(request, request.Outbox[^1], Arg.Any<CancellationToken>());
        });
    }

    [Fact]
    public async Task SlaBreached_Escalates_TellsTheRequester_AndRefreshesTheTeamCard()
    {
        var request = Working();
        request.CheckSla(Start.AddHours(41));
        var breach = request.Outbox[^1];

        await _handler.HandleAsync(request, breach);

        await _notifier.Received(1).ShowTeamCardAsync(request, Arg.Any<CancellationToken>());
        await _notifier.Received(1).EscalateAsync(
            request, Arg.Is<Escalation>(x => x.Level == Escalation.Supervisor && x.At == breach.CreatedAt), breach, Arg.Any<CancellationToken>());
        await _notifier.Received(1).NotifyRequesterAsync(request, NoticeKind.SlaBreached, breach, Arg.Any<CancellationToken>());
    }

    private static ServiceRequest Working()
    {
        var request = Submit([]);
        request.Assign(Agent, Agent, Start.AddMinutes(5));
        return request;
    }

    private static ServiceRequest Submit(ApprovalStage[] stages) =>
        ServiceRequest.Submit(
            new ServiceRequest.Draft(
                "REQ-000042", "form-42", Requester, "laptop-standard", "Standard laptop", "Hardware", null, "Old laptop.",
                new Dictionary<string, string>(), PriorityMatrix.Assess(Impact.Low, Urgency.Medium), "team-hardware", "Hardware Service",
                Start.AddHours(40), stages),
            Start);
}
