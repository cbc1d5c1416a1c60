using System.Text.Json.Nodes;
using ChatRequests.Azure.Storage;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Requests;
using ChatRequests.PortContracts;
using ChatRequests.Testing;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatRequests.Azure.Tests.Storage;

/// <summary>
/// Documents as the Cosmos DB stores wrote them before audit actions and conversation types were typed
/// (Fixtures/stored-cosmos-documents.json: four requests whose histories hold every audit action, and a personal chat,
/// a channel and a group chat): they load, and writing them back changes none of their strings.
/// </summary>
[Collection(CosmosServer.Collection)]
public sealed class CosmosStoredDocumentsTests(CosmosServer server) : IAsyncLifetime
{
    private static readonly JsonObject Fixture =
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "stored-cosmos-documents.json")))!.AsObject();

    private readonly CosmosOptions _options = server.FreshDatabase();
    private CosmosClient _client = null!;
    private CosmosContainers _containers = null!;

    public async Task InitializeAsync()
    {
        (_client, _containers) = server.Connect(_options);
        await WriteFixtureAsync("requests", await _containers.RequestsAsync(CancellationToken.None));
        await WriteFixtureAsync("messaging", await _containers.MessagingAsync(CancellationToken.None));
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Requests_Load_WithEveryAuditActionTyped_AndSaveBackTheSameRequest()
    {
        var store = new CosmosRequestStore(_containers, TimeProvider.System, NullLogger<CosmosRequestStore>.Instance);
        var container = await _containers.RequestsAsync(CancellationToken.None);
        var actions = new HashSet<AuditAction>();

        foreach (var stored in Documents("requests"))
        {
            var id = (string)stored["id"]!;
            var request = (await store.GetAsync(id))!;
            actions.UnionWith(request.History.Select(h => h.Action));

            await store.SaveAsync(request);

            var expected = stored["request"]!.DeepClone().AsObject();
            expected["version"] = 2;
            Assert.Equal(expected.ToJsonString(), (await RawDocuments.ReadAsync(container, id))["request"]!.ToJsonString());
        }

        // Every action but those first written after the fixture was.
        Assert.Equal(
            AuditAction.All.Except(StoredFixtureActions.WrittenSince).ToHashSet(),
            actions);
    }

    [Fact]
    public async Task Conversations_Load_WithTheirTypes_AndUpsertBackTheSameDocument()
    {
        var store = new CosmosConversationStore(_containers, NullLogger<CosmosConversationStore>.Instance);
        var container = await _containers.MessagingAsync(CancellationToken.None);

        var personal = await store.FindPersonalAsync("7f3c1a52-0001-4b6e-9a0d-000000000001");
        var channel = await store.FindAsync("19:hardware@thread.tacv2");
        var group = await store.FindAsync("19:group@thread.v2");

        Assert.Equal(
            [ConversationType.Personal, ConversationType.Channel, ConversationType.GroupChat],
            new[] { personal!.ConversationType, channel!.ConversationType, group!.ConversationType });
        foreach (var stored in Documents("messaging"))
        {
            await store.UpsertAsync((await store.FindAsync((string)stored["reference"]!["conversationId"]!))!);

            var written = await RawDocuments.ReadAsync(container, (string)stored["id"]!);
            Assert.Equal(stored["conversationType"]!.ToJsonString(), written["conversationType"]!.ToJsonString());
            Assert.Equal(stored["reference"]!.ToJsonString(), written["reference"]!.ToJsonString());
        }
    }

    private static IEnumerable<JsonObject> Documents(string container) => Fixture[container]!.AsArray().Select(d => d!.AsObject());

    private static async Task WriteFixtureAsync(string name, Container container)
    {
        foreach (var document in Documents(name))
        {
            using var body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(document.ToJsonString()));
            using var response = await container.CreateItemStreamAsync(body, new PartitionKey((string)document["id"]!));
            response.EnsureSuccessStatusCode();
        }
    }
}
