using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.PortContracts.Storage;

namespace ChatRequests.Embedded.Tests.Fulfilment;

/// <summary>A real store that can be told to fail its next saves or listings, like a disk or a crash would.</summary>
public sealed class FlakyRequestStore(IRequestStore inner) : ForwardingRequestStore(inner)
{
    private int _saveFailuresLeft;
    private int _listingFailuresLeft;

    public void FailNextSaves(int count) => Interlocked.Exchange(ref _saveFailuresLeft, count);

    public void FailNextListings(int count) => Interlocked.Exchange(ref _listingFailuresLeft, count);

    public override Task SaveAsync(ServiceRequest request, CancellationToken cancellationToken = default) =>
        Interlocked.Decrement(ref _saveFailuresLeft) >= 0
            ? throw new IOException("The disk went away")
            : base.SaveAsync(request, cancellationToken);

    public override Task<IReadOnlyList<ServiceRequest>> ListWithDueEventsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
        Interlocked.Decrement(ref _listingFailuresLeft) >= 0
            ? throw new IOException("The disk went away")
            : base.ListWithDueEventsAsync(now, max, cancellationToken);
}
