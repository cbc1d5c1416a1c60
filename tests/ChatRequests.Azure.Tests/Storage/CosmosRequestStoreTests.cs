using System.Text.Json;
using ChatRequests.Azure.Storage;
using ChatRequests.Core.Storage;
using ChatRequests.PortContracts.Storage;
using ChatRequests.Testing;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.Azure.Tests.Storage;

[Collection(CosmosServer.Collection)]
public sealed class CosmosRequestStoreTests(CosmosServer server) : RequestStoreContract, IDisposable
{
    private readonly CosmosOptions _options = server.FreshDatabase();
    private readonly List<CosmosClient> _clients = [];
    private readonly ListLogger<CosmosRequestStore> _logger = new();

    public void Dispose() => _clients.ForEach(c => c.Dispose());

    protected override IRequestStore CreateStore() => Open();

    protected override IRequestStore ReopenStore() => Open();

    [Fact]
    public async Task CreateAsync_StoresEnumsAsNamesTheVersionAndTheQueryProperties()
    {
        await Store.CreateAsync(Submit("REQ-000001", stages: [SecurityStage()]));

        var doc = await RawDocumentAsync("REQ-000001");

        Assert.Equal("request", doc.GetProperty("type").GetString());
        Assert.Equal(1, doc.GetProperty("version").GetInt64());
        Assert.Equal(1, doc.GetProperty("request").GetProperty("version").GetInt64());
        Assert.Equal("AwaitingApproval", doc.GetProperty("request").GetProperty("state").GetString());
        Assert.Equal([Carol.Id, Dave.Id], doc.GetProperty("pendingApprovers").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("2026-11-23T09:00:00.0000000Z", doc.GetProperty("nextEventAt").GetString());
        Assert.True(doc.GetProperty("isOpen").GetBoolean());
    }

    [Fact]
    public async Task SaveAsync_KeepsTheQueryPropertiesInStepWithTheDocument()
    {
        var request = Submit("REQ-000001", stages: [SecurityStage()]);
        await Store.CreateAsync(request);

        request.Decide(Carol, approve: true, null, 0, Start.AddHours(1));
        request.CompleteEvent(request.Outbox[0].Id);
        await Store.SaveAsync(request);

        var doc = await RawDocumentAsync("REQ-000001");
        Assert.Empty(doc.GetProperty("pendingApprovers").EnumerateArray());
        Assert.Equal("2026-11-23T10:00:00.0000000Z", doc.GetProperty("nextEventAt").GetString());
        Assert.Equal(2, doc.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task SaveAsync_ObjectNotLoadedByThisStore_StillChecksTheStoredVersion()
    {
        var request = Submit("REQ-000001", stages: [ManagerStage()]);
        await Store.CreateAsync(request);
        var copy = JsonSerializer.Deserialize<Core.Requests.ServiceRequest>(
            JsonSerializer.Serialize(request, RequestJson.Options), RequestJson.Options)!;
        request.Decide(Bob, approve: true, null, 0, Start.AddMinutes(1));
        await Store.SaveAsync(request);

        copy.Cancel(Alice, null, Start.AddMinutes(2));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.SaveAsync(copy));
    }

    [Fact]
    public async Task CreateAsync_SubmissionKeyClaimLeftByACrashedCreate_IsTakenOverOnceOld()
    {
        var requests = await RequestsContainerAsync();
        await WriteClaimAsync(requests, "form-old", "REQ-000090", DateTimeOffset.UtcNow.AddMinutes(-10));
        await WriteClaimAsync(requests, "form-new", "REQ-000091", DateTimeOffset.UtcNow);

        await Store.CreateAsync(Submit("REQ-000001", submissionKey: "form-old"));

        Assert.Equal("REQ-000001", (await Store.FindBySubmissionKeyAsync("form-old"))?.Id);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CreateAsync(Submit("REQ-000002", submissionKey: "form-new")));
    }

    [Fact]
    public async Task CreateAsync_ClaimLeftByAnEarlierAttemptOfTheSameRequest_IsItsOwn()
    {
        // A create that failed (or timed out) after writing its claim: the same form, sent again, has the same number.
        var requests = await RequestsContainerAsync();
        await WriteClaimAsync(requests, "form-a", "REQ-000001", DateTimeOffset.UtcNow);

        await Store.CreateAsync(Submit("REQ-000001", submissionKey: "form-a"));

        Assert.Equal("REQ-000001", (await Store.FindBySubmissionKeyAsync("form-a"))?.Id);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CreateAsync(Submit("REQ-000001", submissionKey: "form-a")));
    }

    [Fact]
    public async Task EveryOperation_LogsItsRequestChargeAtDebug()
    {
        await Store.CreateAsync(Submit("REQ-000001"));
        await Store.ListByRequesterAsync(Alice.Id, 5);

        var charges = _logger.Entries.Where(e => e.Level == LogLevel.Debug && e.Values.ContainsKey("RequestCharge")).ToList();
        Assert.Contains(charges, e => Equals(e.Values["Operation"], "create"));
        Assert.Contains(charges, e => Equals(e.Values["Operation"], "query by requester"));
    }

    private CosmosRequestStore Open()
    {
        var (client, containers) = server.Connect(_options);
        _clients.Add(client);
        return new CosmosRequestStore(containers, TimeProvider.System, _logger);
    }

    /// <summary>The store's requests container, created by a first read, for writing documents as they were left.</summary>
    private async Task<Container> RequestsContainerAsync()
    {
        var (client, _) = server.Connect(_options);
        _clients.Add(client);
        await Store.GetAsync("REQ-000000");
        return client.GetContainer(_options.Database, _options.RequestsContainer);
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

    private static async Task WriteClaimAsync(Container requests, string submissionKey, string requestId, DateTimeOffset claimedAt)
    {
        var id = "submission:" + System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(submissionKey));
        await requests.CreateItemAsync(
            new { id, type = "submissionClaim", submissionKey, requestId, claimedAt },
            new PartitionKey(id));
    }
}
