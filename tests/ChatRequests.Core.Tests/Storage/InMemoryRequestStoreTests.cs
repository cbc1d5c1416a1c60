using ChatRequests.Core.Storage;
using ChatRequests.PortContracts.Storage;

namespace ChatRequests.Core.Tests.Storage;

/// <summary>The core tests' in-memory store keeps the same contract as the SQLite and Cosmos DB stores.</summary>
public sealed class InMemoryRequestStoreTests : RequestStoreContract
{
    private readonly InMemoryRequestStore _store = new();

    protected override IRequestStore CreateStore() => _store;

    protected override IRequestStore ReopenStore() => _store.Reopen();
}
