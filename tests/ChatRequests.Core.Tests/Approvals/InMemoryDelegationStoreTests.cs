using ChatRequests.Core.Approvals;
using ChatRequests.PortContracts.Storage;

namespace ChatRequests.Core.Tests.Approvals;

public sealed class InMemoryDelegationStoreTests : DelegationStoreContract
{
    protected override IDelegationStore CreateStore() => new InMemoryDelegationStore();
}
