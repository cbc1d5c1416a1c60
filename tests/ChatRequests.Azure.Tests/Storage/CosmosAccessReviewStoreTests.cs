using ChatRequests.Azure.Storage;
using ChatRequests.Core.AccessReviews;
using ChatRequests.PortContracts.Storage;
using ChatRequests.Testing;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatRequests.Azure.Tests.Storage;

[Collection(CosmosServer.Collection)]
public sealed class CosmosAccessReviewStoreTests(CosmosServer server) : AccessReviewStoreContract, IDisposable
{
    private CosmosClient? _client;

    public void Dispose() => _client?.Dispose();

    protected override IAccessReviewStore CreateStore()
    {
        var (client, containers) = server.Connect(server.FreshDatabase());
        _client = client;
        return new CosmosAccessReviewStore(containers, NullLogger<CosmosAccessReviewStore>.Instance);
    }
}
