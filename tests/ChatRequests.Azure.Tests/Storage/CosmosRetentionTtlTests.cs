using System.Text.Json;
using ChatRequests.Azure.Storage;
using ChatRequests.Core.Organisation;
using ChatRequests.Testing;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.Azure.Tests.Storage;

/// <summary>On Cosmos DB an anonymised request's document expires by its own <c>ttl</c>, counted from the write.</summary>
[Collection(CosmosServer.Collection)]
public sealed class CosmosRetentionTtlTests(CosmosServer server) : IDisposable
{
    private static readonly DateTimeOffset ClosedAt = Start.AddHours(8);

    private readonly CosmosOptions _options = server.FreshDatabase();
    private readonly List<CosmosClient> _clients = [];
    private readonly FakeTimeProvider _clock = new(ClosedAt);

    public void Dispose() => _clients.ForEach(c => c.Dispose());

    [Fact]
    public async Task SaveAsync_AnonymisedRequest_WritesTheSecondsLeftUntilItsDeletion_KeptRequests_WriteNone()
    {
        var store = Open();
        var request = FullLifecycle("REQ-000001");
        request.AdoptRetention(new RetentionSettings { AnonymiseClosedAfterDays = 30, KeepAuditYears = 2 });
        await store.CreateAsync(request);
        Assert.False((await RawDocumentAsync("REQ-000001")).TryGetProperty("ttl", out _));

        _clock.Advance(TimeSpan.FromDays(30));
        request.CheckSla(_clock.GetUtcNow());
        await store.SaveAsync(request);

        var ttl = (await RawDocumentAsync("REQ-000001")).GetProperty("ttl").GetInt32();
        Assert.Equal((int)(ClosedAt.AddYears(2) - _clock.GetUtcNow()).TotalSeconds, ttl);
    }

    [Fact]
    public void RequestsContainer_HasTtlOnWithoutADefaultExpiry_AsInfraDeclares()
    {
        Assert.Equal(-1, CosmosContainers.RequestsProperties("requests").DefaultTimeToLive);
        var bicep = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "modules", "cosmos.bicep"));
        Assert.Contains("indexingPolicy: requestsIndexing, defaultTtl: -1", bicep, StringComparison.Ordinal);
    }

    private CosmosRequestStore Open()
    {
        var (client, containers) = server.Connect(_options);
        _clients.Add(client);
        return new CosmosRequestStore(containers, _clock, NullLogger<CosmosRequestStore>.Instance);
    }

    private async Task<JsonElement> RawDocumentAsync(string id)
    {
        var (client, _) = server.Connect(_options);
        _clients.Add(client);
        using var response = await client.GetContainer(_options.Database, _options.RequestsContainer)
            .ReadItemStreamAsync(id, new PartitionKey(id));
        response.EnsureSuccessStatusCode();
        using var json = await JsonDocument.ParseAsync(response.Content);
        return json.RootElement.Clone();
    }
}
