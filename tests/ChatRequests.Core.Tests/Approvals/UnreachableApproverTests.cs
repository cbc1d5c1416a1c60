using ChatRequests.Core.Catalog;
using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using static ChatRequests.Core.Tests.Approvals.PolicyOrganisation;

namespace ChatRequests.Core.Tests.Approvals;

/// <summary>
/// An approver Teams refuses to reach for good is not retried: the stage goes on at once to the rest of a parallel stage,
/// else to the approver's manager, then the item's approver group; with nobody left the request is stuck, visibly.
/// </summary>
public sealed class UnreachableApproverTests
{
    private readonly PolicyOrganisation _organisation = new();
    private readonly INotifier _notifier = Substitute.For<INotifier>();
    private readonly FakeTimeProvider _clock = new(SampleData.Start.AddMinutes(5));
    private readonly FulfilmentHandler _handler;

    public UnreachableApproverTests() => _handler = new FulfilmentHandler(_notifier, _organisation.Store, _clock, NullLogger<FulfilmentHandler>.Instance, FulfilmentCollaborators.None);

    [Fact]
    public async Task ManagerUnreachable_StageGoesToTheirManager_AndTheRequesterIsToldWhere()
    {
        Unreachable(Mark);
        var request = await _organisation.SubmitAsync(Item(ApprovalPolicy.Manager));

        var stored = await HandleApprovalRequestedAsync(request);

        Assert.Equal([Bea.Id], stored.PendingStage!.Approvers.Select(a => a.Id));
        Assert.Equal(
            "Mark Manager could not be reached (404 UserNotFound): Manager goes to Bea Boss (Mark Manager's manager)",
            stored.History[^1].Comment);
        Assert.Equal(AuditAction.Reroute, stored.History[^1].Action);
        var notice = Assert.Single(stored.Outbox, e => e.Type == RequestEventType.ApprovalRerouted);
        Assert.Equal("Your approval could not reach Mark Manager; it went to Bea Boss.", notice.Comment);
        Assert.Single(stored.Outbox, e => e.Type == RequestEventType.ApprovalRequested && e.CreatedAt == _clock.GetUtcNow());
        Assert.Equal("Bea Boss", RequestProgress.HeldBy(stored, Rita.Id));
        Assert.Equal(_clock.GetUtcNow(), stored.PendingStage.RequestedAt);
    }

    [Fact]
    public async Task ManagerAndTheirManagerUnreachable_StageGoesToTheApproverGroup()
    {
        Unreachable(Mark);
        Unreachable(Bea);
        var request = await _organisation.SubmitAsync(Item(ApprovalPolicy.Manager));

        var stored = await HandleApprovalRequestedAsync(await HandleApprovalRequestedAsync(request));

        Assert.Equal([Sam.Id, Sue.Id], stored.PendingStage!.Approvers.Select(a => a.Id));
        Assert.Equal([Mark.Id, Bea.Id], stored.PendingStage.Unreachable.Select(a => a.Id));
        Assert.Equal(
            "Bea Boss could not be reached (404 UserNotFound): Manager goes to Sam Security, Sue Security (the approver group IT Security)",
            stored.History[^1].Comment);
    }

    [Fact]
    public async Task ParallelStage_OneMemberUnreachable_GoesOnWithTheOthers_WithoutBotheringTheRequester()
    {
        Unreachable(Sam);
        var request = await _organisation.SubmitAsync(Item(Stages(new StagePolicy { Kind = StageKinds.Group, Mode = ApprovalMode.Any })));

        var stored = await HandleApprovalRequestedAsync(request);

        Assert.Equal([Sue.Id], stored.PendingStage!.Approvers.Select(a => a.Id));
        Assert.Equal("Sam Security could not be reached (404 UserNotFound): IT Security goes on with Sue Security", stored.History[^1].Comment);
        Assert.DoesNotContain(stored.Outbox, e => e.Type is RequestEventType.ApprovalRerouted or RequestEventType.ApprovalStuck);
        await _notifier.Received(1).ShowApprovalCardAsync(Arg.Any<ServiceRequest>(), Arg.Is<PersonRef>(p => p.Id == Sue.Id), 0, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task WholeChainUnreachable_IsStuck_TheEventParksAndTheRequesterIsTold()
    {
        Unreachable(Sam);
        Unreachable(Sue);
        var request = await _organisation.SubmitAsync(Item(Stages(new StagePolicy { Kind = StageKinds.Group, Mode = ApprovalMode.All })));

        var failure = await Assert.ThrowsAsync<PermanentEventFailureException>(() => HandleApprovalRequestedAsync(request));

        Assert.Contains("Nobody who can decide IT Security", failure.Message, StringComparison.Ordinal);
        var stored = (await _organisation.Store.GetAsync(request.Id))!;
        Assert.True(stored.PendingStage!.IsStuck);
        Assert.Equal(
            "Sue Security could not be reached (404 UserNotFound), and nobody else can decide IT Security: it waits for the service desk",
            stored.History[^1].Comment);
        Assert.Single(stored.Outbox, e => e.Type == RequestEventType.ApprovalStuck);
        Assert.Equal("The service desk (no approver could be reached)", RequestProgress.HeldBy(stored, Rita.Id));
    }

    [Fact]
    public async Task RerouteUnreachable_OfSomeoneNoLongerAsked_ChangesNothing()
    {
        Unreachable(Mark);
        var request = await _organisation.SubmitAsync(Item(ApprovalPolicy.Manager));
        var stored = await HandleApprovalRequestedAsync(request);
        var lines = stored.History.Count;

        var outcome = stored.RerouteUnreachable(new PersonRef(Mark.Id, Mark.Name), "404", _clock.GetUtcNow());

        Assert.Equal(RerouteOutcome.Unchanged, outcome);
        Assert.Equal(lines, stored.History.Count);
    }

    [Fact]
    public async Task NoticeToAnUnreachableRequester_IsParkedAtOnce()
    {
        var request = await _organisation.SubmitAsync(Item(ApprovalPolicy.Manager));
        request = await _organisation.DecideAsync(Item(ApprovalPolicy.Manager), request, Mark, approve: false, stage: 0);
        _notifier.NotifyRequesterAsync(Arg.Any<ServiceRequest>(), Arg.Any<NoticeKind>(), Arg.Any<OutboxEvent>(), Arg.Any<CancellationToken>())
            .Returns(Task.FromException(new RecipientUnreachableException(Rita.Id, "403 BotNotInConversationRoster")));

        await Assert.ThrowsAsync<PermanentEventFailureException>(
            () => _handler.HandleAsync(request, request.Outbox.Single(e => e.Type == RequestEventType.Rejected)));
    }

    private void Unreachable(Person person) =>
        _notifier.ShowApprovalCardAsync(Arg.Any<ServiceRequest>(), Arg.Is<PersonRef>(p => p.Id == person.Id), Arg.Any<int>(), Arg.Any<CancellationToken>())
            .Returns(Task.FromException(new RecipientUnreachableException(person.Id, "404 UserNotFound")));

    /// <summary>Handles the latest approval request of the request as stored, and returns the request as stored afterwards.</summary>
    private async Task<ServiceRequest> HandleApprovalRequestedAsync(ServiceRequest request)
    {
        request = (await _organisation.Store.GetAsync(request.Id))!;
        await _handler.HandleAsync(request, request.Outbox.Last(e => e.Type == RequestEventType.ApprovalRequested));
        return (await _organisation.Store.GetAsync(request.Id))!;
    }
}
