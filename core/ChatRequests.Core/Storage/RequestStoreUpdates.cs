using ChatRequests.Core.Requests;
using ChatRequests.Core.Telemetry;

namespace ChatRequests.Core.Storage;

/// <summary>
/// The one way a stored request is changed, by every writer (the use cases, the fulfilment handler and outbox, the SLA
/// sweep): apply the change to a loaded version, save it with the version check, and when someone else saved first,
/// load the newer version and apply the change again, so the domain decides on what is stored now (the first of two
/// approvals wins, the second is told "already decided").
/// </summary>
/// <remarks>
/// Every lost save means another writer's save went through, so the attempts are bounded by
/// <see cref="MaxSaveAttempts"/>. When they are used up the <see cref="ConcurrencyConflictException"/> of the last one
/// is thrown, as a transient failure: a turn apologises and the person tries again, an outbox event is retried later
/// (the embedded relay's backoff, the queue's redelivery), the SLA sweep leaves the request to its next run.
/// </remarks>
public static class RequestStoreUpdates
{
    /// <summary>Saves tried per change before the conflict is given up on.</summary>
    public const int MaxSaveAttempts = 20;

    /// <summary>Loads the request, applies <paramref name="change"/> and saves it (see <see cref="RequestStoreUpdates"/>).</summary>
    public static async Task<ServiceRequest> UpdateAsync(
        this IRequestStore store, string requestId, Action<ServiceRequest> change, CancellationToken cancellationToken = default)
    {
        var request = await LoadAsync(store, requestId, cancellationToken);
        return await store.UpdateAsync(request, change, cancellationToken);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to <paramref name="loaded"/> (which it changes: use the returned request
    /// afterwards) and saves it; on a conflict, again on the newer version. Returns the request as saved.
    /// </summary>
    public static Task<ServiceRequest> UpdateAsync(
        this IRequestStore store, ServiceRequest loaded, Action<ServiceRequest> change, CancellationToken cancellationToken = default) =>
        SaveAsync(store, loaded, r =>
        {
            change(r);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Like <see cref="UpdateAsync(IRequestStore, ServiceRequest, Action{ServiceRequest}, CancellationToken)"/>, for a
    /// change that may find nothing to do: <paramref name="change"/> says whether it changed anything, and when it did
    /// not, nothing is written. Returns the request as last loaded or saved.
    /// </summary>
    public static Task<ServiceRequest> UpdateIfChangedAsync(
        this IRequestStore store, ServiceRequest loaded, Func<ServiceRequest, bool> change, CancellationToken cancellationToken = default) =>
        SaveAsync(store, loaded, change, cancellationToken);

    private static async Task<ServiceRequest> SaveAsync(
        IRequestStore store, ServiceRequest request, Func<ServiceRequest, bool> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (!change(request))
            {
                return request;
            }

            try
            {
                await store.SaveAsync(request, cancellationToken);
                AppTelemetry.TagRequest(request.Id);
                return request;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxSaveAttempts)
            {
                request = await LoadAsync(store, request.Id, cancellationToken);
            }
        }
    }

    // Requests are never deleted: one that cannot be found after it was loaded is a broken store, not a rule.
    private static async Task<ServiceRequest> LoadAsync(IRequestStore store, string requestId, CancellationToken cancellationToken) =>
        await store.GetAsync(requestId, cancellationToken)
        ?? throw new InvalidOperationException($"Request {requestId} disappeared from the store.");
}
