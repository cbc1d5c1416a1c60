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
}

/// <summary>A notice about <paramref name="Line"/> of <paramref name="Review"/> (the line is ignored for <see cref="AccessReviewNoticeKind.Escalated"/>).</summary>
public sealed record AccessReviewNotice(AccessReviewNoticeKind Kind, AccessReview Review, int Line = 0);
