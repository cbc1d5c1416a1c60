using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRequests.Azure.Storage;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Testing;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatRequests.Azure.Tests.Storage;

/// <summary>
/// The Cosmos DB adapter writes the request under <c>request</c> through the generated writer (ADR 0062): for each request
/// document the stores hold (the Core tests' Storage/Documents), the document the client sends is byte for byte the one the
/// reflection-built <see cref="RequestJson.Options"/> wrote before, and the stand-in stores that request.
/// </summary>
[Collection(CosmosServer.Collection)]
public sealed class CosmosRequestDocumentTests(CosmosServer server) : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    private readonly CosmosOptions _options = server.FreshDatabase();
    private CosmosClient? _client;

    public static TheoryData<string> Names =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "StoredRequests"), "*.json").Select(file => Path.GetFileNameWithoutExtension(file)!).Order()];

    public void Dispose() => _client?.Dispose();

    [Theory]
    [MemberData(nameof(Names))]
    public void From_StoredRequest_WritesTheBytesTheReflectionSerializerWrote(string name)
    {
        var stored = Stored(name);
        var request = JsonSerializer.Deserialize<ServiceRequest>(stored, RequestJson.Options)!;

        var document = RequestDocument.From(request, request.Version, Now);
        // What RequestDocument.From put under "request" before ADR 0062's writer served it too.
        var before = document with { Request = JsonSerializer.SerializeToElement(request, RequestJson.Options) };

        Assert.Equal(Encoding.UTF8.GetString(stored), document.Request.GetRawText());
        // The client's serializer is RequestJson.Options (CosmosClientFactory): what it sends for the whole document.
        Assert.Equal(
            Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(before, RequestJson.Options)),
            Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(document, RequestJson.Options)));
    }

    [Fact]
    public async Task CreateAsync_StoredRequests_StoresTheirDocumentsAtTheNewVersion()
    {
        CosmosContainers containers;
        (_client, containers) = server.Connect(_options);
        var store = new CosmosRequestStore(containers, TimeProvider.System, NullLogger<CosmosRequestStore>.Instance);
        var container = await containers.RequestsAsync(CancellationToken.None);

        foreach (var name in Names)
        {
            var stored = Stored(name);
            var request = JsonSerializer.Deserialize<ServiceRequest>(stored, RequestJson.Options)!;

            await store.CreateAsync(request);

            var expected = JsonNode.Parse(stored)!.AsObject();
            expected["version"] = 1;
            Assert.Equal(expected.ToJsonString(), (await RawDocuments.ReadAsync(container, request.Id))["request"]!.ToJsonString());
        }
    }

    private static byte[] Stored(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "StoredRequests", name + ".json"));
}
