using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;

namespace ChatRequests.Core.AccessReviews;

// TEMPORARY until wt-audit's IRequestStore.ScanAsync is on main (deleted by the merge that brings it).
internal static class PendingScan
{
    public static IAsyncEnumerable<ServiceRequest> ScanAsync(
        this IRequestStore store, DateTimeOffset? submittedFrom = null, DateTimeOffset? submittedBefore = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("IRequestStore.ScanAsync is not on this branch yet.");
}
