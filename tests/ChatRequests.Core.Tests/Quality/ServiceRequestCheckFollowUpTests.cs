using ChatRequests.Core.BusinessHours;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Provisioning;
using ChatRequests.Core.Requests;
using static ChatRequests.Core.Tests.ProvisioningStepsSamples;

namespace ChatRequests.Core.Tests.Quality;

/// <summary>
/// A check that waits is brought to the lead once; a request fulfilled by automatic provisioning gets the closing timers
/// and, when its item or team asks for it, the quality check, as an agent's resolution would.
/// </summary>
public sealed class ServiceRequestCheckFollowUpTests
{
    private static readonly PersonRef Agent = new("u-ann", "Ann Agent");
    private static readonly PersonRef Colleague = new("u-carl", "Carl Colleague");

    // Mon-Fri 08:00-18:00 UTC.
    private static readonly WorkingCalendar Weekdays = new CalendarDefinition
    {
        TimeZone = "UTC", WorkingDays = ["Mon", "Tue", "Wed", "Thu", "Fri"], Hours = "08:00-18:00",
    }.ToWorkingCalendar();

    private static readonly ClosingTerms Closing = new(new ClosureSettings(), Weekdays);

    // Friday 4 December 2026, 16:00 UTC.
    private static readonly DateTimeOffset Friday = new(2026, 12, 4, 16, 0, 0, TimeSpan.Zero);

    private static readonly ProvisioningPlan SingleStepPlan = new()
    {
        Steps = [new ProvisioningStep { Kind = ProvisioningStepKind.AddToGroup, GroupId = Readers, GroupName = "Finance share readers" }],
    };

    private static readonly ResolutionRules CheckedWithReminder = new(QualityCheck: true, WorkNoteRequired: true, Closing)
    {
        ReviewReminder = new ReviewReminderTerms(4, Weekdays),
    };

    [Fact]
    public void ACheckThatWaits_TellsTheLeadOnce_AfterTheTeamsWorkingHours()
    {
        var request = ServiceRequestQualityTests.Working();
        request.Resolve(Agent, "Laptop ready.", Friday, "Imaged.", CheckedWithReminder);
        // 4 working hours from Friday 16:00: 2 on Friday, 2 on Monday -> Monday 7 December 10:00.
        var due = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal(due, request.Review!.RemindAt);
        Assert.True(request.SlaCheckAt <= due);

        Assert.False(request.CheckSla(due.AddMinutes(-1)).RemindedReviewers);
        Assert.True(request.CheckSla(due).RemindedReviewers);
        var reloaded = ServiceRequestDeliveryCheckTests.Reload(request);
        Assert.False(reloaded.CheckSla(due.AddHours(1)).RemindedReviewers);

        Assert.Equal((AuditAction.RemindReviewers, RequestEventType.ReviewWaiting), (reloaded.History[^1].Action, reloaded.Outbox[^1].Type));
        Assert.Single(reloaded.Outbox, e => e.Type == RequestEventType.ReviewWaiting);
        Assert.Equal(RequestState.InReview, reloaded.State);
    }

    [Fact]
    public void ACheckDecidedInTime_TellsNobody()
    {
        var request = ServiceRequestQualityTests.Working();
        request.Resolve(Agent, "Laptop ready.", Friday, "Imaged.", CheckedWithReminder);
        request.PassReview(Colleague, Friday.AddHours(1), Closing);

        Assert.False(request.CheckSla(Friday.AddDays(10)).RemindedReviewers);
        Assert.DoesNotContain(request.Outbox, e => e.Type == RequestEventType.ReviewWaiting);
    }

    [Fact]
    public void ACheckWithoutAReminderTime_TellsNobody()
    {
        var request = ServiceRequestQualityTests.Working();
        request.Resolve(Agent, "Laptop ready.", Friday, "Imaged.", new ResolutionRules(true, true, Closing));

        Assert.Null(request.Review!.RemindAt);
        Assert.False(request.CheckSla(Friday.AddDays(10)).RemindedReviewers);
    }

    [Fact]
    public void AutomaticProvisioning_FulfilsWithTheClosingTimers_AsAnAgentsResolutionWould()
    {
        var request = Submit(SingleStepPlan, Friday);

        Assert.True(request.CompleteProvisioningStep(0, Friday.AddMinutes(1), new ResolutionRules(false, false, Closing)));

        Assert.Equal(RequestState.Fulfilled, request.State);
        Assert.Equal(Closing.ScheduleFrom(Friday.AddMinutes(1)), request.Closing);
        Assert.Equal(request.Closing!.RemindAt, request.SlaCheckAt);
        Assert.True(request.CheckSla(request.Closing.RemindAt).RemindedRequester);
        Assert.True(request.CheckSla(request.Closing.AutoCloseAt).AutoClosed);
        Assert.True(request.WasClosedAutomatically);
    }

    [Fact]
    public void AutomaticProvisioning_OfAFlaggedItem_GoesToAReviewer_AndThePassFulfilsItWithTheClosingTimers()
    {
        var request = Submit(SingleStepPlan, Friday);

        request.CompleteProvisioningStep(0, Friday.AddMinutes(1), CheckedWithReminder);

        Assert.Equal(RequestState.InReview, request.State);
        Assert.Equal(ProvisioningStatus.Done, request.ProvisioningStatus);
        Assert.Equal((AuditAction.SubmitProvisioningForReview, PersonRef.System), (request.History[^1].Action, request.History[^1].Actor));
        Assert.Equal(PersonRef.System, request.Review!.ResolvedBy);
        Assert.Equal(RequestEventType.ReviewRequested, request.Outbox[^1].Type);
        Assert.DoesNotContain(request.Outbox, e => e.Type == RequestEventType.Resolved);
        Assert.NotNull(request.Review.RemindAt);

        request.PassReview(Colleague, Friday.AddHours(1), Closing);

        Assert.Equal(RequestState.Fulfilled, request.State);
        Assert.NotNull(request.Closing);
        var resolved = request.Outbox[^1];
        Assert.Equal((RequestEventType.Resolved, PersonRef.System), (resolved.Type, resolved.Actor));
    }
}
