using ChatRequests.Azure.Storage;
using ChatRequests.Core.Messaging;
using ChatRequests.PortContracts.Storage;
using ChatRequests.Testing;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatRequests.Azure.Tests.Storage;

[Collection(CosmosServer.Collection)]
public sealed class CosmosConversationStoreTests(CosmosServer server) : ConversationStoreContract, IDisposable
{
    private CosmosClient? _client;

    public void Dispose() => _client?.Dispose();

    protected override IConversationStore CreateStore()
    {
        var (client, containers) = server.Connect(server.FreshDatabase());
        _client = client;
        return new CosmosConversationStore(containers, NullLogger<CosmosConversationStore>.Instance);
    }
}
