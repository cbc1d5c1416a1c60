using ChatRequests.Core.AccessReviews;
using ChatRequests.PortContracts.Storage;

namespace ChatRequests.Core.Tests.AccessReviews;

public sealed class InMemoryAccessReviewStoreTests : AccessReviewStoreContract
{
    protected override IAccessReviewStore CreateStore() => new InMemoryAccessReviewStore();
}
