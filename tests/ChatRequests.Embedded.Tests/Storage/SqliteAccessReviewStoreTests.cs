using ChatRequests.Core.AccessReviews;
using ChatRequests.Embedded.Storage;
using ChatRequests.PortContracts.Storage;

namespace ChatRequests.Embedded.Tests.Storage;

public sealed class SqliteAccessReviewStoreTests : AccessReviewStoreContract, IDisposable
{
    private readonly ScratchDatabase _scratch = new();

    public void Dispose() => _scratch.Dispose();

    protected override IAccessReviewStore CreateStore() => new SqliteAccessReviewStore(_scratch.Database);
}
