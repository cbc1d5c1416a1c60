using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChatRequests.Teams.Connector;

/// <summary>Whose limits a Bot Connector call counts against.</summary>
internal readonly record struct RateLimitKey(string Conversation, string Tenant);

/// <summary>
/// Teams' outbound limits, applied before every HTTP attempt (retries count too, as they do at Teams): the
/// per-conversation windows and the per-tenant window, chained, one partition per conversation and per tenant.
/// Callers over a limit wait in a FIFO queue instead of failing, so bursts are smoothed rather than dropped.
/// </summary>
/// <remarks>
/// Sliding windows of up to 10 segments: a permit returns one window after the segment it was used in, so
/// the limits hold to within one segment (a tenth of the window). A 429 from Teams is retried anyway.
/// </remarks>
internal sealed class ConnectorRateLimiter : IDisposable, IAsyncDisposable
{
    private static readonly TimeSpan MinimumSegment = TimeSpan.FromMilliseconds(100);

    private readonly PartitionedRateLimiter<RateLimitKey>[] _windows;
    private readonly PartitionedRateLimiter<RateLimitKey> _chain;
    private readonly TimeSpan _maxWait;
    private readonly TimeProvider _clock;

    public ConnectorRateLimiter(IOptions<ConnectorOptions> options, TimeProvider clock)
    {
        var o = options.Value;
        _maxWait = o.MaxPermitWait;
        _clock = clock;
        var perConversation = o.ConversationWindows()
            .Select(w => Partitioned(w.Window, o.QueueLimit, key => key.Conversation));
        // Tenant last: the shared tenant permit is taken only once the conversation's own limits allow the call.
        _windows = [.. perConversation, Partitioned(o.TenantPerSecond, o.QueueLimit, key => key.Tenant)];
        _chain = PartitionedRateLimiter.CreateChained(_windows);
    }

    /// <summary>
    /// Waits for a permit, at most <see cref="ConnectorOptions.MaxPermitWait"/>; throws a transient
    /// <see cref="ConnectorException"/> (429) when the queue is full or the wait is over.
    /// </summary>
    public async ValueTask<RateLimitLease> AcquireAsync(RateLimitKey key, CancellationToken cancellationToken)
    {
        using var waitOver = new CancellationTokenSource(_maxWait, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, waitOver.Token);
        RateLimitLease lease;
        try
        {
            lease = await _chain.AcquireAsync(key, 1, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (waitOver.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Nothing was sent: the caller may try again after this wait without risk of a repeat.
            throw new ConnectorException(429, ConnectorException.LocalRateLimit, $"No Bot Connector permit for this conversation or tenant within {_maxWait.TotalSeconds:0.#} s; try again later.")
            {
                RetryAfter = _maxWait,
            };
        }

        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        throw new ConnectorException(429, ConnectorException.LocalQueueFull, "Too many Bot Connector calls are waiting for this conversation or tenant; try again later.");
    }

    public void Dispose()
    {
        // The chained limiter does not own the limiters it chains.
        _chain.Dispose();
        foreach (var window in _windows)
        {
            window.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _chain.DisposeAsync().ConfigureAwait(false);
        foreach (var window in _windows)
        {
            await window.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static PartitionedRateLimiter<RateLimitKey> Partitioned(RateLimitWindow window, int queueLimit, Func<RateLimitKey, string> partitionBy) =>
        PartitionedRateLimiter.Create<RateLimitKey, string>(key => RateLimitPartition.GetSlidingWindowLimiter(
            partitionBy(key),
            _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = window.PermitLimit,
                Window = window.Window,
                SegmentsPerWindow = Segments(window.Window),
                QueueLimit = queueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }));

    private static int Segments(TimeSpan window) =>
        (int)Math.Clamp(window.Ticks / MinimumSegment.Ticks, 1, 10);
}
