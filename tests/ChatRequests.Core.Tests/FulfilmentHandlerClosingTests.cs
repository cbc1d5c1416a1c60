using ChatRequests.Core.BusinessHours;
using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace ChatRequests.Core.Tests;

/// <summary>What the quality check and closing events make the notifier do.</summary>
public sealed class FulfilmentHandlerClosingTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly PersonRef Agent = new("u-ann", "Ann Agent");
    private static readonly PersonRef Colleague = new("u-carl", "Carl Colleague");
    private static readonly ClosingTerms Daily = new(new ClosureSettings { ReminderAfterWorkingDays = 1, AutoCloseAfterWorkingDays = 2 }, WorkingCalendar.AlwaysOpen);

    private readonly INotifier _notifier = Substitute.For<INotifier>();
    private readonly FulfilmentHandler _handler;

    public FulfilmentHandlerClosingTests() => _handler = new FulfilmentHandler(_notifier, new InMemoryRequestStore(), TimeProvider.System, NullLogger<FulfilmentHandler>.Instance, FulfilmentCollaborators.None);

    [Fact]
    public async Task ReviewRequested_ShowsTheReviewOnTheTeamCard_AndTellsTheRequesterNothing()
    {
        var request = InReview();

        await _handler.HandleAsync(request, request.Outbox[^1]);

        await _notifier.Received(1).ShowTeamCardAsync(request, Arg.Any<CancellationToken>());
        await _notifier.DidNotReceiveWithAnyArgs().NotifyRequesterAsync(default!, default, default!, default);
    }

    [Fact]
    public async Task ReviewFailed_TellsTheAssigneeInChat_AndUpdatesTheTeamCard_NotTheRequester()
    {
        var request = InReview();
        request.FailReview(Colleague, "Not wiped.", At.AddHours(1));

        await _handler.HandleAsync(request, request.Outbox[^1]);

        await _notifier.Received(1).TellAssigneeReviewFailedAsync(request, request.Outbox[^1], Arg.Any<CancellationToken>());
        await _notifier.Received(1).ShowTeamCardAsync(request, Arg.Any<CancellationToken>());
        await _notifier.DidNotReceiveWithAnyArgs().NotifyRequesterAsync(default!, default, default!, default);
    }

    [Fact]
    public async Task PassReview_AsksTheRequesterToConfirm_AsAnyResolution()
    {
        var request = InReview();
        request.PassReview(Colleague, At.AddHours(1), Daily);

        await _handler.HandleAsync(request, request.Outbox[^1]);

        await _notifier.Received(1).NotifyRequesterAsync(request, NoticeKind.Resolved, request.Outbox[^1], Arg.Any<CancellationToken>());
        await _notifier.Received(1).ShowTeamCardAsync(request, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task ConfirmationReminder_RemindsTheRequester_OnlyWhileItStillWaitsForThem()
    {
        var request = Fulfilled();
        request.CheckSla(request.Closing!.RemindAt);
        var reminder = request.Outbox[^1];

        await _handler.HandleAsync(request, reminder);
        request.Reopen(request.Requester, "No", request.Closing.RemindAt.AddMinutes(1));
        await _handler.HandleAsync(request, reminder);

        await _notifier.Received(1).NotifyRequesterAsync(request, NoticeKind.ConfirmationReminder, reminder, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task AutoClosed_TellsTheRequester_AndUpdatesTheTeamCard()
    {
        var request = Fulfilled();
        request.CheckSla(request.Closing!.AutoCloseAt);

        await _handler.HandleAsync(request, request.Outbox[^1]);

        await _notifier.Received(1).NotifyRequesterAsync(request, NoticeKind.AutoClosed, request.Outbox[^1], Arg.Any<CancellationToken>());
        await _notifier.Received(1).ShowTeamCardAsync(request, Arg.Any<CancellationToken>());
    }

    private static ServiceRequest InReview()
    {
        var request = ServiceRequestQualityTests.Working();
        request.Resolve(Agent, "Ready.", At, "Imaged.", new ResolutionRules(true, true, null));
        return request;
    }

    private static ServiceRequest Fulfilled()
    {
        var request = ServiceRequestQualityTests.Working();
        request.Resolve(Agent, "Ready.", At, rules: new ResolutionRules(false, false, Daily));
        return request;
    }
}
