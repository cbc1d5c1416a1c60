using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;

namespace ChatRequests.Azure.Storage;

/// <summary>
/// Reads, conditional writes and queries with the request charge of each logged at Debug, so that RU costs
/// can be read off a trace.
/// </summary>
internal sealed class CosmosDocuments(ILogger logger, TimeSpan operationTimeout)
{
    private const int MaxOptimisticRetries = 50;

    public async Task<(T Document, string ETag)?> ReadAsync<T>(Container container, string id, CancellationToken cancellationToken)
    {
        try
        {
            var response = await WithinTimeoutAsync("read", token => container.ReadItemAsync<T>(id, new PartitionKey(id), cancellationToken: token), cancellationToken);
            LogCharge("read", container, response.RequestCharge);
            return (response.Resource, response.ETag);
        }
        catch (CosmosException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            LogCharge("read (not found)", container, ex.RequestCharge);
            return null;
        }
    }

    /// <summary>Creates the document; returns its ETag, or null when a document with that id exists (409).</summary>
    public async Task<string?> TryCreateAsync<T>(Container container, string id, T document, CancellationToken cancellationToken)
    {
        try
        {
            var response = await WithinTimeoutAsync("create", token => container.CreateItemAsync(document, new PartitionKey(id), cancellationToken: token), cancellationToken);
            LogCharge("create", container, response.RequestCharge);
            return response.ETag;
        }
        catch (CosmosException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
        {
            LogCharge("create (conflict)", container, ex.RequestCharge);
            return null;
        }
    }

    /// <summary>
    /// Replaces the document if it still has <paramref name="etag"/>; returns the new ETag, or null when it
    /// was changed (412) or deleted (404) since.
    /// </summary>
    public async Task<string?> TryReplaceAsync<T>(Container container, string id, T document, string etag, CancellationToken cancellationToken)
    {
        try
        {
            var response = await WithinTimeoutAsync(
                "replace",
                token => container.ReplaceItemAsync(document, id, new PartitionKey(id), new ItemRequestOptions { IfMatchEtag = etag }, token),
                cancellationToken);
            LogCharge("replace", container, response.RequestCharge);
            return response.ETag;
        }
        catch (CosmosException ex) when (ex.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            LogCharge("replace (precondition failed)", container, ex.RequestCharge);
            return null;
        }
    }

    public async Task<bool> TryDeleteAsync(Container container, string id, string? etag, CancellationToken cancellationToken)
    {
        try
        {
            var response = await WithinTimeoutAsync(
                "delete",
                token => container.DeleteItemAsync<object>(id, new PartitionKey(id), new ItemRequestOptions { IfMatchEtag = etag }, token),
                cancellationToken);
            LogCharge("delete", container, response.RequestCharge);
            return true;
        }
        catch (CosmosException ex) when (ex.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            LogCharge("delete (precondition failed)", container, ex.RequestCharge);
            return false;
        }
    }

    /// <summary>
    /// Read-modify-write of one document with an ETag check, retried when another writer got there first.
    /// <paramref name="change"/> gets the stored document (null if none) and returns the one to write, or
    /// null to leave it as it is.
    /// </summary>
    public async Task UpdateAsync<T>(Container container, string id, Func<T?, T?> change, CancellationToken cancellationToken)
        where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await ReadAsync<T>(container, id, cancellationToken);
            var next = change(stored?.Document);
            if (next is null)
            {
                return;
            }

            var written = stored is { ETag: var etag }
                ? await TryReplaceAsync(container, id, next, etag, cancellationToken)
                : await TryCreateAsync(container, id, next, cancellationToken);
            if (written is not null)
            {
                return;
            }

            if (attempt >= MaxOptimisticRetries)
            {
                throw new InvalidOperationException($"Document {id} kept changing; gave up after {attempt} attempts.");
            }

            // Another writer won the race; back off a little, with jitter, so that the retries spread out.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * Math.Min(attempt, 10))), cancellationToken);
        }
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(Container container, QueryDefinition query, string name, CancellationToken cancellationToken)
    {
        var results = new List<T>();
        var charge = 0.0;
        using var iterator = container.GetItemQueryIterator<T>(query);
        while (iterator.HasMoreResults)
        {
            var page = await WithinTimeoutAsync("query " + name, iterator.ReadNextAsync, cancellationToken);
            charge += page.RequestCharge;
            results.AddRange(page);
        }

        LogCharge("query " + name, container, charge);
        return results;
    }

    /// <summary>The query's results a page (at most <paramref name="pageSize"/> documents) at a time, as the server returns them.</summary>
    public async IAsyncEnumerable<IReadOnlyList<T>> QueryPagesAsync<T>(
        Container container, QueryDefinition query, string name, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var iterator = container.GetItemQueryIterator<T>(query, requestOptions: new QueryRequestOptions { MaxItemCount = pageSize });
        while (iterator.HasMoreResults)
        {
            var page = await WithinTimeoutAsync("query page " + name, iterator.ReadNextAsync, cancellationToken);
            LogCharge("query page " + name, container, page.RequestCharge);
            yield return [.. page];
        }
    }

    /// <summary>
    /// One call to Cosmos DB, with the SDK's own retries (429s, by their retry-after), given at most the operation timeout:
    /// in gateway mode the SDK waits over a minute for a gateway that does not answer, longer than a person waits for a
    /// turn's answer. A call that runs out throws <see cref="TimeoutException"/>, a transient failure like a 503; a write
    /// that timed out may still have been applied, which the stores' ETag checks and claims allow for.
    /// </summary>
    private async Task<TResult> WithinTimeoutAsync<TResult>(
        string operation, Func<CancellationToken, Task<TResult>> call, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(operationTimeout);
        try
        {
            return await call(deadline.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Cosmos DB did not complete the {operation} within {operationTimeout.TotalSeconds:0.#} s.", ex);
        }
    }

    private void LogCharge(string operation, Container container, double requestCharge) =>
        logger.LogDebug("Cosmos DB {Operation} on {Container} cost {RequestCharge} RU", operation, container.Id, requestCharge);
}
