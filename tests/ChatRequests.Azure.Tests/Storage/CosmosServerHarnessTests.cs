using System.Net;
using ChatRequests.Azure.Storage;
using ChatRequests.Testing;
using Microsoft.Azure.Cosmos;

namespace ChatRequests.Azure.Tests.Storage;

/// <summary>The gaps of the Cosmos DB stand-in that the harness (CosmosServer/server.mjs) fills.</summary>
[Collection(CosmosServer.Collection)]
public sealed class CosmosServerHarnessTests(CosmosServer server) : IAsyncLifetime
{
    private readonly CosmosOptions _options = server.FreshDatabase();
    private CosmosClient _client = null!;
    private Container _container = null!;

    public async Task InitializeAsync()
    {
        _client = CosmosClientFactory.Create(_options);
        Database database = await _client.CreateDatabaseAsync(_options.Database);
        _container = await database.CreateContainerAsync("items", "/pk");
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ReadItem_Missing_Is404()
    {
        var error = await Assert.ThrowsAsync<CosmosException>(() => _container.ReadItemAsync<Item>("nope", new PartitionKey("a")));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Query_WithAPartitionKey_ReturnsOnlyThatPartition()
    {
        await _container.CreateItemAsync(new Item("1", "a"), new PartitionKey("a"));
        await _container.CreateItemAsync(new Item("2", "b"), new PartitionKey("b"));

        var found = new List<Item>();
        using var iterator = _container.GetItemQueryIterator<Item>(
            "SELECT * FROM c", requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey("a") });
        while (iterator.HasMoreResults)
        {
            found.AddRange(await iterator.ReadNextAsync());
        }

        Assert.Equal(["1"], found.Select(i => i.Id));
    }

    [Fact]
    public async Task CrossPartitionQueries_WorkInEveryDatabase_WhateverItsResourceId()
    {
        // Standard base64 puts a "/" in some resource ids (the 63rd database's is gAA/AA==), which broke the SDK's
        // partition key range reads of that database's containers (404, "stale cache"). 70 databases pass that one.
        for (var i = 0; i < 70; i++)
        {
            Database database = await _client.CreateDatabaseAsync($"{_options.Database}-{i}");
            Container container = await database.CreateContainerAsync("items", "/pk");
            Assert.DoesNotContain('/', (await database.ReadAsync()).Resource.SelfLink.Trim('/')["dbs/".Length..]);
            await container.CreateItemAsync(new Item("1", "a"), new PartitionKey("a"));

            using var iterator = container.GetItemQueryIterator<Item>("SELECT * FROM c ORDER BY c.id");
            var found = new List<Item>();
            while (iterator.HasMoreResults)
            {
                found.AddRange(await iterator.ReadNextAsync());
            }

            Assert.Equal(["1"], found.Select(item => item.Id));
        }
    }

    [Fact]
    public async Task Responses_KeepTheConnectionAlive()
    {
        using var http = new HttpClient(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        });

        using var response = await http.GetAsync(server.Endpoint);

        Assert.NotEqual(true, response.Headers.ConnectionClose);
    }

    private sealed record Item(string Id, string Pk);
}
