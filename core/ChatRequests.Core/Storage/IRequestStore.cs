using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Storage;

/// <summary>
/// The request store port. One document per request, written atomically (state, history and outbox
/// together) with an optimistic version check.
/// </summary>
public interface IRequestStore
{
    /// <summary>
    /// The number of the request that the form with <paramref name="submissionKey"/> creates. Two keys never get the same
    /// number, and one key always gets the same one: a form sent twice, at once or again after a failed submit, uses up one
    /// number, so a duplicate leaves no gap (docs/adr/0021-store-faults-and-request-numbers.md).
    /// </summary>
    Task<long> ReserveNumberAsync(string submissionKey, CancellationToken cancellationToken = default);

    Task<ServiceRequest?> GetAsync(string requestId, CancellationToken cancellationToken = default);

    /// <summary>The request created by the form with this submission key, if any.</summary>
    Task<ServiceRequest?> FindBySubmissionKeyAsync(string submissionKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a new request (version 0 becomes 1). Throws <see cref="ConcurrencyConflictException"/> if the id
    /// or the submission key exists.
    /// </summary>
    Task CreateAsync(ServiceRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the request if its stored version still equals <see cref="ServiceRequest.Version"/>, then
    /// increments the version on the object. Otherwise throws <see cref="ConcurrencyConflictException"/>.
    /// </summary>
    Task SaveAsync(ServiceRequest request, CancellationToken cancellationToken = default);

    /// <summary>The requester's <paramref name="max"/> most recently submitted requests, newest first.</summary>
    Task<IReadOnlyList<ServiceRequest>> ListByRequesterAsync(string requesterId, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Of the requester's <paramref name="max"/> most recently submitted requests (those <see cref="ListByRequesterAsync"/>
    /// returns), the ones waiting for the requester's answer (<see cref="RequestState.AwaitingRequester"/>), newest first:
    /// what a message in their chat is checked against, read without loading the others.
    /// </summary>
    Task<IReadOnlyList<ServiceRequest>> ListAwaitingRequesterAsync(string requesterId, int max, CancellationToken cancellationToken = default);

    /// <summary>How many requests <paramref name="requesterId"/> has submitted (that are still stored).</summary>
    Task<int> CountByRequesterAsync(string requesterId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Requests awaiting a decision from <paramref name="approverId"/> on their current stage, oldest first (by submission
    /// time, then id), at most <paramref name="max"/>, those after <paramref name="after"/> when given (the next page).
    /// </summary>
    Task<IReadOnlyList<ServiceRequest>> ListPendingApprovalAsync(
        string approverId, int max, ListPosition? after = null, CancellationToken cancellationToken = default);

    /// <summary>How many requests await a decision from <paramref name="approverId"/> (what <see cref="ListPendingApprovalAsync"/> pages through).</summary>
    Task<int> CountPendingApprovalAsync(string approverId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Open requests routed to the team (not final), oldest first (by submission time, then id), at most
    /// <paramref name="max"/>, those after <paramref name="after"/> when given (the next page).
    /// </summary>
    Task<IReadOnlyList<ServiceRequest>> ListTeamQueueAsync(
        string teamId, int max, ListPosition? after = null, CancellationToken cancellationToken = default);

    /// <summary>How many open requests the team has (what <see cref="ListTeamQueueAsync"/> pages through).</summary>
    Task<int> CountTeamQueueAsync(string teamId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The team's unresolved requests (open, not fulfilled) that have an assignee, counted per assignee id: an agent's
    /// load, without loading a request.
    /// </summary>
    Task<IReadOnlyDictionary<string, int>> CountUnresolvedByAssigneeAsync(string teamId, CancellationToken cancellationToken = default);

    /// <summary>Requests that have outbox events due at <paramref name="now"/> (not parked), oldest first.</summary>
    Task<IReadOnlyList<ServiceRequest>> ListWithDueEventsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// The ids of the requests <see cref="ListWithDueEventsAsync"/> lists, in its order, without loading them: for a relay
    /// that loads each request again when it works it.
    /// </summary>
    Task<IReadOnlyList<string>> ListIdsWithDueEventsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// The events not parked of the <paramref name="maxRequests"/> requests that <see cref="ListWithDueEventsAsync"/> lists
    /// first when every event counts as due, counted at <paramref name="now"/>: what GET /status polls, answered by the store
    /// from the documents' outboxes without loading a request where it can.
    /// </summary>
    Task<PendingEvents> CountPendingEventsAsync(DateTimeOffset now, int maxRequests, CancellationToken cancellationToken = default);

    /// <summary>
    /// Requests whose SLA check (<see cref="ServiceRequest.SlaCheckAt"/>) is due at or before <paramref name="now"/>, earliest
    /// first, at most <paramref name="max"/>: the SLA sweep's query. Requests without one (fulfilled, final, nothing
    /// left to remind or escalate) are never returned.
    /// </summary>
    Task<IReadOnlyList<ServiceRequest>> ListSlaCheckDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default);

    /// <summary>Requests holding parked (given up) events, for the health endpoint and operators.</summary>
    Task<IReadOnlyList<ServiceRequest>> ListWithParkedEventsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Every request, by submission time then id, read a page at a time; only those submitted at or after
    /// <paramref name="submittedFrom"/> and before <paramref name="submittedBefore"/> when given. For whole-store work (the
    /// audit check, reporting, retention), never on a turn. A request changed during the scan is read as it is when its
    /// page is read.
    /// </summary>
    IAsyncEnumerable<ServiceRequest> ScanAsync(
        DateTimeOffset? submittedFrom = null, DateTimeOffset? submittedBefore = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the request's document (its retention is over) if its stored version still equals
    /// <see cref="ServiceRequest.Version"/>; otherwise throws <see cref="ConcurrencyConflictException"/>. Deleting a request
    /// that is already gone does nothing.
    /// </summary>
    Task DeleteAsync(ServiceRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// The value of a named mark that whole-store work keeps beside the requests (the retention settings every request was
    /// brought to: <c>SlaSweep</c>); null when never set. Marks outlive restarts and are shared by every instance.
    /// </summary>
    Task<string?> GetMarkAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Sets the named mark to <paramref name="value"/> (the last writer wins).</summary>
    Task SetMarkAsync(string name, string value, CancellationToken cancellationToken = default);
}

/// <summary>Someone else saved the document first; reload and try again.</summary>
public sealed class ConcurrencyConflictException(string requestId)
    : Exception($"Request {requestId} was changed by someone else.");
