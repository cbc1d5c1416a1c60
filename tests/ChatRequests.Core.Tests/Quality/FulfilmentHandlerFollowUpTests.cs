using ChatRequests.Core.BusinessHours;
using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace ChatRequests.Core.Tests.Quality;

/// <summary>What the follow-ups of a delivery and of a waiting check make the notifier do, and not do once overtaken.</summary>
public sealed class FulfilmentHandlerFollowUpTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly PersonRef Requester = new("u-rita", "Rita Requester");
    private static readonly PersonRef Agent = new("u-ann", "Ann Agent");
    private static readonly PersonRef Colleague = new("u-carl", "Carl Colleague");
    private static readonly ClosingTerms Daily = new(
        new ClosureSettings { ReceiptReminderAfterWorkingDays = 1, ReceiptAlertAfterWorkingDays = 2 }, WorkingCalendar.AlwaysOpen);

    private readonly INotifier _notifier = Substitute.For<INotifier>();
    private readonly FulfilmentHandler _handler;

    public FulfilmentHandlerFollowUpTests() => _handler = new FulfilmentHandler(_notifier, new InMemoryRequestStore(), TimeProvider.System, NullLogger<FulfilmentHandler>.Instance, FulfilmentCollaborators.None);

    [Fact]
    public async Task ReceiptReminder_RemindsTheRequester_AndReceiptOverdue_TellsTheTeam()
    {
        var request = Sent();
        request.CheckSla(At.AddDays(1));
        var reminder = request.Outbox[^1];
        request.CheckSla(At.AddDays(2));
        var overdue = request.Outbox[^1];

        await _handler.HandleAsync(request, reminder);
        await _handler.HandleAsync(request, overdue);

        await _notifier.Received(1).NotifyRequesterAsync(request, NoticeKind.ReceiptReminder, reminder, Arg.Any<CancellationToken>());
        await _notifier.Received(1).TellTeamReceiptOverdueAsync(request, overdue, Arg.Any<CancellationToken>());
        await _notifier.Received(1).ShowTeamCardAsync(request, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task AReminderDeliveredAfterTheReceipt_SaysNothing()
    {
        var request = Sent();
        request.CheckSla(At.AddDays(1));
        var reminder = request.Outbox[^1];
        request.AcknowledgeReceipt(Requester, At.AddDays(1).AddMinutes(1));

        await _handler.HandleAsync(request, reminder);

        await _notifier.DidNotReceiveWithAnyArgs().NotifyRequesterAsync(default!, default, default!, default);
    }

    [Fact]
    public async Task ReviewWaiting_RemindsTheReviewers_UnlessTheCheckWasDecidedMeanwhile()
    {
        var request = ServiceRequestQualityTests.Working();
        request.Resolve(Agent, "Done.", At, "Imaged.", new ResolutionRules(true, true, null) { ReviewReminder = new ReviewReminderTerms(2, WorkingCalendar.AlwaysOpen) });
        request.CheckSla(At.AddHours(2));
        var waiting = request.Outbox[^1];
        Assert.Equal(RequestEventType.ReviewWaiting, waiting.Type);

        await _handler.HandleAsync(request, waiting);
        request.PassReview(Colleague, At.AddHours(3));
        await _handler.HandleAsync(request, waiting);

        await _notifier.Received(1).RemindReviewersAsync(request, waiting, Arg.Any<CancellationToken>());
    }

    private static ServiceRequest Sent()
    {
        var request = ServiceRequest.Submit(
            new ServiceRequest.Draft(
                "REQ-000042", "form-42", Requester, "mouse", "Standard mouse", "Hardware", null, "Broken.",
                new Dictionary<string, string>(), PriorityMatrix.Assess(Impact.Low, Urgency.Medium), "team-hardware", "Hardware Service",
                At.AddDays(30), [], DeliversItem: true),
            At);
        request.Assign(Agent, Agent, At);
        request.SendForDelivery(Agent, "DHL", "JD0123", At, rules: new ResolutionRules(false, false, Daily));
        return request;
    }
}
