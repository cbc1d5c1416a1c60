using ChatRequests.Azure.Storage;
using ChatRequests.Core.Storage;
using ChatRequests.Embedded.Tests.Storage;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatRequests.Azure.Tests.Storage;

[Collection(CosmosCollection.Name)]
public sealed class CosmosRequestStoreTests(CosmosServerFixture server) : RequestStoreContract, IDisposable
{
    private readonly CosmosOptions _options = server.FreshDatabase();
    private readonly List<CosmosClient> _clients = [];

    public void Dispose() => _clients.ForEach(c => c.Dispose());

    protected override IRequestStore CreateStore() => Open();

    protected override IRequestStore ReopenStore() => Open();

    private CosmosRequestStore Open()
    {
        var (client, containers) = server.Connect(_options);
        _clients.Add(client);
        return new CosmosRequestStore(containers, TimeProvider.System, NullLogger<CosmosRequestStore>.Instance);
    }
}
