using ChatRequests.Azure.Storage;
using ChatRequests.Core.Assignment;
using ChatRequests.PortContracts.Storage;
using ChatRequests.Testing;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatRequests.Azure.Tests.Storage;

[Collection(CosmosServer.Collection)]
public sealed class CosmosAssignmentStoreTests(CosmosServer server) : AssignmentStoreContract, IDisposable
{
    private readonly List<CosmosClient> _clients = [];
    private CosmosOptions? _database;

    public void Dispose() => _clients.ForEach(c => c.Dispose());

    protected override IAssignmentStore CreateStore()
    {
        _database = server.FreshDatabase();
        return Connect(_database);
    }

    protected override IAssignmentStore ReopenStore() => Connect(_database ?? throw new InvalidOperationException("No store yet."));

    private CosmosAssignmentStore Connect(CosmosOptions database)
    {
        var (client, containers) = server.Connect(database);
        _clients.Add(client);
        return new CosmosAssignmentStore(containers, NullLogger<CosmosAssignmentStore>.Instance);
    }
}
