using System.Threading.Channels;
using ChatRequests.Core.Fulfilment;

namespace ChatRequests.Embedded.Fulfilment;

/// <summary>
/// Wakes the <see cref="InProcessRelay"/>. Wake-ups while the relay is busy collapse into one, which is
/// remembered: the relay runs one more pass as soon as it finishes the current one.
/// </summary>
public sealed class RelaySignal : IRelaySignal
{
    private readonly Channel<bool> _wakeUps = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Wake() => _wakeUps.Writer.TryWrite(true);

    /// <summary>
    /// Returns when woken or when <paramref name="timeout"/> has passed on <paramref name="clock"/>;
    /// throws <see cref="OperationCanceledException"/> only when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    internal async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (_wakeUps.Reader.TryRead(out _))
        {
            return;
        }

        using var timeoutSource = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            await _wakeUps.Reader.ReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a wake-up: time to look for due events anyway.
        }
    }
}
