using System.Runtime.CompilerServices;
using System.Text.Json;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;

namespace ChatRequests.Core.Tests;

/// <summary>
/// A request store that keeps each request as a JSON document with a real version check, so every load
/// is a fresh copy and concurrent writers conflict the way they do on SQLite or Cosmos DB. It passes the
/// same contract as they do (<see cref="Storage.InMemoryRequestStoreTests"/>).
/// </summary>
public sealed class InMemoryRequestStore : IRequestStore
{
    private readonly Documents _storage;

    public InMemoryRequestStore()
        : this(new Documents())
    {
    }

    private InMemoryRequestStore(Documents storage) => _storage = storage;

    /// <summary>Creates and saves this store refused on the version check.</summary>
    public int Conflicts { get; private set; }

    /// <summary>Another store over the same documents, as after a restart.</summary>
    public InMemoryRequestStore Reopen() => new(_storage);

    public Task<long> ReserveNumberAsync(string submissionKey, CancellationToken cancellationToken = default)
    {
        lock (_storage.Gate)
        {
            if (!_storage.Reservations.TryGetValue(submissionKey, out var number))
            {
                number = ++_storage.LastNumber;
                _storage.Reservations[submissionKey] = number;
            }

            return Task.FromResult(number);
        }
    }

    public async Task<ServiceRequest?> GetAsync(string requestId, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        lock (_storage.Gate)
        {
            return _storage.ById.TryGetValue(requestId, out var json) ? Read(json) : null;
        }
    }

    public Task<ServiceRequest?> FindBySubmissionKeyAsync(string submissionKey, CancellationToken cancellationToken = default) =>
        Task.FromResult(All().FirstOrDefault(r => r.SubmissionKey == submissionKey));

    public async Task CreateAsync(ServiceRequest request, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        lock (_storage.Gate)
        {
            if (request.Version != 0 || _storage.ById.ContainsKey(request.Id)
                || _storage.ById.Values.Select(Read).Any(r => r.SubmissionKey == request.SubmissionKey))
            {
                Conflicts++;
                throw new ConcurrencyConflictException(request.Id);
            }

            request.Version = 1;
            _storage.ById[request.Id] = Write(request);
        }
    }

    public async Task SaveAsync(ServiceRequest request, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        lock (_storage.Gate)
        {
            if (!_storage.ById.TryGetValue(request.Id, out var json) || Read(json).Version != request.Version)
            {
                Conflicts++;
                throw new ConcurrencyConflictException(request.Id);
            }

            request.Version++;
            _storage.ById[request.Id] = Write(request);
        }
    }

    public async Task<IReadOnlyList<ServiceRequest>> ListByRequesterAsync(string requesterId, int max, CancellationToken cancellationToken = default) =>
        (await List(r => r.IsRequester(requesterId))).OrderByDescending(r => r.SubmittedAt).Take(max).ToList();

    public async Task<IReadOnlyList<ServiceRequest>> ListAwaitingRequesterAsync(string requesterId, int max, CancellationToken cancellationToken = default) =>
        (await ListByRequesterAsync(requesterId, max, cancellationToken)).Where(r => r.State == RequestState.AwaitingRequester).ToList();

    public Task<int> CountByRequesterAsync(string requesterId, CancellationToken cancellationToken = default) =>
        Task.FromResult(All().Count(r => r.IsRequester(requesterId)));

    public Task<IReadOnlyList<ServiceRequest>> ListPendingApprovalAsync(
        string approverId, int max, ListPosition? after = null, CancellationToken cancellationToken = default) =>
        Page(r => AwaitsApprover(r, approverId), max, after);

    public Task<int> CountPendingApprovalAsync(string approverId, CancellationToken cancellationToken = default) =>
        Task.FromResult(All().Count(r => AwaitsApprover(r, approverId)));

    public Task<IReadOnlyList<ServiceRequest>> ListTeamQueueAsync(
        string teamId, int max, ListPosition? after = null, CancellationToken cancellationToken = default) =>
        Page(r => OnQueue(r, teamId), max, after);

    public Task<int> CountTeamQueueAsync(string teamId, CancellationToken cancellationToken = default) =>
        Task.FromResult(All().Count(r => OnQueue(r, teamId)));

    public Task<IReadOnlyDictionary<string, int>> CountUnresolvedByAssigneeAsync(string teamId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, int>>(All()
            .Where(r => OnQueue(r, teamId) && r.State.IsUnresolved() && r.Assignee is not null)
            .CountBy(r => r.Assignee!.Id, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(StringComparer.OrdinalIgnoreCase));

    private static bool AwaitsApprover(ServiceRequest r, string approverId) => r.PendingStage?.Awaiting.Any(a => a.Id == approverId) == true;

    private static bool OnQueue(ServiceRequest r, string teamId) => r.TeamId == teamId && !r.State.IsFinal();

    private Task<IReadOnlyList<ServiceRequest>> Page(Func<ServiceRequest, bool> predicate, int max, ListPosition? after) =>
        Task.FromResult<IReadOnlyList<ServiceRequest>>(
        [
            .. All().Where(r => predicate(r) && (after is null || after.IsBefore(r)))
                .OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id, StringComparer.Ordinal).Take(max),
        ]);

    public Task<IReadOnlyList<ServiceRequest>> ListWithDueEventsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ServiceRequest>>(
        [
            .. All()
                .Where(r => r.Outbox.Any(e => !e.IsParked && e.NextAttemptAt <= now))
                .OrderBy(r => r.Outbox.Where(e => !e.IsParked).Min(e => e.NextAttemptAt))
                .Take(max),
        ]);

    public async Task<IReadOnlyList<string>> ListIdsWithDueEventsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
        (await ListWithDueEventsAsync(now, max, cancellationToken)).Select(r => r.Id).ToList();

    public async Task<PendingEvents> CountPendingEventsAsync(DateTimeOffset now, int maxRequests, CancellationToken cancellationToken = default)
    {
        var read = await ListWithDueEventsAsync(DateTimeOffset.MaxValue, maxRequests, cancellationToken);
        return PendingEvents.Of(read.SelectMany(r => r.Outbox).Where(e => !e.IsParked).Select(e => e.NextAttemptAt), now, read.Count == maxRequests);
    }

    public Task<IReadOnlyList<ServiceRequest>> ListSlaCheckDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ServiceRequest>>(
        [
            .. All()
                .Where(r => r.SlaCheckAt <= now)
                .OrderBy(r => r.SlaCheckAt)
                .ThenBy(r => r.Id, StringComparer.Ordinal)
                .Take(max),
        ]);

    public Task<IReadOnlyList<ServiceRequest>> ListWithParkedEventsAsync(CancellationToken cancellationToken = default) =>
        List(r => r.Outbox.Any(e => e.IsParked));

    public async IAsyncEnumerable<ServiceRequest> ScanAsync(
        DateTimeOffset? submittedFrom = null,
        DateTimeOffset? submittedBefore = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        var matching = All()
            .Where(r => (submittedFrom is null || r.SubmittedAt >= submittedFrom) && (submittedBefore is null || r.SubmittedAt < submittedBefore))
            .OrderBy(r => r.SubmittedAt)
            .ThenBy(r => r.Id, StringComparer.Ordinal);
        foreach (var request in matching)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return request;
        }
    }

    public async Task DeleteAsync(ServiceRequest request, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        lock (_storage.Gate)
        {
            if (_storage.ById.TryGetValue(request.Id, out var json) && Read(json).Version != request.Version)
            {
                Conflicts++;
                throw new ConcurrencyConflictException(request.Id);
            }

            _storage.ById.Remove(request.Id);
            _storage.Reservations.Remove(request.SubmissionKey);
        }
    }

    public Task<string?> GetMarkAsync(string name, CancellationToken cancellationToken = default)
    {
        lock (_storage.Gate)
        {
            return Task.FromResult(_storage.Marks.GetValueOrDefault(name));
        }
    }

    public Task SetMarkAsync(string name, string value, CancellationToken cancellationToken = default)
    {
        lock (_storage.Gate)
        {
            _storage.Marks[name] = value;
        }

        return Task.CompletedTask;
    }

    private Task<IReadOnlyList<ServiceRequest>> List(Func<ServiceRequest, bool> predicate) =>
        Task.FromResult<IReadOnlyList<ServiceRequest>>([.. All().Where(predicate).OrderBy(r => r.Id, StringComparer.Ordinal)]);

    private List<ServiceRequest> All()
    {
        lock (_storage.Gate)
        {
            return [.. _storage.ById.Values.Select(Read)];
        }
    }

    private static ServiceRequest Read(string json) =>
        JsonSerializer.Deserialize<ServiceRequest>(json, SampleData.Json)!;

    private static string Write(ServiceRequest request) => JsonSerializer.Serialize(request, SampleData.Json);

    private sealed class Documents
    {
        public readonly Lock Gate = new();
        public readonly Dictionary<string, string> ById = [];
        public readonly Dictionary<string, string> Marks = [];
        public readonly Dictionary<string, long> Reservations = [];
        public long LastNumber;
    }
}
