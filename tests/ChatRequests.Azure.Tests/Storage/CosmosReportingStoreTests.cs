using ChatRequests.Azure.Storage;
using ChatRequests.Core.Reporting;
using ChatRequests.PortContracts.Reporting;
using ChatRequests.Testing;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatRequests.Azure.Tests.Storage;

/// <summary>The reporting store contract, known answers included, against the Cosmos DB wire-protocol server.</summary>
[Collection(CosmosServer.Collection)]
public sealed class CosmosReportingStoreTests(CosmosServer server) : ReportingStoreContract, IDisposable
{
    private CosmosClient? _client;

    public void Dispose() => _client?.Dispose();

    protected override IReportingStore CreateStore()
    {
        var (client, containers) = server.Connect(server.FreshDatabase());
        _client = client;
        return new CosmosReportingStore(containers, NullLogger<CosmosReportingStore>.Instance);
    }
}
