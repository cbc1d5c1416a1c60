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
/// Sliding windows in segments: a permit comes back when the segment it was used in leaves the window. Each window is
/// one segment longer than Teams' (W + W/n in n + 1 segments), so a permit comes back no sooner than W after its call
/// and the limits hold exactly, as a service counting every call of the last W would count them (a window of exactly W
/// let a call through up to a segment early: the load driver's enforcing connector answered 429). The cost is at most a
/// segment per window: the tenant's window has 25 ms segments (one partition, one timer), a conversation's 100 ms
/// (a timer per active conversation). A 429 from Teams is retried anyway.
/// </remarks>
internal sealed class ConnectorRateLimiter : IDisposable, IAsyncDisposable
{
    private static readonly TimeSpan ConversationSegment = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan TenantSegment = TimeSpan.FromMilliseconds(25);

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
            .Select(w => Partitioned(w.Window, ConversationSegment, o.QueueLimit, key => key.Conversation));
        // Tenant last: the shared tenant permit is taken only once the conversation's own limits allow the call.
        _windows = [.. perConversation, Partitioned(o.TenantPerSecond, TenantSegment, o.QueueLimit, key => key.Tenant)];
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

    private static PartitionedRateLimiter<RateLimitKey> Partitioned(
        RateLimitWindow window, TimeSpan shortestSegment, int queueLimit, Func<RateLimitKey, string> partitionBy)
    {
        var segments = (int)Math.Clamp(window.Window.Ticks / shortestSegment.Ticks, 1, 40);
        var options = new SlidingWindowRateLimiterOptions
        {
            PermitLimit = window.PermitLimit,
            Window = window.Window + window.Window / segments,
            SegmentsPerWindow = segments + 1,
            QueueLimit = queueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        };
        return PartitionedRateLimiter.Create<RateLimitKey, string>(key => RateLimitPartition.GetSlidingWindowLimiter(partitionBy(key), _ => options));
    }
}
