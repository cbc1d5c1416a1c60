using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;

namespace ChatRequests.PortContracts.Storage;

/// <summary>Waiting for what a background worker (the relay) saves, in real time.</summary>
public static class StoreWaits
{
    /// <summary>Polls the store until the request satisfies <paramref name="done"/>; throws after <paramref name="timeout"/> (20 s).</summary>
    public static async Task<ServiceRequest> StoredWhenAsync(
        IRequestStore store, string requestId, Func<ServiceRequest, bool> done, string description, TimeSpan? timeout = null)
    {
        var wait = timeout ?? TimeSpan.FromSeconds(20);
        var deadline = DateTimeOffset.UtcNow + wait;
        while (true)
        {
            if (await store.GetAsync(requestId) is { } request && done(request))
            {
                return request;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {wait.TotalSeconds:0} s for {requestId}: {description}.");
            }

            await Task.Delay(20);
        }
    }
}
