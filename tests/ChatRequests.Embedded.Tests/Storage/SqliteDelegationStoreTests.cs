using ChatRequests.Core.Approvals;
using ChatRequests.Embedded.Storage;
using ChatRequests.PortContracts.Storage;

namespace ChatRequests.Embedded.Tests.Storage;

public sealed class SqliteDelegationStoreTests : DelegationStoreContract, IDisposable
{
    private readonly ScratchDatabase _scratch = new();

    public void Dispose() => _scratch.Dispose();

    protected override IDelegationStore CreateStore() => new SqliteDelegationStore(_scratch.Database);
}
