using ChatRequests.Core.Messaging;
using ChatRequests.Embedded.Storage;
using ChatRequests.PortContracts.Storage;

namespace ChatRequests.Embedded.Tests.Storage;

public sealed class SqliteConversationStoreTests : ConversationStoreContract, IDisposable
{
    private readonly ScratchDatabase _scratch = new();

    public void Dispose() => _scratch.Dispose();

    protected override IConversationStore CreateStore() => new SqliteConversationStore(_scratch.Database);
}
