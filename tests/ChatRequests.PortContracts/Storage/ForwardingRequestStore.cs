using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;

namespace ChatRequests.PortContracts.Storage;

/// <summary>
/// A request store that hands every call to another one: the base of the tests' stores that count, fail, hold or
/// contend some calls, each overriding only those.
/// </summary>
public abstract class ForwardingRequestStore(IRequestStore inner) : IRequestStore
{
    public virtual Task<long> ReserveNumberAsync(string submissionKey, CancellationToken cancellationToken = default) =>
        inner.ReserveNumberAsync(submissionKey, cancellationToken);

    public virtual Task<ServiceRequest?> GetAsync(string requestId, CancellationToken cancellationToken = default) =>
        inner.GetAsync(requestId, cancellationToken);

    public virtual Task<ServiceRequest?> FindBySubmissionKeyAsync(string submissionKey, CancellationToken cancellationToken = default) =>
        inner.FindBySubmissionKeyAsync(submissionKey, cancellationToken);

    public virtual Task CreateAsync(ServiceRequest request, CancellationToken cancellationToken = default) =>
        inner.CreateAsync(request, cancellationToken);

    public virtual Task SaveAsync(ServiceRequest request, CancellationToken cancellationToken = default) =>
        inner.SaveAsync(request, cancellationToken);

    public virtual Task<IReadOnlyList<ServiceRequest>> ListByRequesterAsync(string requesterId, int max, CancellationToken cancellationToken = default) =>
        inner.ListByRequesterAsync(requesterId, max, cancellationToken);

    public virtual Task<IReadOnlyList<ServiceRequest>> ListAwaitingRequesterAsync(string requesterId, int max, CancellationToken cancellationToken = default) =>
        inner.ListAwaitingRequesterAsync(requesterId, max, cancellationToken);

    public virtual Task<int> CountByRequesterAsync(string requesterId, CancellationToken cancellationToken = default) =>
        inner.CountByRequesterAsync(requesterId, cancellationToken);

    public virtual Task<IReadOnlyList<ServiceRequest>> ListPendingApprovalAsync(
        string approverId, int max, ListPosition? after = null, CancellationToken cancellationToken = default) =>
        inner.ListPendingApprovalAsync(approverId, max, after, cancellationToken);

    public virtual Task<int> CountPendingApprovalAsync(string approverId, CancellationToken cancellationToken = default) =>
        inner.CountPendingApprovalAsync(approverId, cancellationToken);

    public virtual Task<IReadOnlyList<ServiceRequest>> ListTeamQueueAsync(
        string teamId, int max, ListPosition? after = null, CancellationToken cancellationToken = default) =>
        inner.ListTeamQueueAsync(teamId, max, after, cancellationToken);

    public virtual Task<int> CountTeamQueueAsync(string teamId, CancellationToken cancellationToken = default) =>
        inner.CountTeamQueueAsync(teamId, cancellationToken);

    public virtual Task<IReadOnlyDictionary<string, int>> CountUnresolvedByAssigneeAsync(string teamId, CancellationToken cancellationToken = default) =>
        inner.CountUnresolvedByAssigneeAsync(teamId, cancellationToken);

    public virtual Task<IReadOnlyList<ServiceRequest>> ListWithDueEventsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
        inner.ListWithDueEventsAsync(now, max, cancellationToken);

    public virtual Task<IReadOnlyList<string>> ListIdsWithDueEventsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
        inner.ListIdsWithDueEventsAsync(now, max, cancellationToken);

    public virtual Task<PendingEvents> CountPendingEventsAsync(DateTimeOffset now, int maxRequests, CancellationToken cancellationToken = default) =>
        inner.CountPendingEventsAsync(now, maxRequests, cancellationToken);

    public virtual Task<IReadOnlyList<ServiceRequest>> ListSlaCheckDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
        inner.ListSlaCheckDueAsync(now, max, cancellationToken);

    public virtual Task<IReadOnlyList<ServiceRequest>> ListWithParkedEventsAsync(CancellationToken cancellationToken = default) =>
        inner.ListWithParkedEventsAsync(cancellationToken);

    public virtual IAsyncEnumerable<ServiceRequest> ScanAsync(
        DateTimeOffset? submittedFrom = null, DateTimeOffset? submittedBefore = null, CancellationToken cancellationToken = default) =>
        inner.ScanAsync(submittedFrom, submittedBefore, cancellationToken);

    public virtual Task DeleteAsync(ServiceRequest request, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(request, cancellationToken);

    public virtual Task<string?> GetMarkAsync(string name, CancellationToken cancellationToken = default) =>
        inner.GetMarkAsync(name, cancellationToken);

    public virtual Task SetMarkAsync(string name, string value, CancellationToken cancellationToken = default) =>
        inner.SetMarkAsync(name, value, cancellationToken);
}
