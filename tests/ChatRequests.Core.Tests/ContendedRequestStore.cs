using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.PortContracts.Storage;

namespace ChatRequests.Core.Tests;

/// <summary>
/// A request store where other writers get in first: <see cref="BeforeNextSave"/> runs just before the next save (another
/// writer saving meanwhile), and with <see cref="AlwaysConflict"/> every save loses. Counts the saves tried and the
/// reads by id.
/// </summary>
public sealed class ContendedRequestStore(IRequestStore inner) : ForwardingRequestStore(inner)
{
    private int _saves;
    private int _reads;

    public int Saves => Volatile.Read(ref _saves);

    public int Reads => Volatile.Read(ref _reads);

    public bool AlwaysConflict { get; set; }

    public Func<Task>? BeforeNextSave { get; set; }

    public override async Task SaveAsync(ServiceRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _saves);
        if (BeforeNextSave is { } otherWriter)
        {
            BeforeNextSave = null;
            await otherWriter();
        }

        if (AlwaysConflict)
        {
            throw new ConcurrencyConflictException(request.Id);
        }

        await base.SaveAsync(request, cancellationToken);
    }

    public override Task<ServiceRequest?> GetAsync(string requestId, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        return base.GetAsync(requestId, cancellationToken);
    }
}
