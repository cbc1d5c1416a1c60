using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Storage;

public static class RequestStoreUpdates
{
    private const int MaxConflictRetries = 20;

    /// <summary>
    /// Applies <paramref name="change"/> to the latest version of the request and saves it, again on a newer version
    /// when someone else saved first (a person acting on the request meanwhile).
    /// </summary>
    public static async Task UpdateAsync(
        this IRequestStore store, string requestId, Action<ServiceRequest> change, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var request = await store.GetAsync(requestId, cancellationToken)
                ?? throw new InvalidOperationException($"Request {requestId} disappeared.");
            change(request);
            try
            {
                await store.SaveAsync(request, cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxConflictRetries)
            {
                // Reload and apply the change to the newer version.
            }
        }
    }
}
