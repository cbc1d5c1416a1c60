using Microsoft.Extensions.Options;

namespace ChatRequests.Teams.Connector;

/// <summary>Whose limits a Bot Connector call counts against.</summary>
internal readonly record struct RateLimitKey(string Conversation, string Tenant);

/// <summary>
/// Teams' outbound limits, applied before every HTTP attempt (retries count too, as they do at Teams): a call goes when
/// its conversation's windows and its tenant's window all have room (<see cref="CallLog"/>: counted exactly, from the
/// moment it is let through to a window after it ended), and otherwise waits, at most
/// <see cref="ConnectorOptions.MaxPermitWait"/>, instead of failing, so bursts are smoothed rather than dropped.
/// </summary>
/// <remarks>
/// One queue in order of arrival. Whenever room may have appeared (a call arrives or ends, or the earliest moment a
/// window has room comes, on the <see cref="TimeProvider"/>'s timer) the queue is walked and every call whose
/// conversation and tenant both have room goes: a conversation at its limit holds back its own calls only, the others
/// share the tenant's budget in the order they came, and the calls of one conversation leave in the order they came.
/// (System.Threading.RateLimiting's partitioned limiters were used before: they slide a window by one segment per
/// 100 ms tick whatever the segment's length, which held the tenant to 50 calls per 4.1 s instead of per second; ADR 0023.)
/// </remarks>
internal sealed class ConnectorRateLimiter : IDisposable
{
    /// <summary>How often logs of conversations and tenants that went quiet are dropped.</summary>
    private static readonly TimeSpan ForgetInterval = TimeSpan.FromMinutes(1);

    private readonly object _gate = new();
    private readonly TimeProvider _clock;
    private readonly long _origin;
    private readonly TimeSpan _maxWait;
    private readonly int _queueLimit;
    private readonly RateLimitWindow[] _conversationWindows;
    private readonly RateLimitWindow[] _tenantWindows;
    private readonly Dictionary<string, CallLog> _conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CallLog> _tenants = new(StringComparer.Ordinal);
    private readonly LinkedList<Waiter> _queue = new();
    private readonly ITimer _timer;
    private TimeSpan _timerAt = TimeSpan.MaxValue;
    private TimeSpan _forgotAt;
    private bool _disposed;

    public ConnectorRateLimiter(IOptions<ConnectorOptions> options, TimeProvider clock)
    {
        var o = options.Value;
        _clock = clock;
        _origin = clock.GetTimestamp();
        _maxWait = o.MaxPermitWait;
        _queueLimit = o.QueueLimit;
        _conversationWindows = [.. o.ConversationWindows().Select(w => w.Window)];
        _tenantWindows = [o.TenantPerSecond];
        _timer = clock.CreateTimer(static limiter => ((ConnectorRateLimiter)limiter!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    private TimeSpan Now => _clock.GetElapsedTime(_origin);

    /// <summary>
    /// Waits for room, at most <see cref="ConnectorOptions.MaxPermitWait"/>; fails with a transient
    /// <see cref="ConnectorException"/> (429) when the queue is full or the wait is over. Dispose the permit when the
    /// call has ended (answered or failed): the windows count it until then, and a window after.
    /// </summary>
    public ValueTask<IDisposable> AcquireAsync(RateLimitKey key, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested
            ? ValueTask.FromCanceled<IDisposable>(cancellationToken)
            : new ValueTask<IDisposable>(Enqueue(key, cancellationToken));

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            while (_queue.First is { Value: var waiter })
            {
                Dequeue(waiter);
                waiter.Permit.TrySetException(new ObjectDisposedException(nameof(ConnectorRateLimiter)));
            }
        }

        _timer.Dispose();
    }

    /// <summary>Queues the call and lets through what has room; the task completes when the call may go (under the lock, so at once).</summary>
    private Task<IDisposable> Enqueue(RateLimitKey key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var waiter = new Waiter(this, Log(_conversations, key.Conversation, _conversationWindows), Log(_tenants, key.Tenant, _tenantWindows));
            if (waiter.Conversation.Waiting >= _queueLimit || waiter.Tenant.Waiting >= _queueLimit)
            {
                return Task.FromException<IDisposable>(new ConnectorException(
                    429, ConnectorException.LocalQueueFull, "Too many Bot Connector calls are waiting for this conversation or tenant; try again later."));
            }

            waiter.Conversation.Waiting++;
            waiter.Tenant.Waiting++;
            waiter.Node = _queue.AddLast(waiter);
            Pump(Now);
            if (waiter.Node.List is not null)
            {
                // Still waiting. (A token cancelled meanwhile calls back at once, on this thread: the lock is re-entrant.)
                waiter.Deadline = _clock.CreateTimer(static w => ((Waiter)w!).Limiter.WaitedTooLong((Waiter)w), waiter, _maxWait, Timeout.InfiniteTimeSpan);
                waiter.Cancellation = cancellationToken.UnsafeRegister(static (w, token) => ((Waiter)w!).Limiter.Withdraw((Waiter)w, token), waiter);
            }

            return waiter.Permit.Task;
        }
    }

    /// <summary>The caller gave up: its place goes (nothing else was waiting for it to go first).</summary>
    private void Withdraw(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (waiter.Node?.List is not null)
            {
                Dequeue(waiter);
                waiter.Permit.TrySetCanceled(cancellationToken);
            }
        }
    }

    private void WaitedTooLong(Waiter waiter)
    {
        lock (_gate)
        {
            if (waiter.Node?.List is not null)
            {
                Dequeue(waiter);
                // Nothing was sent: the caller may try again after this wait without risk of a repeat.
                waiter.Permit.TrySetException(new ConnectorException(
                    429, ConnectorException.LocalRateLimit, $"No Bot Connector permit for this conversation or tenant within {_maxWait.TotalSeconds:0.#} s; try again later.")
                {
                    RetryAfter = _maxWait,
                });
            }
        }
    }

    private void Ended(Permit permit)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = Now;
            permit.Conversation.End(now);
            permit.Tenant.End(now);
            Pump(now);
        }
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _timerAt = TimeSpan.MaxValue;
            Pump(Now);
        }
    }

    /// <summary>Lets through every waiting call that has room now, oldest first, and sets the timer for the next that will.</summary>
    private void Pump(TimeSpan now)
    {
        var next = TimeSpan.MaxValue;
        for (var node = _queue.First; node is not null;)
        {
            var waiter = node.Value;
            node = node.Next;
            var room = waiter.Conversation.RoomAt(now);
            if (room <= now)
            {
                var tenantRoom = waiter.Tenant.RoomAt(now);
                room = tenantRoom > room ? tenantRoom : room;
            }

            if (room <= now)
            {
                Dequeue(waiter);
                waiter.Conversation.Start();
                waiter.Tenant.Start();
                waiter.Permit.TrySetResult(new Permit(this, waiter.Conversation, waiter.Tenant));
            }
            else if (room < next)
            {
                next = room; // MaxValue: only a call ending makes room, and an end pumps again
            }
        }

        if (next != TimeSpan.MaxValue && next != _timerAt)
        {
            _timerAt = next;
            // Rounded up to the timer's milliseconds: a timer a hair early would only find no room and spin.
            _timer.Change(TimeSpan.FromMilliseconds(Math.Ceiling((next - now).TotalMilliseconds)), Timeout.InfiniteTimeSpan);
        }

        ForgetQuietLogs(now);
    }

    private void Dequeue(Waiter waiter)
    {
        _queue.Remove(waiter.Node!);
        waiter.Conversation.Waiting--;
        waiter.Tenant.Waiting--;
        waiter.Deadline?.Dispose();
        waiter.Cancellation.Unregister(); // never waits, also from its own callback
    }

    private void ForgetQuietLogs(TimeSpan now)
    {
        if (now - _forgotAt < ForgetInterval)
        {
            return;
        }

        _forgotAt = now;
        foreach (var logs in new[] { _conversations, _tenants })
        {
            foreach (var (key, log) in logs)
            {
                log.Forget(now);
                if (log.IsIdle)
                {
                    logs.Remove(key);
                }
            }
        }
    }

    private static CallLog Log(Dictionary<string, CallLog> logs, string key, RateLimitWindow[] windows)
    {
        if (!logs.TryGetValue(key, out var log))
        {
            log = new CallLog(windows);
            logs[key] = log;
        }

        return log;
    }

    private sealed class Waiter(ConnectorRateLimiter limiter, CallLog conversation, CallLog tenant)
    {
        public ConnectorRateLimiter Limiter { get; } = limiter;

        public CallLog Conversation { get; } = conversation;

        public CallLog Tenant { get; } = tenant;

        public TaskCompletionSource<IDisposable> Permit { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }

        /// <summary>Fires when the call has waited <see cref="ConnectorOptions.MaxPermitWait"/>.</summary>
        public ITimer? Deadline { get; set; }

        public CancellationTokenRegistration Cancellation { get; set; }
    }

    /// <summary>A call let through; disposing it says the call ended (once).</summary>
    private sealed class Permit(ConnectorRateLimiter limiter, CallLog conversation, CallLog tenant) : IDisposable
    {
        private int _ended;

        public CallLog Conversation { get; } = conversation;

        public CallLog Tenant { get; } = tenant;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                limiter.Ended(this);
            }
        }
    }
}
