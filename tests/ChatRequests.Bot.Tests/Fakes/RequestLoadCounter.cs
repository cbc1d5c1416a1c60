using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;

namespace ChatRequests.Bot.Tests.Fakes;

/// <summary>
/// The real store, counting the requests it loads by id for the code that runs inside <see cref="Count"/> (the flow of
/// one turn, not the background relay, which runs on its own).
/// </summary>
public sealed class RequestLoadCounter(IRequestStore inner) : IRequestStore
{
    private static readonly AsyncLocal<Loads?> Current = new();

    /// <summary>Counts the loads made by what runs, and awaits, in this flow until the result is disposed.</summary>
    public static Loads Count() => Current.Value = new Loads();

    public Task<long> ReserveNumberAsync(string submissionKey, CancellationToken cancellationToken = default) =>
        inner.ReserveNumberAsync(submissionKey, cancellationToken);

    public Task<ServiceRequest?> GetAsync(string requestId, CancellationToken cancellationToken = default)
    {
        Current.Value?.Add(requestId);
        return inner.GetAsync(requestId, cancellationToken);
    }

    public Task<ServiceRequest?> FindBySubmissionKeyAsync(string submissionKey, CancellationToken cancellationToken = default) =>
        inner.FindBySubmissionKeyAsync(submissionKey, cancellationToken);

    public Task CreateAsync(ServiceRequest request, CancellationToken cancellationToken = default) => inner.CreateAsync(request, cancellationToken);

    public Task SaveAsync(ServiceRequest request, CancellationToken cancellationToken = default) => inner.SaveAsync(request, cancellationToken);

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

    /// <summary>The ids loaded, in order.</summary>
    public sealed class Loads : IDisposable
    {
        private readonly List<string> _ids = [];

        public IReadOnlyList<string> Ids
        {
            get
            {
                lock (_ids)
                {
                    return [.. _ids];
                }
            }
        }

        public void Add(string requestId)
        {
            lock (_ids)
            {
                _ids.Add(requestId);
            }
        }

        public void Dispose() => Current.Value = null;
    }
}
