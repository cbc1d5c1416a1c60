using System.Text.Json;
using ChatRequests.Core.BusinessHours;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Sla;
using ChatRequests.Core.Storage;

namespace ChatRequests.Core.Tests;

/// <summary>Closing without the requester: the reminder, the automatic closing on the team's working days, the reopen window.</summary>
public sealed class ServiceRequestClosingTests
{
    private static readonly PersonRef Requester = new("u-rita", "Rita Requester");
    private static readonly PersonRef Agent = new("u-ann", "Ann Agent");

    // Mon-Fri 08:00-18:00 in Berlin, 24 and 25 December off.
    private static readonly WorkingCalendar Weekdays = new CalendarDefinition
    {
        TimeZone = "Europe/Berlin", WorkingDays = ["Mon", "Tue", "Wed", "Thu", "Fri"], Hours = "08:00-18:00", Holidays = ["2026-12-24", "2026-12-25"],
    }.ToWorkingCalendar();

    private static readonly ClosingTerms Terms = new(new ClosureSettings(), Weekdays);

    // Wednesday 2 December 2026, 10:00 in Berlin.
    private static readonly DateTimeOffset Resolved = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Resolve_WithClosingTerms_SchedulesTheReminderAndTheClosingInWorkingDays()
    {
        var request = Fulfilled(Resolved);

        // 3 working days: Mon 7 Dec 10:00 Berlin; 5: Wed 9 Dec 10:00 Berlin (the weekend does not count).
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero), request.Closing!.RemindAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 9, 9, 0, 0, TimeSpan.Zero), request.Closing.AutoCloseAt);
        Assert.Equal(request.Closing.RemindAt, request.SlaCheckAt);
    }

    [Fact]
    public void WorkingDays_SkipHolidays()
    {
        // Tue 22 Dec 10:00: 3 working days skip 24, 25 Dec and the weekend -> Tue 29 Dec 10:00 Berlin.
        var request = Fulfilled(new DateTimeOffset(2026, 12, 22, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 12, 29, 9, 0, 0, TimeSpan.Zero), request.Closing!.RemindAt);
    }

    [Fact]
    public void WithoutClosingTerms_NothingClosesByItself()
    {
        var request = ServiceRequestQualityTests.Working();
        request.Resolve(Agent, "Done.", Resolved);

        Assert.Null(request.Closing);
        Assert.Null(request.SlaCheckAt);
        Assert.False(request.CheckSla(Resolved.AddYears(1)).DidAnything);
        Assert.Equal(RequestState.Fulfilled, request.State);
    }

    [Fact]
    public void TheReminderComesOnce_AtItsInstant_InTheRequestersChatThroughTheOutbox()
    {
        var request = Fulfilled(Resolved);
        var remindAt = request.Closing!.RemindAt;

        Assert.False(request.CheckSla(remindAt.AddTicks(-1)).DidAnything);
        Assert.Equal(SlaOutcome.None with { RemindedRequester = true }, request.CheckSla(remindAt));
        Assert.False(request.CheckSla(remindAt.AddHours(1)).DidAnything);

        Assert.Single(request.Outbox, e => e.Type == RequestEventType.ConfirmationReminder);
        Assert.Equal(AuditAction.RemindRequester, request.History[^1].Action);
        Assert.Equal(RequestState.Fulfilled, request.State);
        Assert.Equal(request.Closing.AutoCloseAt, request.SlaCheckAt);
    }

    [Fact]
    public void WithoutAnAnswer_TheSystemClosesItOnce_SayingWhyInTheHistory()
    {
        var request = Fulfilled(Resolved);
        request.CheckSla(request.Closing!.RemindAt);
        var closeAt = request.Closing.AutoCloseAt;

        Assert.False(request.CheckSla(closeAt.AddTicks(-1)).DidAnything);
        Assert.Equal(SlaOutcome.None with { AutoClosed = true }, request.CheckSla(closeAt));
        Assert.False(request.CheckSla(closeAt.AddDays(1)).DidAnything);

        Assert.Equal(RequestState.Closed, request.State);
        Assert.True(request.WasClosedAutomatically);
        var line = request.History[^1];
        Assert.Equal((AuditAction.AutoClose, PersonRef.System, RequestState.Fulfilled, RequestState.Closed), (line.Action, line.Actor, line.From, line.To));
        Assert.Equal("closed automatically: no answer in 5 working days", line.Comment);
        Assert.Single(request.Outbox, e => e.Type == RequestEventType.AutoClosed);
        Assert.Null(request.SlaCheckAt);
    }

    [Fact]
    public void ASweepThatMissedTheReminder_ClosesWithoutSendingItLate()
    {
        var request = Fulfilled(Resolved);

        Assert.True(request.CheckSla(request.Closing!.AutoCloseAt.AddDays(2)).AutoClosed);

        Assert.DoesNotContain(request.Outbox, e => e.Type == RequestEventType.ConfirmationReminder);
    }

    [Fact]
    public void TheRequestersConfirmation_StopsTheTimer_AndClosesForGood()
    {
        var request = Fulfilled(Resolved);
        request.Confirm(Requester, 4, null, Resolved.AddDays(1));

        Assert.Null(request.SlaCheckAt);
        Assert.False(request.CheckSla(request.Closing!.AutoCloseAt).DidAnything);
        Assert.False(request.MayReopen(Resolved.AddDays(2)));
        var refusal = Assert.Throws<RequestRuleException>(() => request.Reopen(Requester, "Broken again", Resolved.AddDays(2)));
        Assert.Contains("you confirmed it", refusal.Message);
    }

    [Fact]
    public void AnAutomaticallyClosedRequest_MayBeReopenedWithinTheWindow_FromTheClosing()
    {
        var request = Fulfilled(Resolved);
        var closedAt = request.Closing!.AutoCloseAt;
        request.CheckSla(closedAt);

        request.Reopen(Requester, "Still no VPN", closedAt.AddDays(14));

        Assert.Equal(RequestState.Reopened, request.State);
        Assert.Equal((AuditAction.Reopen, RequestState.Closed, RequestState.Reopened), (request.History[^1].Action, request.History[^1].From, request.History[^1].To));
    }

    [Fact]
    public void AfterTheWindow_ReopenIsRefusedWithAClearMessage()
    {
        var request = Fulfilled(Resolved);
        var closedAt = request.Closing!.AutoCloseAt;
        request.CheckSla(closedAt);

        var refusal = Assert.Throws<RequestRuleException>(() => request.Reopen(Requester, "Still no VPN", closedAt.AddDays(14).AddTicks(1)));

        Assert.Equal("REQ-000042 closed automatically and could be reopened until 23 Dec 2026 (14 days); that time has passed. Type 'new request' to ask again.", refusal.Message);
        Assert.Equal(RequestState.Closed, request.State);
    }

    [Fact]
    public void ReopenedThenResolvedAgain_GetsAFreshSchedule()
    {
        var request = Fulfilled(Resolved);
        request.Reopen(Requester, "No", Resolved.AddHours(1));
        request.Resolve(Agent, "Fixed now.", Resolved.AddDays(1), rules: new ResolutionRules(false, false, Terms));

        Assert.Equal(Resolved.AddDays(1), request.Closing!.FulfilledAt);
        Assert.Null(request.Closing.RemindedAt);
    }

    [Fact]
    public void TheScheduleAndItsMarks_SurviveTheStoredDocument()
    {
        var request = Fulfilled(Resolved);
        request.CheckSla(request.Closing!.RemindAt);

        var copy = JsonSerializer.Deserialize<ServiceRequest>(JsonSerializer.Serialize(request, RequestJson.Options), RequestJson.Options)!;

        Assert.Equal(request.Closing, copy.Closing);
        Assert.Equal(request.SlaCheckAt, copy.SlaCheckAt);
        Assert.False(copy.CheckSla(request.Closing.RemindAt.AddHours(1)).DidAnything);
    }

    private static ServiceRequest Fulfilled(DateTimeOffset at)
    {
        var request = ServiceRequestQualityTests.Working();
        request.Resolve(Agent, "Done.", at, rules: new ResolutionRules(false, false, Terms));
        return request;
    }
}
