using System.Text.Json;
using ChatRequests.Core.BusinessHours;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;

namespace ChatRequests.Core.Tests.Quality;

/// <summary>
/// Where the quality check meets delivery: every path of a physical item to Fulfilled respects the check (it is checked
/// before it goes out), a receipt starts the closing timers, and a receipt nobody gives is followed up once each.
/// </summary>
public sealed class ServiceRequestDeliveryCheckTests
{
    private static readonly PersonRef Requester = new("u-rita", "Rita Requester");
    private static readonly PersonRef Agent = new("u-ann", "Ann Agent");
    private static readonly PersonRef Colleague = new("u-carl", "Carl Colleague");

    // Mon-Fri 08:00-18:00 UTC.
    private static readonly WorkingCalendar Weekdays = new CalendarDefinition
    {
        TimeZone = "UTC", WorkingDays = ["Mon", "Tue", "Wed", "Thu", "Fri"], Hours = "08:00-18:00",
    }.ToWorkingCalendar();

    private static readonly ClosingTerms Closing = new(
        new ClosureSettings { ReceiptReminderAfterWorkingDays = 2, ReceiptAlertAfterWorkingDays = 4 }, Weekdays);

    private static readonly ResolutionRules Checked = new(QualityCheck: true, WorkNoteRequired: true, Closing);
    private static readonly ResolutionRules Unchecked = new(QualityCheck: false, WorkNoteRequired: false, Closing);

    // Monday 30 November 2026, 09:00 UTC.
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SendForDelivery_WithACheckDue_HoldsTheItemForAReviewer_AndTheRequesterHearsNothingYet()
    {
        var request = Working();

        request.SendForDelivery(Agent, "DHL", "JD0123", Start.AddHours(2), Weekdays, Checked);

        Assert.Equal(RequestState.InReview, request.State);
        Assert.True(request.Delivery!.HeldForCheck);
        Assert.Equal(new QualityReview(Agent, Start.AddHours(2)), request.Review);
        Assert.Equal(RequestEventType.ReviewRequested, request.Outbox[^1].Type);
        Assert.DoesNotContain(request.Outbox, e => e.Type is RequestEventType.OutForDelivery or RequestEventType.Resolved);
        // Not on its way: the requester cannot acknowledge it, and nothing is followed up.
        Assert.Throws<RequestTransitionException>(() => request.AcknowledgeReceipt(Requester, Start.AddHours(3), Checked));
        Assert.Null(request.Delivery.FollowUp);
    }

    [Fact]
    public void PassReview_OfAHeldItem_SendsItOut_AndTheReceiptThenFulfilsItWithTheClosingTimers()
    {
        var request = Working();
        request.SendForDelivery(Agent, "DHL", "JD0123", Start.AddHours(2), Weekdays, Checked);

        request.PassReview(Colleague, Start.AddHours(3), Closing);

        Assert.Equal(RequestState.OutForDelivery, request.State);
        Assert.Equal((AuditAction.ReleaseForDelivery, Colleague), (request.History[^1].Action, request.History[^1].Actor));
        Assert.Contains("verified by Carl Colleague", request.History[^1].Comment);
        Assert.Equal(Colleague, request.VerifiedBy);
        Assert.False(request.Delivery!.HeldForCheck);
        var onItsWay = request.Outbox[^1];
        Assert.Equal((RequestEventType.OutForDelivery, Agent), (onItsWay.Type, onItsWay.Actor));

        request.AcknowledgeReceipt(Requester, Start.AddDays(1), Checked);

        Assert.Equal(RequestState.Fulfilled, request.State);
        Assert.Equal(AuditAction.AcknowledgeReceipt, request.History[^1].Action);
        Assert.NotNull(request.Closing);
        Assert.Equal(RequestEventType.Resolved, request.Outbox[^1].Type);
    }

    [Fact]
    public void FailReview_OfAHeldItem_GoesBackToTheAssignee_AndNothingWentOut()
    {
        var request = Working();
        request.SendForDelivery(Agent, "DHL", "JD0123", Start.AddHours(2), Weekdays, Checked);

        request.FailReview(Colleague, "The charger is missing from the box.", Start.AddHours(3));

        Assert.Equal(RequestState.InProgress, request.State);
        Assert.Null(request.Delivery);
        Assert.Equal(RequestEventType.ReviewFailed, request.Outbox[^1].Type);
        Assert.DoesNotContain(request.Outbox, e => e.Type == RequestEventType.OutForDelivery);

        // Packed again, checked again, and only then on its way.
        request.SendForDelivery(Agent, "DHL", "JD0456", Start.AddHours(4), Weekdays, Checked);
        Assert.Equal(RequestState.InReview, request.State);
    }

    [Fact]
    public void Resolve_ADeliveredItemHandedOverInPerson_GoesToTheCheckToo()
    {
        var request = Working();

        request.Resolve(Agent, "Handed over at the desk.", Start.AddHours(2), "Charger in the box.", Checked, Weekdays);

        Assert.Equal(RequestState.InReview, request.State);
        Assert.Null(request.Delivery);
    }

    [Fact]
    public void AcknowledgeReceipt_OfAnItemThatWentOutUnchecked_WhenACheckIsDue_GoesToAReviewerBeforeTheRequesterConfirms()
    {
        // Sent before the team checked its items (or before the item was flagged).
        var request = Working();
        request.SendForDelivery(Agent, "DHL", "JD0123", Start.AddHours(2), Weekdays, Unchecked);

        request.AcknowledgeReceipt(Requester, Start.AddDays(1), Checked);

        Assert.Equal(RequestState.InReview, request.State);
        Assert.Equal((Requester, Start.AddDays(1)), (request.Delivery!.ReceivedBy, request.Delivery.ReceivedAt));
        Assert.Equal(
            [(AuditAction.AcknowledgeReceipt, RequestState.OutForDelivery), (AuditAction.SubmitForReview, RequestState.InReview)],
            request.History.TakeLast(2).Select(h => (h.Action, h.To)));
        Assert.Equal(RequestEventType.ReviewRequested, request.Outbox[^1].Type);
        Assert.DoesNotContain(request.Outbox, e => e.Type == RequestEventType.Resolved);
        Assert.Null(request.Closing);

        request.PassReview(Colleague, Start.AddDays(1).AddHours(1), Closing);

        Assert.Equal(RequestState.Fulfilled, request.State);
        Assert.NotNull(request.Closing);
    }

    [Fact]
    public void AcknowledgeReceipt_WithoutACheck_StartsTheClosingTimers()
    {
        var request = Working();
        request.SendForDelivery(Agent, "DHL", "JD0123", Start.AddHours(2), Weekdays, Unchecked);

        request.AcknowledgeReceipt(Requester, Start.AddDays(1), Unchecked);

        Assert.Equal(RequestState.Fulfilled, request.State);
        Assert.Equal(Start.AddDays(1), request.Closing!.FulfilledAt);
        Assert.Equal(request.Closing.RemindAt, request.SlaCheckAt);
    }

    [Fact]
    public void AReceiptNobodyGives_RemindsTheRequesterOnce_ThenTellsTheAssigneeOnce_OnWorkingDays()
    {
        var request = Working();
        // Friday 4 December 17:00: 2 working days -> Tuesday 17:00; 4 -> Thursday 17:00 (the weekend does not count).
        var sent = new DateTimeOffset(2026, 12, 4, 17, 0, 0, TimeSpan.Zero);
        request.SendForDelivery(Agent, "DHL", "JD0123", sent, Weekdays, Unchecked);
        var remindAt = new DateTimeOffset(2026, 12, 8, 17, 0, 0, TimeSpan.Zero);
        var alertAt = new DateTimeOffset(2026, 12, 10, 17, 0, 0, TimeSpan.Zero);
        Assert.Equal(new ReceiptFollowUp(remindAt, alertAt), request.Delivery!.FollowUp);
        Assert.Equal(remindAt, request.SlaCheckAt);

        Assert.False(request.CheckSla(remindAt.AddMinutes(-1)).DidAnything);
        Assert.True(request.CheckSla(remindAt).ChasedReceipt);
        Assert.False(request.CheckSla(remindAt.AddMinutes(5)).DidAnything);
        Assert.Equal((AuditAction.RemindReceipt, RequestEventType.ReceiptReminder), (request.History[^1].Action, request.Outbox[^1].Type));
        Assert.Equal(alertAt, request.SlaCheckAt);

        // Written and read back (a restart, another sweeper): the marks hold.
        var reloaded = Reload(request);
        Assert.False(reloaded.CheckSla(remindAt.AddHours(1)).DidAnything);
        Assert.True(reloaded.CheckSla(alertAt).ChasedReceipt);
        Assert.False(Reload(reloaded).CheckSla(alertAt.AddDays(1)).DidAnything);
        Assert.Equal((AuditAction.ReceiptOverdue, RequestEventType.ReceiptOverdue), (reloaded.History[^1].Action, reloaded.Outbox[^1].Type));
        Assert.Contains("Ann Agent told", reloaded.History[^1].Comment);
        Assert.Single(reloaded.Outbox, e => e.Type == RequestEventType.ReceiptReminder);
        Assert.Equal(RequestState.OutForDelivery, reloaded.State);
    }

    [Fact]
    public void AReceiptGivenInTime_IsNotFollowedUp()
    {
        var request = Working();
        request.SendForDelivery(Agent, "DHL", "JD0123", Start, Weekdays, Unchecked);
        request.AcknowledgeReceipt(Requester, Start.AddHours(3), Unchecked);

        Assert.False(request.CheckSla(Start.AddDays(30)).ChasedReceipt);
        Assert.DoesNotContain(request.Outbox, e => e.Type is RequestEventType.ReceiptReminder or RequestEventType.ReceiptOverdue);
    }

    [Fact]
    public void ASweepThatMissedTheReminder_TellsTheAssignee_AndSkipsTheLateReminder()
    {
        var request = Working();
        request.SendForDelivery(Agent, "DHL", "JD0123", Start, Weekdays, Unchecked);

        Assert.True(request.CheckSla(Start.AddDays(30)).ChasedReceipt);

        Assert.Single(request.Outbox, e => e.Type == RequestEventType.ReceiptOverdue);
        Assert.DoesNotContain(request.Outbox, e => e.Type == RequestEventType.ReceiptReminder);
        Assert.Null(request.Delivery!.FollowUp!.DueAt);
    }

    [Fact]
    public void WithoutReceiptSettings_NothingIsFollowedUp()
    {
        var request = Working();
        request.SendForDelivery(Agent, "DHL", "JD0123", Start, Weekdays, new ResolutionRules(false, false, new ClosingTerms(new ClosureSettings(), Weekdays)));

        Assert.Null(request.Delivery!.FollowUp);
        Assert.False(request.CheckSla(Start.AddDays(30)).ChasedReceipt);
    }

    internal static ServiceRequest Reload(ServiceRequest request) =>
        JsonSerializer.Deserialize<ServiceRequest>(JsonSerializer.Serialize(request, RequestJson.Options), RequestJson.Options)!;

    /// <summary>A request for a delivered item, approved without stages and in progress with <see cref="Agent"/>.</summary>
    private static ServiceRequest Working()
    {
        var request = ServiceRequest.Submit(
            new ServiceRequest.Draft(
                "REQ-000042", "form-42", Requester, "laptop-standard", "Standard laptop", "Hardware", "1,450.00 EUR", "Old laptop.",
                new Dictionary<string, string>(), PriorityMatrix.Assess(Impact.Low, Urgency.Medium), "team-hardware", "Hardware Service",
                Start.AddDays(60), [], DeliversItem: true),
            Start);
        request.Assign(Agent, Agent, Start.AddMinutes(10));
        request.SetStatus(Agent, RequestState.InProgress, null, Start.AddMinutes(20));
        return request;
    }
}
