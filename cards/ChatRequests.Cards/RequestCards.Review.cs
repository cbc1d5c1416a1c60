using System.Globalization;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Requests;

namespace ChatRequests.Cards;

// The quality check on the team card: what waits for a reviewer, a failed check the assignee must answer, who verified.
public sealed partial class RequestCards
{
    /// <summary>The assignee's message in chat: a reviewer sent their work back, and why (the event's comment).</summary>
    public CardMessage ReviewFailed(ServiceRequest r, OutboxEvent cause)
    {
        var reason = cause.Comment ?? r.Review?.Reason ?? "";
        var data = new { id = r.Id, itemName = r.ItemName, requesterName = r.Requester.Name, reviewerName = cause.Actor.Name, reason };
        return Render(
            "review-failed",
            data,
            $"Quality check failed on {r.Id} ({r.ItemName} for {r.Requester.Name}): {cause.Actor.Name} sent it back. {CardText.Shorten(reason, FallbackQuoteLength)}");
    }

    private static object? ReviewData(ServiceRequest r) => r is { State: RequestState.InReview, Review: { IsPending: true } review }
        ? new { text = ReviewText(r, review), at = CardText.Instant(review.RequestedAt) }
        : null;

    // What waits for the reviewer: an agent's work, an item held before it goes out, or an automatic grant.
    private static string ReviewText(ServiceRequest r, QualityReview review) => r switch
    {
        { Delivery: { HeldForCheck: true } held } =>
            $"Quality check before delivery: {review.ResolvedBy.Name} packed it for {held.Carrier} (tracking {held.TrackingReference}). The lead or a colleague "
                + $"(not {review.ResolvedBy.Name}) checks the item; it goes out to {r.Requester.Name} once the check passes.",
        { Delivery: { ReceivedBy: { } by } } =>
            $"Quality check: {by.Name} received it before it was checked. The lead or a colleague checks the work before {r.Requester.Name} is asked to confirm.",
        _ when review.ResolvedBy.Id == PersonRef.System.Id =>
            $"Quality check: granted automatically. The lead or a colleague checks what was granted before {r.Requester.Name} is asked to confirm.",
        _ => $"Quality check: {review.ResolvedBy.Name} resolved it. The lead or a colleague (not {review.ResolvedBy.Name}) checks the work "
            + $"before {r.Requester.Name} is asked to confirm.",
    };

    /// <summary>The team lead's message in chat: a quality check has waited past the team's reminder time.</summary>
    public CardMessage ReviewWaiting(ServiceRequest r)
    {
        var review = r.Review!;
        var text = $"{r.Id} ({r.ItemName} for {r.Requester.Name}) has waited for its quality check since {When(review.RequestedAt)}. "
            + $"Please check it on the team card of {r.TeamName}, or ask a colleague (not {review.ResolvedBy.Name}) to.";
        return Info($"{r.Id}: quality check waiting", text, "warning");
    }

    // Shown while the work is back with the assignee, until they resolve it again.
    private static object? ReviewFailedData(ServiceRequest r) =>
        r.Review is { Passed: false, Reviewer: { } reviewer, Reason: { } reason, DecidedAt: { } at } && r.State.IsInFulfilment() && r.State != RequestState.InReview
            ? new { title = $"Quality check failed: {reviewer.Name} sent it back to {r.Assignee?.Name ?? r.TeamName}", reason, at = CardText.Instant(at) }
            : null;

    private static string AutoClosedOutcome(ServiceRequest r) =>
        $"Closed automatically: no answer from {r.Requester.Name} in {CardText.Count(r.Closing!.AutoCloseAfterWorkingDays, "working day")}.";

    // The requester's reminder to confirm, and the notice that the system closed the request.
    private static NoticeText ClosingNotice(ServiceRequest r, NoticeKind kind) => kind == NoticeKind.ConfirmationReminder
        ? new(
            "Still waiting for your answer",
            "warning",
            $"{r.TeamName} resolved your request and is waiting for you to confirm it. If you do not answer, it closes by itself "
                + $"{When(r.Closing?.AutoCloseAt)}. Reopen it if it is not fixed.",
            "Resolution",
            r.ResolutionNotes)
        : new(
            "Closed automatically",
            "emphasis",
            $"We did not hear back from you in {CardText.Count(r.Closing?.AutoCloseAfterWorkingDays ?? 0, "working day")}, so your request was closed."
                + (r.Closing?.ReopenUntil is { } until ? $" If it is not fixed, you can reopen it until {When(until)}." : ""),
            "Resolution",
            r.ResolutionNotes);

    private static IEnumerable<Fact> ClosingFacts(ServiceRequest r, NoticeKind? kind) => kind switch
    {
        NoticeKind.ConfirmationReminder when r.Closing is { } c => [Fact.Moment("Closes by itself", c.AutoCloseAt)],
        NoticeKind.AutoClosed when r.Closing?.ReopenUntil is { } until => [Fact.Moment("Reopen until", until)],
        _ => [],
    };

    // Plain text in the sentence (the fact beside it shows the moment in the reader's own time).
    private static string When(DateTimeOffset? at) =>
        at is { } moment ? moment.ToUniversalTime().ToString("ddd d MMM HH:mm 'UTC'", CultureInfo.InvariantCulture) : "soon";

    private static string Verified(ServiceRequest r) => r.VerifiedBy is { } reviewer ? $", verified by {reviewer.Name}" : "";
}
