using System.Collections.ObjectModel;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatRequests.Azure.Storage;

/// <summary>
/// The containers the stores write to, created on first use when <see cref="CosmosOptions.CreateIfMissing"/>
/// says so. Every container is partitioned by /id (docs/adr/0001-cosmos-partition-key.md).
/// </summary>
public sealed class CosmosContainers(CosmosClient client, IOptions<CosmosOptions> options, ILogger<CosmosContainers> logger)
{
    private readonly CosmosOptions _options = options.Value;
    private readonly SemaphoreSlim _initializeLock = new(1, 1);
    private volatile bool _initialized;

    /// <summary>The longest one call to Cosmos DB may take (<see cref="CosmosOptions.OperationTimeout"/>).</summary>
    public TimeSpan OperationTimeout => _options.OperationTimeout;

    public async Task<Container> RequestsAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        return client.GetContainer(_options.Database, _options.RequestsContainer);
    }

    public async Task<Container> MessagingAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        return client.GetContainer(_options.Database, _options.MessagingContainer);
    }

    private async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_initialized || !_options.CreateIfMissing)
        {
            return;
        }

        await _initializeLock.WaitAsync(cancellationToken);
        try
        {
            if (_initialized)
            {
                return;
            }

            Database database = await client.CreateDatabaseIfNotExistsAsync(_options.Database, cancellationToken: cancellationToken);
            await database.CreateContainerIfNotExistsAsync(RequestsProperties(_options.RequestsContainer), cancellationToken: cancellationToken);
            await database.CreateContainerIfNotExistsAsync(
                new ContainerProperties(_options.MessagingContainer, "/id"), cancellationToken: cancellationToken);
            await database.CreateContainerIfNotExistsAsync(
                new ContainerProperties(_options.LeasesContainer, "/id"), cancellationToken: cancellationToken);
            logger.LogInformation("Cosmos DB database {Database} and its containers are ready", _options.Database);
            _initialized = true;
        }
        finally
        {
            _initializeLock.Release();
        }
    }

    /// <summary>
    /// The requests container as the store needs it: partitioned by /id, the request body not indexed, and a
    /// composite index for each ORDER BY on two properties, in exactly that order (the stand-in, stricter than
    /// Cosmos DB, does not use an index in reverse, hence both directions of submittedAtUtc). infra/modules/cosmos.bicep
    /// declares the same policy for Azure; a test compares the two.
    /// </summary>
    public static ContainerProperties RequestsProperties(string containerName)
    {
        // TTL on, no default expiry: only a document that carries its own ttl (RequestDocument.Ttl) expires.
        var properties = new ContainerProperties(containerName, "/id") { DefaultTimeToLive = -1 };
        properties.IndexingPolicy.ExcludedPaths.Add(new ExcludedPath { Path = "/request/*" });
        foreach (var (sortPath, order) in new[]
                 {
                     ("/submittedAtUtc", CompositePathSortOrder.Ascending),
                     ("/submittedAtUtc", CompositePathSortOrder.Descending),
                     ("/nextEventAt", CompositePathSortOrder.Ascending),
                     ("/slaCheckAt", CompositePathSortOrder.Ascending),
                 })
        {
            properties.IndexingPolicy.CompositeIndexes.Add(new Collection<CompositePath>
            {
                new() { Path = sortPath, Order = order },
                new() { Path = "/id", Order = order },
            });
        }

        return properties;
    }
}
