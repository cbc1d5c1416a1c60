using ChatRequests.Core.AccessReviews;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;

namespace ChatRequests.Azure.Storage;

/// <summary>
/// Access reviews in the messaging container: one document per review (kind "access-review", replaced with its ETag so
/// that the version check holds across instances) and one per started cycle (kind "access-review-cycle").
/// </summary>
public sealed class CosmosAccessReviewStore(CosmosContainers containers, ILogger<CosmosAccessReviewStore> logger) : IAccessReviewStore
{
    private const string Kind = "access-review";
    private const string CycleKind = "access-review-cycle";

    private readonly CosmosDocuments _documents = new(logger, containers.OperationTimeout);

    public async Task<bool> IsCycleStartedAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        var container = await containers.MessagingAsync(cancellationToken);
        return await _documents.ReadAsync<CycleDocument>(container, CosmosIds.For(CycleKind, cycleId), cancellationToken) is not null;
    }

    public async Task MarkCycleStartedAsync(string cycleId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var container = await containers.MessagingAsync(cancellationToken);
        var document = new CycleDocument { Id = CosmosIds.For(CycleKind, cycleId), CycleId = cycleId, StartedAt = at };
        await _documents.TryCreateAsync(container, document.Id, document, cancellationToken);
    }

    public async Task<bool> TryCreateAsync(AccessReview review, CancellationToken cancellationToken = default)
    {
        var container = await containers.MessagingAsync(cancellationToken);
        review.Version = 1;
        var document = ReviewDocument.Of(review);
        if (await _documents.TryCreateAsync(container, document.Id, document, cancellationToken) is not null)
        {
            return true;
        }

        review.Version = 0;
        return false;
    }

    public async Task<AccessReview?> GetAsync(string reviewId, CancellationToken cancellationToken = default)
    {
        var container = await containers.MessagingAsync(cancellationToken);
        return (await _documents.ReadAsync<ReviewDocument>(container, IdFor(reviewId), cancellationToken))?.Document.Review;
    }

    public async Task SaveAsync(AccessReview review, CancellationToken cancellationToken = default)
    {
        var container = await containers.MessagingAsync(cancellationToken);
        var stored = await _documents.ReadAsync<ReviewDocument>(container, IdFor(review.Id), cancellationToken);
        if (stored is not { } found || found.Document.Review.Version != review.Version)
        {
            throw new AccessReviewConflictException(review.Id);
        }

        review.Version++;
        if (await _documents.TryReplaceAsync(container, found.Document.Id, ReviewDocument.Of(review), found.ETag, cancellationToken) is null)
        {
            review.Version--;
            throw new AccessReviewConflictException(review.Id);
        }
    }

    public async Task<IReadOnlyList<AccessReview>> ListOpenAsync(int max, CancellationToken cancellationToken = default)
    {
        var container = await containers.MessagingAsync(cancellationToken);
        var query = new QueryDefinition("SELECT TOP @max * FROM c WHERE c.type = @type AND c.isOpen = true ORDER BY c.startedAtUtc")
            .WithParameter("@max", max)
            .WithParameter("@type", Kind);
        var found = await _documents.QueryAsync<ReviewDocument>(container, query, "open access reviews", cancellationToken);
        return [.. found.Select(d => d.Review)];
    }

    private static string IdFor(string reviewId) => CosmosIds.For(Kind, reviewId);

    private sealed record ReviewDocument
    {
        public required string Id { get; init; }
        public string Type { get; init; } = Kind;
        public required bool IsOpen { get; init; }
        public required string StartedAtUtc { get; init; }
        public required AccessReview Review { get; init; }

        public static ReviewDocument Of(AccessReview review) => new()
        {
            Id = IdFor(review.Id),
            IsOpen = review.IsOpen,
            // Sortable text: the same instant always orders the same way, whatever the offset it was written with.
            StartedAtUtc = review.StartedAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            Review = review,
        };
    }

    private sealed record CycleDocument
    {
        public required string Id { get; init; }
        public string Type { get; init; } = CycleKind;
        public required string CycleId { get; init; }
        public required DateTimeOffset StartedAt { get; init; }
    }
}
