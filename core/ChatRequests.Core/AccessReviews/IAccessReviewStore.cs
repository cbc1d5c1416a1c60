namespace ChatRequests.Core.AccessReviews;

/// <summary>
/// The access reviews, one document per reviewer and cycle, and which cycles have started. Every write is atomic and
/// version-checked, so several sweepers and clicks at once change each review once.
/// </summary>
public interface IAccessReviewStore
{
    /// <summary>Whether every review of the cycle was created (<see cref="MarkCycleStartedAsync"/>).</summary>
    Task<bool> IsCycleStartedAsync(string cycleId, CancellationToken cancellationToken = default);

    /// <summary>Records that the cycle's reviews were all created; marking it again changes nothing.</summary>
    Task MarkCycleStartedAsync(string cycleId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Stores a new review (version 0 becomes 1); false, and nothing written, when one with its id exists.</summary>
    Task<bool> TryCreateAsync(AccessReview review, CancellationToken cancellationToken = default);

    Task<AccessReview?> GetAsync(string reviewId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the review if its stored version still equals <see cref="AccessReview.Version"/>, then increments the
    /// version on the object; otherwise throws <see cref="AccessReviewConflictException"/>.
    /// </summary>
    Task SaveAsync(AccessReview review, CancellationToken cancellationToken = default);

    /// <summary>Reviews with a line not settled (<see cref="AccessReview.IsOpen"/>), oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<AccessReview>> ListOpenAsync(int max, CancellationToken cancellationToken = default);
}

/// <summary>Someone else saved the review first; load it again and decide again.</summary>
public sealed class AccessReviewConflictException(string reviewId) : Exception($"Access review {reviewId} was changed by someone else.");
