using ChatRequests.Azure.Storage;
using ChatRequests.Core.Approvals;
using ChatRequests.PortContracts.Storage;
using ChatRequests.Testing;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatRequests.Azure.Tests.Storage;

[Collection(CosmosServer.Collection)]
public sealed class CosmosDelegationStoreTests(CosmosServer server) : DelegationStoreContract, IDisposable
{
    private CosmosClient? _client;

    public void Dispose() => _client?.Dispose();

    protected override IDelegationStore CreateStore()
    {
        var (client, containers) = server.Connect(server.FreshDatabase());
        _client = client;
        return new CosmosDelegationStore(containers, NullLogger<CosmosDelegationStore>.Instance);
    }
}
