using System.Globalization;
using ChatRequests.Core.AccessReviews;
using ChatRequests.Core.Requests;

namespace ChatRequests.Cards;

// The periodic access review: the reviewer's card with Keep / Remove per grant, and the notices around it.
public sealed partial class RequestCards
{
    /// <summary>
    /// The review as <paramref name="viewer"/> sees it (the reviewer, or the person it was escalated to): each grant with
    /// Keep and Remove until it is decided, then who decided and what became of it; how many are decided of how many.
    /// </summary>
    public CardMessage AccessReview(AccessReview review, PersonRef viewer)
    {
        var cycle = AccessReviewCycle.Name(review.CycleId);
        var forOthers = viewer.Id != review.Reviewer.Id;
        var data = new
        {
            title = $"Access review, {cycle}",
            intro = forOthers
                ? $"{review.Reviewer.Name} has not finished this review of the access their people were granted. Keep what they still need; remove the rest."
                : "Your people were granted this access through requests. Keep what they still need; remove the rest.",
            progress = $"{review.DecidedCount} of {review.Lines.Count} decided",
            due = CardText.Instant(review.DueAt),
            escalation = review.EscalatedTo is { } above && !forOthers
                ? $"Overdue: this review went to {above.Name} as well."
                : null,
            lines = review.Lines.Select((l, i) => new
            {
                reviewId = review.Id,
                line = i.ToString(CultureInfo.InvariantCulture),
                personName = l.Grant.Person.Name,
                groupName = l.Grant.GroupName,
                itemName = l.Grant.ItemName,
                requestId = l.Grant.RequestId,
                grantedAt = CardText.Instant(l.Grant.GrantedAt),
                open = l.Decision is null,
                outcome = LineOutcome(l),
                decidedAt = l.DecidedAt is { } at ? CardText.Instant(at) : null,
                outcomeColor = l.Outcome == AccessLineOutcome.Failed ? "Attention" : l.Decision == AccessDecision.Remove ? "Warning" : "Good",
            }),
        };
        var fallback = $"Access review, {cycle}: {review.DecidedCount} of {review.Lines.Count} decided.";
        return Render("access-review", data, fallback);
    }

    /// <summary>To the reviewer: their overdue review went to someone else too.</summary>
    public CardMessage AccessReviewEscalated(AccessReview review) => Info(
        $"Access review, {AccessReviewCycle.Name(review.CycleId)}: overdue",
        $"Your access review is past its due date and {review.Lines.Count - review.DecidedCount} of {review.Lines.Count} lines are still undecided, so it went to {review.EscalatedTo?.Name} as well. Either of you can finish it on its card.",
        "warning");

    /// <summary>To the reviewer, before the due date: lines are still undecided.</summary>
    public CardMessage AccessReviewReminder(AccessReview review) => Info(
        $"Access review, {AccessReviewCycle.Name(review.CycleId)}: due {review.DueAt.ToString("dddd d MMMM", CultureInfo.InvariantCulture)}",
        $"{review.Lines.Count - review.DecidedCount} of {review.Lines.Count} lines of your access review are still undecided. Please keep or remove each on its card by then; after that it goes to your manager as well.",
        "attention");

    /// <summary>To the person: an access review took this access away.</summary>
    public CardMessage AccessRemoved(AccessReview review, AccessReviewLine line) => Info(
        "Access removed",
        $"{line.DecidedBy?.Name} reviewed your access ({AccessReviewCycle.Name(review.CycleId)}) and removed you from {line.Grant.GroupName}, granted by {line.Grant.RequestId} ({line.Grant.ItemName}). Ask for it again if you still need it.",
        "warning");

    /// <summary>To the team, in its channel: a removal failed for good and must be done by hand.</summary>
    public CardMessage AccessRemovalFailed(AccessReview review, AccessReviewLine line) => Info(
        $"Access removal failed: {line.Grant.RequestId}",
        $"{line.DecidedBy?.Name} decided in the access review of {AccessReviewCycle.Name(review.CycleId)} to remove {line.Grant.Person.Name} from {line.Grant.GroupName}, but it failed: {line.Failure}. Please remove them by hand.",
        "attention");

    private static string? LineOutcome(AccessReviewLine line) => (line.Decision, line.Outcome) switch
    {
        (null, _) => null,
        (AccessDecision.Keep, _) => $"Kept by {line.DecidedBy?.Name}",
        (_, AccessLineOutcome.Removed) => $"Removed by {line.DecidedBy?.Name}",
        (_, AccessLineOutcome.Failed) => $"Remove ({line.DecidedBy?.Name}): failed, the team will do it by hand",
        _ => $"Remove ({line.DecidedBy?.Name}): removing…",
    };
}
