using ChatRequests.Azure.Storage;
using ChatRequests.Core.Messaging;
using ChatRequests.PortContracts.Storage;
using ChatRequests.Testing;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatRequests.Azure.Tests.Storage;

[Collection(CosmosServer.Collection)]
public sealed class CosmosMessageLedgerTests(CosmosServer server) : MessageLedgerContract, IDisposable
{
    private CosmosClient? _client;

    public void Dispose() => _client?.Dispose();

    protected override IMessageLedger CreateLedger()
    {
        var (client, containers) = server.Connect(server.FreshDatabase());
        _client = client;
        return new CosmosMessageLedger(containers, NullLogger<CosmosMessageLedger>.Instance);
    }
}
