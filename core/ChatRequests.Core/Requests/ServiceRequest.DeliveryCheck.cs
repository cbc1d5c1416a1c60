using System.Text.Json.Serialization;
using ChatRequests.Core.Sla;

namespace ChatRequests.Core.Requests;

// Where the quality check meets delivery: a checked item goes out only after a reviewer passed it; and a delivery its
// requester does not acknowledge is followed up, first with them, then with the assignee.
public sealed partial class ServiceRequest
{
    /// <summary>When the sweep must follow up the delivery's acknowledgement; null when nothing is due.</summary>
    [JsonIgnore]
    internal DateTimeOffset? ReceiptFollowUpAt =>
        State == RequestState.OutForDelivery && Delivery is { ReceivedAt: null, HeldForCheck: false, FollowUp: { } followUp } ? followUp.DueAt : null;

    /// <summary>The next instant a follow-up of this partial is due: a check that waits, or a delivery not acknowledged.</summary>
    [JsonIgnore]
    internal DateTimeOffset? FollowUpCheckAt => ReviewReminderAt is { } review && (ReceiptFollowUpAt is not { } receipt || review < receipt)
        ? review
        : ReceiptFollowUpAt;

    /// <summary>The reviewer passed the item held for the check: it goes out now, and the requester is told it is on its way.</summary>
    private void ReleaseForDelivery(Delivery held, PersonRef reviewer, DateTimeOffset now, ClosingTerms? closing)
    {
        Apply(RequestCommand.ReleaseForDelivery, reviewer, now,
            $"Quality check passed: verified by {reviewer.Name}; sent with {held.Carrier}, tracking {held.TrackingReference}");
        Delivery = held with { HeldForCheck = false, SentAt = now, FollowUp = closing?.ReceiptFollowUpFrom(now) };
        Raise(RequestEventType.OutForDelivery, held.SentBy, now, null);
    }

    /// <summary>Whether this shipment passed a quality check before it left (a check decided when, or after, it was sent).</summary>
    private bool WasCheckedBeforeItWentOut(Delivery delivery) =>
        Review is { Passed: true, DecidedAt: { } decided } && decided >= delivery.SentAt;

    /// <summary>
    /// The sweep's branch for deliveries not acknowledged: the requester is reminded once, then the assignee is told once
    /// (a reminder due together with the word to the assignee, after a sweep that did not run for days, is skipped).
    /// Marked on the delivery, so restarts and several sweepers do each once.
    /// </summary>
    private SlaOutcome? FollowUpReceipt(DateTimeOffset now)
    {
        if (ReceiptFollowUpAt is not { } due || now < due)
        {
            return null;
        }

        var delivery = Delivery!;
        var followUp = delivery.FollowUp!;
        if (followUp is { AlertAt: { } alertAt, AlertedAt: null } && now >= alertAt)
        {
            Delivery = delivery with { FollowUp = followUp with { AlertedAt = now, RemindedAt = followUp.RemindedAt ?? (followUp.RemindAt is null ? null : (DateTimeOffset?)now) } };
            var who = Assignee?.Name ?? TeamName;
            Note(AuditAction.ReceiptOverdue, now, $"{Requester.Name} has not acknowledged receipt (tracking {delivery.TrackingReference}); {who} told on the team card");
            Raise(RequestEventType.ReceiptOverdue, PersonRef.System, now, null);
            return SlaOutcome.None with { ChasedReceipt = true };
        }

        Delivery = delivery with { FollowUp = followUp with { RemindedAt = now } };
        Note(AuditAction.RemindReceipt, now, $"Reminded {Requester.Name} to acknowledge receipt (tracking {delivery.TrackingReference})");
        Raise(RequestEventType.ReceiptReminder, PersonRef.System, now, null);
        return SlaOutcome.None with { ChasedReceipt = true };
    }

    /// <summary>The follow-ups of this partial that are due (<see cref="CheckSla"/>): one step per call, then the rest of the check.</summary>
    private SlaOutcome? FollowUp(DateTimeOffset now) =>
        RemindReviewers(now) ? SlaOutcome.None with { RemindedReviewers = true } : FollowUpReceipt(now);
}
