using System.Runtime.CompilerServices;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;

namespace ChatRequests.Azure.Storage;

/// <summary>
/// The request store on Cosmos DB: one document per request (partition key /id), replaced with an ETag
/// check; the outbox lives inside the document, so a state change and its events commit together.
/// </summary>
public sealed class CosmosRequestStore(CosmosContainers containers, TimeProvider time, ILogger<CosmosRequestStore> logger)
    : IRequestStore
{
    /// <summary>
    /// How long a submission-key claim may exist without its request before another request may take it
    /// over: the claim and the request are two writes, and a process can die between them.
    /// </summary>
    private static readonly TimeSpan AbandonedClaimAge = TimeSpan.FromMinutes(2);

    private const int ScanPageSize = 100;

    private const string AwaitsApprover = "ARRAY_CONTAINS(c.pendingApprovers, @approver)";
    private const string OnTeamQueue = "c.teamId = @team AND c.isOpen = true";

    // Requests with an outbox event due at @now, the earliest first: what the relay works (as documents or by id).
    private const string DueEvents = "FROM c WHERE c.type = @type AND IS_STRING(c.nextEventAt) AND c.nextEventAt <= @now ORDER BY c.nextEventAt, c.id";

    private readonly CosmosDocuments _documents = new(logger, containers.OperationTimeout);

    // The ETag each loaded or saved object was read or written with, so that a save needs no extra read.
    // Keyed by the object itself, so it goes away with it; the version guards against a stale entry.
    private readonly ConditionalWeakTable<ServiceRequest, StoredETag> _etags = new();

    public async Task<long> ReserveNumberAsync(string submissionKey, CancellationToken cancellationToken = default)
    {
        var container = await containers.RequestsAsync(cancellationToken);
        long number = 0;
        await _documents.UpdateAsync<CounterDocument>(
            container,
            CounterDocument.RequestNumbersId,
            stored =>
            {
                // The key's earlier number: nothing to write. Two at once: the loser of the ETag race reads the winner's.
                if (stored?.NumberOf(submissionKey) is { } reserved)
                {
                    number = reserved;
                    return null;
                }

                var next = CounterDocument.Reserve(stored, submissionKey);
                number = next.Value;
                return next;
            },
            cancellationToken);
        return number;
    }

    public async Task<ServiceRequest?> GetAsync(string requestId, CancellationToken cancellationToken = default)
    {
        var container = await containers.RequestsAsync(cancellationToken);
        var stored = await _documents.ReadAsync<RequestDocument>(container, requestId, cancellationToken);
        return stored is { Document: { Type: RequestDocument.Kind } document, ETag: var etag } ? Track(document, etag) : null;
    }

    public async Task<ServiceRequest?> FindBySubmissionKeyAsync(string submissionKey, CancellationToken cancellationToken = default)
    {
        var container = await containers.RequestsAsync(cancellationToken);
        var claim = await _documents.ReadAsync<SubmissionClaim>(container, SubmissionClaim.IdFor(submissionKey), cancellationToken);
        return claim is { Document: var found } ? await GetAsync(found.RequestId, cancellationToken) : null;
    }

    public async Task CreateAsync(ServiceRequest request, CancellationToken cancellationToken = default)
    {
        var container = await containers.RequestsAsync(cancellationToken);
        var claimId = SubmissionClaim.IdFor(request.SubmissionKey);
        var claim = new SubmissionClaim
        {
            Id = claimId,
            SubmissionKey = request.SubmissionKey,
            RequestId = request.Id,
            ClaimedAt = time.GetUtcNow(),
        };
        var claimETag = await _documents.TryCreateAsync(container, claimId, claim, cancellationToken)
            ?? await TakeOverAbandonedClaimAsync(container, claim, cancellationToken)
            ?? throw new ConcurrencyConflictException(request.Id);

        var document = RequestDocument.From(request, version: 1, time.GetUtcNow());
        var etag = await _documents.TryCreateAsync(container, request.Id, document, cancellationToken);
        if (etag is null)
        {
            // The id is taken: give the key back, unless the request with this id is the one that holds it.
            if ((await _documents.ReadAsync<RequestDocument>(container, request.Id, cancellationToken))?.Document.SubmissionKey
                != request.SubmissionKey)
            {
                await _documents.TryDeleteAsync(container, claimId, claimETag, cancellationToken);
            }

            throw new ConcurrencyConflictException(request.Id);
        }

        request.Version = document.Version;
        _etags.AddOrUpdate(request, new StoredETag(document.Version, etag));
    }

    public async Task SaveAsync(ServiceRequest request, CancellationToken cancellationToken = default)
    {
        var container = await containers.RequestsAsync(cancellationToken);
        var expected = request.Version;
        var etag = _etags.TryGetValue(request, out var known) && known.Version == expected
            ? known.ETag
            : await CurrentETagAsync(container, request.Id, expected, cancellationToken);

        var document = RequestDocument.From(request, expected + 1, time.GetUtcNow());
        var written = etag is null ? null : await _documents.TryReplaceAsync(container, request.Id, document, etag, cancellationToken);
        if (written is null)
        {
            throw new ConcurrencyConflictException(request.Id);
        }

        request.Version = document.Version;
        _etags.AddOrUpdate(request, new StoredETag(document.Version, written));
    }

    public Task<IReadOnlyList<ServiceRequest>> ListByRequesterAsync(string requesterId, int max, CancellationToken cancellationToken = default) =>
        QueryAsync(
            "by requester",
            new QueryDefinition(
                    $"SELECT TOP {Math.Max(0, max)} * FROM c WHERE c.type = @type AND c.requesterId = @requester " +
                    "ORDER BY c.submittedAtUtc DESC, c.id DESC")
                .WithParameter("@requester", requesterId),
            cancellationToken);

    // The requester's page as ListByRequesterAsync reads it, filtered here: Cosmos cannot bound a filter to the newest rows.
    public async Task<IReadOnlyList<ServiceRequest>> ListAwaitingRequesterAsync(string requesterId, int max, CancellationToken cancellationToken = default) =>
        (await ListByRequesterAsync(requesterId, max, cancellationToken)).Where(r => r.State == RequestState.AwaitingRequester).ToList();

    public Task<int> CountByRequesterAsync(string requesterId, CancellationToken cancellationToken = default) =>
        CountAsync("requester count", "c.requesterId = @requester", q => q.WithParameter("@requester", requesterId), cancellationToken);

    public Task<IReadOnlyList<ServiceRequest>> ListPendingApprovalAsync(
        string approverId, int max, ListPosition? after = null, CancellationToken cancellationToken = default) =>
        PageAsync("pending approval", AwaitsApprover, q => q.WithParameter("@approver", approverId), max, after, cancellationToken);

    public Task<int> CountPendingApprovalAsync(string approverId, CancellationToken cancellationToken = default) =>
        CountAsync("pending approval count", AwaitsApprover, q => q.WithParameter("@approver", approverId), cancellationToken);

    public Task<IReadOnlyList<ServiceRequest>> ListTeamQueueAsync(
        string teamId, int max, ListPosition? after = null, CancellationToken cancellationToken = default) =>
        PageAsync("team queue", OnTeamQueue, q => q.WithParameter("@team", teamId), max, after, cancellationToken);

    public Task<int> CountTeamQueueAsync(string teamId, CancellationToken cancellationToken = default) =>
        CountAsync("team queue count", OnTeamQueue, q => q.WithParameter("@team", teamId), cancellationToken);

    public async Task<IReadOnlyDictionary<string, int>> CountUnresolvedByAssigneeAsync(string teamId, CancellationToken cancellationToken = default)
    {
        // Only the assignee ids come back (a GROUP BY would need the gateway's query plan to merge partitions).
        var container = await containers.RequestsAsync(cancellationToken);
        var assignees = await _documents.QueryAsync<string>(
            container,
            new QueryDefinition(
                    $"SELECT VALUE c.request.assignee.id FROM c WHERE c.type = @type AND {OnTeamQueue} " +
                    "AND c.request.state != @fulfilled AND IS_STRING(c.request.assignee.id)")
                .WithParameter("@type", RequestDocument.Kind)
                .WithParameter("@team", teamId)
                .WithParameter("@fulfilled", nameof(RequestState.Fulfilled)),
            "assignee loads",
            cancellationToken);
        return assignees.CountBy(id => id, StringComparer.OrdinalIgnoreCase).ToDictionary(StringComparer.OrdinalIgnoreCase);
    }

    public Task<IReadOnlyList<ServiceRequest>> ListWithDueEventsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
        QueryAsync(
            "due events",
            new QueryDefinition(
                    $"SELECT TOP {Math.Max(0, max)} * {DueEvents}")
                .WithParameter("@now", RequestDocument.Utc(now)),
            cancellationToken);

    public async Task<IReadOnlyList<string>> ListIdsWithDueEventsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
        await _documents.QueryAsync<string>(
            await containers.RequestsAsync(cancellationToken),
            new QueryDefinition(
                    $"SELECT TOP {Math.Max(0, max)} VALUE c.id {DueEvents}")
                .WithParameter("@type", RequestDocument.Kind)
                .WithParameter("@now", RequestDocument.Utc(now)),
            "due event ids",
            cancellationToken);

    public async Task<PendingEvents> CountPendingEventsAsync(DateTimeOffset now, int maxRequests, CancellationToken cancellationToken = default)
    {
        // Only the outboxes come back: the requests are not deserialised.
        var outboxes = await _documents.QueryAsync<List<OutboxTimes>>(
            await containers.RequestsAsync(cancellationToken),
            new QueryDefinition($"SELECT TOP {Math.Max(0, maxRequests)} VALUE c.request.outbox {DueEvents}")
                .WithParameter("@type", RequestDocument.Kind)
                .WithParameter("@now", RequestDocument.Utc(DateTimeOffset.MaxValue)),
            "pending events",
            cancellationToken);
        return PendingEvents.Of(
            outboxes.SelectMany(o => o).Where(e => e.ParkedAt is null).Select(e => e.NextAttemptAt), now, outboxes.Count == maxRequests);
    }

    public Task<IReadOnlyList<ServiceRequest>> ListSlaCheckDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
        QueryAsync(
            "SLA check due",
            new QueryDefinition(
                    $"SELECT TOP {Math.Max(0, max)} * FROM c WHERE c.type = @type AND IS_STRING(c.slaCheckAt) " +
                    "AND c.slaCheckAt <= @now ORDER BY c.slaCheckAt, c.id")
                .WithParameter("@now", RequestDocument.Utc(now)),
            cancellationToken);

    public Task<IReadOnlyList<ServiceRequest>> ListWithParkedEventsAsync(CancellationToken cancellationToken = default) =>
        QueryAsync(
            "parked events",
            new QueryDefinition("SELECT * FROM c WHERE c.type = @type AND c.hasParked = true ORDER BY c.submittedAtUtc, c.id"),
            cancellationToken);

    public async IAsyncEnumerable<ServiceRequest> ScanAsync(
        DateTimeOffset? submittedFrom = null,
        DateTimeOffset? submittedBefore = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var container = await containers.RequestsAsync(cancellationToken);
        var query = new QueryDefinition(
                "SELECT * FROM c WHERE c.type = @type" +
                (submittedFrom is null ? "" : " AND c.submittedAtUtc >= @from") +
                (submittedBefore is null ? "" : " AND c.submittedAtUtc < @before") +
                " ORDER BY c.submittedAtUtc, c.id")
            .WithParameter("@type", RequestDocument.Kind);
        if (submittedFrom is { } from)
        {
            query = query.WithParameter("@from", RequestDocument.Utc(from));
        }

        if (submittedBefore is { } before)
        {
            query = query.WithParameter("@before", RequestDocument.Utc(before));
        }

        await foreach (var page in _documents.QueryPagesAsync<RequestDocument>(container, query, "scan", ScanPageSize, cancellationToken))
        {
            foreach (var document in page)
            {
                yield return Track(document, document.ETag);
            }
        }
    }

    public async Task DeleteAsync(ServiceRequest request, CancellationToken cancellationToken = default)
    {
        var container = await containers.RequestsAsync(cancellationToken);
        var etag = _etags.TryGetValue(request, out var known) && known.Version == request.Version
            ? known.ETag
            : await CurrentETagAsync(container, request.Id, request.Version, cancellationToken);
        if (etag is null || !await _documents.TryDeleteAsync(container, request.Id, etag, cancellationToken))
        {
            if (await _documents.ReadAsync<RequestDocument>(container, request.Id, cancellationToken) is not null)
            {
                throw new ConcurrencyConflictException(request.Id);
            }

            return;
        }

        // The claim of its submission key goes with it (it names the request, nothing else).
        await _documents.TryDeleteAsync(container, SubmissionClaim.IdFor(request.SubmissionKey), null, cancellationToken);
    }

    public async Task<string?> GetMarkAsync(string name, CancellationToken cancellationToken = default)
    {
        var container = await containers.RequestsAsync(cancellationToken);
        var stored = await _documents.ReadAsync<MarkDocument>(container, MarkDocument.IdFor(name), cancellationToken);
        return stored?.Document.Value;
    }

    public async Task SetMarkAsync(string name, string value, CancellationToken cancellationToken = default)
    {
        var container = await containers.RequestsAsync(cancellationToken);
        var id = MarkDocument.IdFor(name);
        await _documents.UpdateAsync<MarkDocument>(
            container, id, stored => stored?.Value == value ? null : new MarkDocument { Id = id, Value = value }, cancellationToken);
    }

    /// <summary>At most <paramref name="max"/> requests matching <paramref name="condition"/>, oldest first, after <paramref name="after"/>.</summary>
    private Task<IReadOnlyList<ServiceRequest>> PageAsync(
        string name, string condition, Func<QueryDefinition, QueryDefinition> bind, int max, ListPosition? after, CancellationToken cancellationToken)
    {
        var query = bind(new QueryDefinition(
            $"SELECT TOP {Math.Max(0, max)} * FROM c WHERE c.type = @type AND {condition}" +
            (after is null ? "" : " AND (c.submittedAtUtc > @afterAt OR (c.submittedAtUtc = @afterAt AND c.id > @afterId))") +
            " ORDER BY c.submittedAtUtc, c.id"));
        if (after is not null)
        {
            query = query.WithParameter("@afterAt", RequestDocument.Utc(after.SubmittedAt)).WithParameter("@afterId", after.Id);
        }

        return QueryAsync(name, query, cancellationToken);
    }

    private async Task<int> CountAsync(string name, string condition, Func<QueryDefinition, QueryDefinition> bind, CancellationToken cancellationToken)
    {
        var container = await containers.RequestsAsync(cancellationToken);
        var query = bind(new QueryDefinition($"SELECT VALUE COUNT(1) FROM c WHERE c.type = @type AND {condition}"))
            .WithParameter("@type", RequestDocument.Kind);
        // One number per partition range that answered; their sum is the count.
        return (await _documents.QueryAsync<int>(container, query, name, cancellationToken)).Sum();
    }

    private async Task<IReadOnlyList<ServiceRequest>> QueryAsync(string name, QueryDefinition query, CancellationToken cancellationToken)
    {
        var container = await containers.RequestsAsync(cancellationToken);
        var documents = await _documents.QueryAsync<RequestDocument>(
            container, query.WithParameter("@type", RequestDocument.Kind), name, cancellationToken);
        return [.. documents.Select(d => Track(d, d.ETag))];
    }

    private ServiceRequest Track(RequestDocument document, string? etag)
    {
        var request = document.ToRequest();
        if (etag is not null)
        {
            _etags.AddOrUpdate(request, new StoredETag(document.Version, etag));
        }

        return request;
    }

    /// <summary>The ETag of the stored request if it still has the expected version; null otherwise.</summary>
    private async Task<string?> CurrentETagAsync(Container container, string requestId, long expected, CancellationToken cancellationToken)
    {
        var stored = await _documents.ReadAsync<RequestDocument>(container, requestId, cancellationToken);
        return stored is { Document.Version: var version, ETag: var etag } && version == expected ? etag : null;
    }

    /// <summary>
    /// The claim of this very request (same key, same id) is its own; a claim whose request was never written (the writer
    /// died in between) and which is old enough that its writer cannot still be at work is taken over. Returns the claim's
    /// ETag, or null if the key is held by another request.
    /// </summary>
    private async Task<string?> TakeOverAbandonedClaimAsync(Container container, SubmissionClaim claim, CancellationToken cancellationToken)
    {
        var held = await _documents.ReadAsync<SubmissionClaim>(container, claim.Id, cancellationToken);
        if (held is { Document.RequestId: var holder, ETag: var own } && holder == claim.RequestId)
        {
            // The same form with the same number (ReserveNumberAsync): an earlier attempt that failed before its request
            // was written, or the same form sent twice at once. Whoever writes the request document first wins.
            return own;
        }

        if (held is not { Document: var existing, ETag: var etag }
            || existing.ClaimedAt > claim.ClaimedAt - AbandonedClaimAge
            || await _documents.ReadAsync<RequestDocument>(container, existing.RequestId, cancellationToken) is not null)
        {
            return null;
        }

        logger.LogWarning(
            "Submission key claim of request {AbandonedRequestId} was never completed; request {RequestId} takes it over",
            existing.RequestId, claim.RequestId);
        return await _documents.TryReplaceAsync(container, claim.Id, claim, etag, cancellationToken);
    }

    private sealed record StoredETag(long Version, string ETag);

    /// <summary>What the health check reads of an outbox event.</summary>
    private sealed record OutboxTimes(DateTimeOffset NextAttemptAt, DateTimeOffset? ParkedAt);
}
