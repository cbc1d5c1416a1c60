using System.Text.Json;
using ChatRequests.Core.Storage;

namespace ChatRequests.Core.AccessReviews;

/// <summary>Access reviews held in the process only (tests). Stored as JSON, so each caller gets its own copy, as from a database.</summary>
public sealed class InMemoryAccessReviewStore : IAccessReviewStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _reviews = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _cycles = new(StringComparer.Ordinal);

    public Task<bool> IsCycleStartedAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_cycles.ContainsKey(cycleId));
        }
    }

    public Task MarkCycleStartedAsync(string cycleId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _cycles.TryAdd(cycleId, at);
        }

        return Task.CompletedTask;
    }

    public Task<bool> TryCreateAsync(AccessReview review, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_reviews.ContainsKey(review.Id))
            {
                return Task.FromResult(false);
            }

            review.Version = 1;
            _reviews[review.Id] = JsonSerializer.Serialize(review, RequestJson.Options);
            return Task.FromResult(true);
        }
    }

    public Task<AccessReview?> GetAsync(string reviewId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_reviews.TryGetValue(reviewId, out var json) ? Read(json) : null);
        }
    }

    public Task SaveAsync(AccessReview review, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_reviews.TryGetValue(review.Id, out var json) || Read(json).Version != review.Version)
            {
                throw new AccessReviewConflictException(review.Id);
            }

            review.Version++;
            _reviews[review.Id] = JsonSerializer.Serialize(review, RequestJson.Options);
            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<AccessReview>> ListOpenAsync(int max, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<AccessReview> open = [.. _reviews.Values.Select(Read).Where(r => r.IsOpen).OrderBy(r => r.StartedAt).ThenBy(r => r.Id, StringComparer.Ordinal).Take(max)];
            return Task.FromResult(open);
        }
    }

    private static AccessReview Read(string json) => JsonSerializer.Deserialize<AccessReview>(json, RequestJson.Options)!;
}
