using ChatRequests.Core.Assignment;
using ChatRequests.PortContracts.Storage;

namespace ChatRequests.Core.Tests.Assignment;

public sealed class InMemoryAssignmentStoreTests : AssignmentStoreContract
{
    // In memory, a restart keeps nothing; the same instance stands for the storage a reopened store would read.
    protected override IAssignmentStore CreateStore() => new InMemoryAssignmentStore();

    protected override IAssignmentStore ReopenStore() => Store;
}
