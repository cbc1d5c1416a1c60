using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;

namespace ChatRequests.Core.Tests;

/// <summary>
/// A request store where other writers get in first: <see cref="BeforeNextSave"/> runs just before the next save (another
/// writer saving meanwhile), and with <see cref="AlwaysConflict"/> every save loses. Counts the saves tried and the
/// reads by id.
/// </summary>
public sealed class ContendedRequestStore(IRequestStore inner) : IRequestStore
{
    private int _saves;
    private int _reads;

    public int Saves => Volatile.Read(ref _saves);

    public int Reads => Volatile.Read(ref _reads);

    public bool AlwaysConflict { get; set; }

    public Func<Task>? BeforeNextSave { get; set; }

    public async Task SaveAsync(ServiceRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _saves);
        if (BeforeNextSave is { } otherWriter)
        {
            BeforeNextSave = null;
            await otherWriter();
        }

        if (AlwaysConflict)
        {
            throw new ConcurrencyConflictException(request.Id);
        }

        await inner.SaveAsync(request, cancellationToken);
    }

    public Task<long> ReserveNumberAsync(string submissionKey, CancellationToken cancellationToken = default) =>
        inner.ReserveNumberAsync(submissionKey, cancellationToken);

    public Task<ServiceRequest?> GetAsync(string requestId, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        return inner.GetAsync(requestId, cancellationToken);
    }

    public Task<ServiceRequest?> FindBySubmissionKeyAsync(string submissionKey, CancellationToken cancellationToken = default) =>
        inner.FindBySubmissionKeyAsync(submissionKey, cancellationToken);

    public Task CreateAsync(ServiceRequest request, CancellationToken cancellationToken = default) => inner.CreateAsync(request, cancellationToken);

    public Task<IReadOnlyList<ServiceRequest>> ListByRequesterAsync(string requesterId, int max, CancellationToken cancellationToken = default) =>
        inner.ListByRequesterAsync(requesterId, max, cancellationToken);

    public Task<int> CountByRequesterAsync(string requesterId, CancellationToken cancellationToken = default) =>
        inner.CountByRequesterAsync(requesterId, cancellationToken);

    public Task<IReadOnlyList<ServiceRequest>> ListPendingApprovalAsync(
        string approverId, int max, ListPosition? after = null, CancellationToken cancellationToken = default) =>
        inner.ListPendingApprovalAsync(approverId, max, after, cancellationToken);

    public Task<int> CountPendingApprovalAsync(string approverId, CancellationToken cancellationToken = default) =>
        inner.CountPendingApprovalAsync(approverId, cancellationToken);

    public Task<IReadOnlyList<ServiceRequest>> ListTeamQueueAsync(
        string teamId, int max, ListPosition? after = null, CancellationToken cancellationToken = default) =>
        inner.ListTeamQueueAsync(teamId, max, after, cancellationToken);

    public Task<int> CountTeamQueueAsync(string teamId, CancellationToken cancellationToken = default) =>
        inner.CountTeamQueueAsync(teamId, cancellationToken);

    public Task<IReadOnlyDictionary<string, int>> CountUnresolvedByAssigneeAsync(string teamId, CancellationToken cancellationToken = default) =>
        inner.CountUnresolvedByAssigneeAsync(teamId, cancellationToken);

    public Task<IReadOnlyList<ServiceRequest>> ListWithDueEventsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
        inner.ListWithDueEventsAsync(now, max, cancellationToken);

    public Task<IReadOnlyList<ServiceRequest>> ListSlaCheckDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
        inner.ListSlaCheckDueAsync(now, max, cancellationToken);

    public Task<IReadOnlyList<ServiceRequest>> ListWithParkedEventsAsync(CancellationToken cancellationToken = default) =>
        inner.ListWithParkedEventsAsync(cancellationToken);

    public IAsyncEnumerable<ServiceRequest> ScanAsync(
        DateTimeOffset? submittedFrom = null, DateTimeOffset? submittedBefore = null, CancellationToken cancellationToken = default) =>
        inner.ScanAsync(submittedFrom, submittedBefore, cancellationToken);

    public Task DeleteAsync(ServiceRequest request, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(request, cancellationToken);

    public Task<string?> GetMarkAsync(string name, CancellationToken cancellationToken = default) => inner.GetMarkAsync(name, cancellationToken);

    public Task SetMarkAsync(string name, string value, CancellationToken cancellationToken = default) =>
        inner.SetMarkAsync(name, value, cancellationToken);
}
