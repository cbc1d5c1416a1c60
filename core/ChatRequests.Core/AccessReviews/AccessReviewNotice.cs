namespace ChatRequests.Core.AccessReviews;

/// <summary>What people are told about an access review, besides its card.</summary>
public enum AccessReviewNoticeKind
{
    /// <summary>To the reviewer: the review was overdue and went to <see cref="AccessReview.EscalatedTo"/> as well.</summary>
    Escalated,
    /// <summary>To the person of the line: their access was removed, and by whose review.</summary>
    AccessRemoved,
    /// <summary>To the team of the line's request, in its channel: the removal failed for good; do it by hand.</summary>
    RemovalFailed,
    /// <summary>To the reviewer, before the due date (<see cref="AccessReview.RemindAt"/>): lines are still undecided.</summary>
    Reminder,
}

/// <summary>A notice about <paramref name="Line"/> of <paramref name="Review"/> (the line is ignored for <see cref="AccessReviewNoticeKind.Escalated"/> and <see cref="AccessReviewNoticeKind.Reminder"/>).</summary>
public sealed record AccessReviewNotice(AccessReviewNoticeKind Kind, AccessReview Review, int Line = 0);
