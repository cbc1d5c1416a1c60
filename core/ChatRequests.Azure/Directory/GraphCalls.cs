using Microsoft.Kiota.Abstractions;

namespace ChatRequests.Azure.Graph;

/// <summary>What every Microsoft Graph call of the adapters shares: one exception for "Graph is not there right now".</summary>
internal static class GraphCalls
{
    /// <summary>
    /// The SDK's retry handler reports exhausted retries as an <see cref="AggregateException"/> of the failed
    /// attempts, and a Graph that cannot be reached as an <see cref="HttpRequestException"/>; callers get one
    /// exception that says what happened.
    /// </summary>
    public static async Task<T> RetriedAsync<T>(string operation, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (AggregateException error) when (error.InnerExceptions.All(e => e is ApiException))
        {
            throw new GraphDirectoryUnavailableException(operation, error);
        }
        catch (HttpRequestException error)
        {
            // No answer at all (DNS, refused connection, TLS): as transient as a 503.
            throw new GraphDirectoryUnavailableException(operation, error);
        }
    }

    public static Task RetriedAsync(string operation, Func<Task> call) =>
        RetriedAsync(operation, async () =>
        {
            await call();
            return true;
        });
}
