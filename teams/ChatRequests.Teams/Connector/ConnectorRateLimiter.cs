using ChatRequests.Core.Fulfilment;
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
/// A conversation is a lane (ADR 0036): one call under way at a time, so its posts arrive in order and one that hangs
/// holds one caller only, and a pause after Teams answered 429 with Retry-After. Background calls
/// (<see cref="ConversationWait"/>) stand in their conversation's line (<see cref="CallLog.Line"/>) in the order they came
/// and go in that order; one whose turn is not within its wait is sent away at once, unsent, with a guess of when its turn
/// comes, and keeps its place by its ticket (<see cref="IKeptPlace"/>), instead of waiting in a worker while other
/// conversations' events wait. No later call of the line goes while a place before it is kept: the order is the line's
/// by construction, whatever the callers' delays. The first place kept is called back when its conversation has room for
/// it: when the call under way there ends (no clock involved), or when its windows free up (on the timer). A turn's
/// call stands in no line: it goes as soon as the conversation has room, ahead of background calls.
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
    private readonly TimeSpan _slowCall;
    private readonly TimeSpan _attemptTimeout;
    private readonly int _queueLimit;
    private readonly RateLimitWindow[] _conversationWindows;
    private readonly RateLimitWindow[] _tenantWindows;
    private readonly Dictionary<string, CallLog> _conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CallLog> _tenants = new(StringComparer.Ordinal);
    private readonly LinkedList<Waiter> _queue = new();
    private readonly HashSet<CallLog> _lines = [];
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
        _slowCall = o.SlowCallAfter;
        _attemptTimeout = o.AttemptTimeout;
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
    public ValueTask<IDisposable> AcquireAsync(RateLimitKey key, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<IDisposable>(cancellationToken);
        }

        return ConversationWait.Current is { Order: { Before.IsCompleted: false } order } background
            ? AfterEarlierAsync(key, background.Wait, order, cancellationToken)
            : new ValueTask<IDisposable>(EnqueueInOrder(key, cancellationToken));
    }

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

    /// <summary>
    /// A relay's event handed out after another that has not reached the limiter yet (workers race): it waits for that
    /// one, at most its own wait, so that the events of one conversation take their places in the order the relay listed
    /// them (ADR 0036).
    /// </summary>
    private async ValueTask<IDisposable> AfterEarlierAsync(RateLimitKey key, TimeSpan wait, ArrivalOrder order, CancellationToken cancellationToken)
    {
        try
        {
            await order.Before.WaitAsync(wait, _clock, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The earlier one is slow to come (its store, or no Teams call at all): this one goes on without it.
        }

        return await EnqueueInOrder(key, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Queues the call, then lets the relay's next event come (its place is taken: in line, sent away or gone).</summary>
    private Task<IDisposable> EnqueueInOrder(RateLimitKey key, CancellationToken cancellationToken)
    {
        try
        {
            return Enqueue(key, cancellationToken);
        }
        finally
        {
            ConversationWait.Current?.Order?.Arrive();
        }
    }

    /// <summary>Queues the call and lets through what has room; the task completes when the call may go (under the lock, so at once).</summary>
    private Task<IDisposable> Enqueue(RateLimitKey key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = Now;
            var waiter = new Waiter(this, ConversationLog(key.Conversation), Log(_tenants, key.Tenant, _tenantWindows));
            if (waiter.Conversation.Waiting >= _queueLimit || waiter.Tenant.Waiting >= _queueLimit)
            {
                return Task.FromException<IDisposable>(new ConnectorException(
                    429, ConnectorException.LocalQueueFull, "Too many Bot Connector calls are waiting for this conversation or tenant; try again later."));
            }

            var wait = _maxWait;
            if (ConversationWait.Current is { } background)
            {
                var place = PlaceOf(waiter.Conversation, background);
                var turn = TurnOf(waiter.Conversation, place, now, UnderWayEnd(waiter.Conversation, now, untilSlow: false));
                if (turn > now + background.Wait)
                {
                    var away = SendAway(waiter.Conversation, place, background, turn, now);
                    Pump(now); // the first place, kept, may be called at once (a turn's call is what waits)
                    return Task.FromException<IDisposable>(away);
                }

                place.IsHere = true;
                waiter.Place = place;
                waiter.Call = background;
                wait = background.Wait < _maxWait ? background.Wait : _maxWait;
            }

            waiter.Conversation.Waiting++;
            waiter.Tenant.Waiting++;
            waiter.Node = _queue.AddLast(waiter);
            waiter.QueuedAt = now;
            waiter.LaneWait = wait;
            Pump(now);
            if (waiter.Node.List is not null)
            {
                // Still waiting. (A token cancelled meanwhile calls back at once, on this thread: the lock is re-entrant.)
                // A background call waits for its conversation at most its own wait (a call under way there that does not
                // end: hung or slow), for the tenant's budget as long as any call.
                waiter.Deadline = _clock.CreateTimer(static w => ((Waiter)w!).Limiter.WaitedTooLong((Waiter)w), waiter, wait, Timeout.InfiniteTimeSpan);
                waiter.Cancellation = cancellationToken.UnsafeRegister(static (w, token) => ((Waiter)w!).Limiter.Withdraw((Waiter)w, token), waiter);
            }

            return waiter.Permit.Task;
        }
    }

    /// <summary>
    /// Teams answered 429 with <paramref name="retryAfter"/>: the conversation is paused until then, for every call. A
    /// background call that got it comes back at once (no sleep in its worker) and takes its place by when its event was
    /// written: first, as it went first; it is sent away and called back when the pause is over.
    /// </summary>
    public void Pause(RateLimitKey key, TimeSpan retryAfter)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = Now;
            var conversation = ConversationLog(key.Conversation);
            conversation.PauseUntil(now + retryAfter);

            // Background calls waiting for this conversation would wait longer than they may: back to the outbox now.
            foreach (var waiter in _queue.Where(w => w.Conversation == conversation && w.Place is not null && conversation.PausedUntil > now + w.LaneWait).ToList())
            {
                SendBack(waiter, now, untilSlow: false);
            }

            Pump(now);
        }
    }

    /// <summary>
    /// The place of a background call in its conversation's line: the one its ticket kept while it was away, or a new
    /// one after every place of an event written no later than its own (so a caller whose place was given up comes back
    /// where its event belongs, not at the end). A place kept is never given up for lateness (only by its caller, or when
    /// used): a caller slow to come back holds up its line, never loses its turn to a later event.
    /// </summary>
    private LanePlace PlaceOf(CallLog conversation, BackgroundCall call)
    {
        _lines.Add(conversation);
        var line = conversation.Line;
        var place = line.Find(p => p.Ticket == call.Ticket && !p.IsHere);
        if (place is null)
        {
            place = new LanePlace(call.Ticket, call.WrittenAt);
            var after = line.FindLastIndex(p => p.WrittenAt <= call.WrittenAt);
            line.Insert(after + 1, place);
        }

        return place;
    }

    /// <summary>
    /// When the call at <paramref name="place"/> would go: after the turns' calls waiting for the conversation and the
    /// background calls before it in the line, each at its earliest moment, the calls under way ending at
    /// <paramref name="underWayEnd"/>.
    /// </summary>
    private static TimeSpan TurnOf(CallLog conversation, LanePlace place, TimeSpan now, TimeSpan underWayEnd)
    {
        var line = conversation.Line;
        var turnsWaiting = conversation.Waiting - line.Count(p => p.IsHere);
        return conversation.Plan(now, underWayEnd, turnsWaiting + line.IndexOf(place) + 1)[^1];
    }

    /// <summary>
    /// When the call under way in a conversation is taken to end: now, or (<paramref name="untilSlow"/>: a caller that
    /// waited for it already) when it would be taken for hung; once it is, when its attempt times out.
    /// </summary>
    private TimeSpan UnderWayEnd(CallLog conversation, TimeSpan now, bool untilSlow) => conversation.OldestStart switch
    {
        { } started when now - started >= _slowCall => started + _attemptTimeout,
        { } started when untilSlow => started + _slowCall,
        _ => now,
    };

    /// <summary>
    /// The call goes back unsent, its place kept (<see cref="BackgroundCall.Kept"/>) until its caller comes back or gives it
    /// up; <paramref name="turn"/> is a guess of when it will be called back (Retry-After), for a caller that holds nothing.
    /// </summary>
    private ConnectorException SendAway(CallLog conversation, LanePlace place, BackgroundCall call, TimeSpan turn, TimeSpan now)
    {
        place.IsHere = false;
        place.Wait = call.Wait;
        place.Kept = new KeptPlace(this, conversation, place);
        call.Kept = place.Kept;
        var retryAfter = TimeSpan.FromMilliseconds(Math.Ceiling((turn - now).TotalMilliseconds));
        return new ConnectorException(
            429, ConnectorException.LocalRateLimit, $"This conversation has no room for about {retryAfter.TotalSeconds:0.###} s; the call keeps its place in line.")
        {
            RetryAfter = retryAfter,
            Kept = place.Kept,
        };
    }

    /// <summary>The caller of a kept place will not come back for it: the line behind it moves on (unless it was used or kept anew).</summary>
    private void GiveUp(KeptPlace kept)
    {
        lock (_gate)
        {
            if (kept.Place.Kept == kept && !kept.Place.IsHere && kept.Conversation.Line.Remove(kept.Place) && !_disposed)
            {
                Pump(Now);
            }
        }

        kept.Call();
    }

    /// <summary>The caller gave up: its place goes (nothing else was waiting for it to go first).</summary>
    private void Withdraw(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (waiter.Node?.List is not null)
            {
                Dequeue(waiter);
                if (waiter.Place is { } place)
                {
                    waiter.Conversation.Line.Remove(place);
                }

                waiter.Permit.TrySetCanceled(cancellationToken);
                Pump(Now);
            }
        }
    }

    private void WaitedTooLong(Waiter waiter)
    {
        lock (_gate)
        {
            if (waiter.Node?.List is null)
            {
                return;
            }

            var now = Now;
            var waited = now - waiter.QueuedAt;
            var conversation = waiter.Conversation;
            if (waiter.Place is { } place)
            {
                if (waited < _maxWait && HeadOfLine(conversation) == place && conversation.RoomAt(now) <= now)
                {
                    // Only the tenant's budget holds it back: that frees within a second, and is no conversation's fault.
                    waiter.Deadline!.Change(_maxWait - waited, Timeout.InfiniteTimeSpan);
                    return;
                }

                // Its conversation kept it waiting (a call under way that does not end, or calls before it in line that are
                // not back yet): back to the outbox, keeping its place.
                SendBack(waiter, now, untilSlow: true);
                Pump(now);
                return;
            }

            Dequeue(waiter);
            // Nothing was sent: the caller may try again after this wait without risk of a repeat.
            waiter.Permit.TrySetException(new ConnectorException(
                429, ConnectorException.LocalRateLimit, $"No Bot Connector permit for this conversation or tenant within {waited.TotalSeconds:0.###} s; try again later.")
            {
                RetryAfter = _maxWait,
            });
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
            permit.Conversation.End(permit.StartedAt, now);
            permit.Tenant.End(permit.StartedAt, now);
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
            if (waiter.Place is { } place && AnyAwayBefore(waiter.Conversation, place))
            {
                // A background call before it in its conversation's line is away, its place kept: this one cannot go before
                // that one is back, so it holds no worker meanwhile (it is sent away too, keeping its place).
                SendBack(waiter, now, untilSlow: false);
                continue;
            }

            if (waiter.Place is { } inLine && HeadOfLine(waiter.Conversation) != inLine)
            {
                room = TimeSpan.MaxValue; // the calls before it in line are here: they go first, as there is room
            }

            if (room <= now)
            {
                var tenantRoom = waiter.Tenant.RoomAt(now);
                room = tenantRoom > room ? tenantRoom : room;
            }

            if (room <= now)
            {
                Dequeue(waiter);
                if (waiter.Place is { } going)
                {
                    waiter.Conversation.Line.Remove(going);
                }

                waiter.Conversation.Start(now);
                waiter.Tenant.Start(now);
                waiter.Permit.TrySetResult(new Permit(this, waiter.Conversation, waiter.Tenant, now));
            }
            else if (room < next)
            {
                next = room; // MaxValue: only a call ending makes room, and an end pumps again
            }
        }

        next = CallBackFirstPlaces(now, next);
        if (next != TimeSpan.MaxValue && next != _timerAt)
        {
            _timerAt = next;
            // Rounded up to the timer's milliseconds: a timer a hair early would only find no room and spin.
            _timer.Change(TimeSpan.FromMilliseconds(Math.Ceiling((next - now).TotalMilliseconds)), Timeout.InfiniteTimeSpan);
        }

        ForgetQuietLogs(now);
    }

    /// <summary>
    /// Calls back the first place of each line when it is kept (its caller away) and its conversation has room for it:
    /// nothing under way there and its turn within its wait, so that coming back it is not sent away again. Returns the
    /// earliest moment one will have room by the windows (for the timer); one behind a call under way is called when
    /// that call ends (<see cref="Ended"/> pumps).
    /// </summary>
    private TimeSpan CallBackFirstPlaces(TimeSpan now, TimeSpan next)
    {
        _lines.RemoveWhere(l => l.Line.Count == 0);
        foreach (var conversation in _lines)
        {
            var head = conversation.Line[0];
            if (head.IsHere || head.Kept is not KeptPlace { Called.IsCompleted: false } kept || conversation.UnderWay > 0)
            {
                continue;
            }

            var turn = TurnOf(conversation, head, now, now);
            if (turn <= now + head.Wait)
            {
                kept.Call();
            }
            else if (turn - head.Wait < next)
            {
                next = turn - head.Wait;
            }
        }

        return next;
    }

    /// <summary>
    /// A background call waiting in the queue goes back to the outbox, keeping its place; the guess of its turn is as it
    /// looks now, and not sooner than one more of its waits.
    /// </summary>
    private void SendBack(Waiter waiter, TimeSpan now, bool untilSlow)
    {
        var place = waiter.Place!;
        Dequeue(waiter);
        place.IsHere = false;
        var turn = TurnOf(waiter.Conversation, place, now, UnderWayEnd(waiter.Conversation, now, untilSlow));
        waiter.Permit.TrySetException(SendAway(waiter.Conversation, place, waiter.Call!, Later(turn, now + waiter.LaneWait), now));
    }

    /// <summary>Whether a place before <paramref name="place"/> in its conversation's line is away (kept for its caller).</summary>
    private static bool AnyAwayBefore(CallLog conversation, LanePlace place)
    {
        foreach (var before in conversation.Line)
        {
            if (before == place)
            {
                return false;
            }

            if (!before.IsHere)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first place in the conversation's line.</summary>
    private static LanePlace? HeadOfLine(CallLog conversation) => conversation.Line.Count == 0 ? null : conversation.Line[0];

    private static TimeSpan Later(TimeSpan a, TimeSpan b) => a > b ? a : b;

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

    /// <summary>A conversation's log: its lane, one call under way at a time.</summary>
    private CallLog ConversationLog(string conversation) => Log(_conversations, conversation, _conversationWindows, maxUnderWay: 1);

    private static CallLog Log(Dictionary<string, CallLog> logs, string key, RateLimitWindow[] windows, int maxUnderWay = int.MaxValue)
    {
        if (!logs.TryGetValue(key, out var log))
        {
            log = new CallLog(windows, maxUnderWay);
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

        /// <summary>A background call's place in its conversation's line (<see cref="ConversationWait"/>); null for a turn's call.</summary>
        public LanePlace? Place { get; set; }

        /// <summary>The background call (<see cref="ConversationWait.Current"/> of its caller's flow); null for a turn's call.</summary>
        public BackgroundCall? Call { get; set; }

        /// <summary>How long it may wait: its own wait for a background call, <see cref="ConnectorOptions.MaxPermitWait"/> for a turn's.</summary>
        public TimeSpan LaneWait { get; set; }

        public TimeSpan QueuedAt { get; set; }

        /// <summary>Fires when the call has waited <see cref="LaneWait"/>.</summary>
        public ITimer? Deadline { get; set; }

        public CancellationTokenRegistration Cancellation { get; set; }
    }

    /// <summary>A place kept while its caller is away; called back once (see <see cref="CallBackFirstPlaces"/>).</summary>
    private sealed class KeptPlace(ConnectorRateLimiter limiter, CallLog conversation, LanePlace place) : IKeptPlace
    {
        private readonly TaskCompletionSource _called = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CallLog Conversation { get; } = conversation;

        public LanePlace Place { get; } = place;

        public Task Called => _called.Task;

        public void Call() => _called.TrySetResult();

        public void GiveUp() => limiter.GiveUp(this);
    }

    /// <summary>A call let through; disposing it says the call ended (once).</summary>
    private sealed class Permit(ConnectorRateLimiter limiter, CallLog conversation, CallLog tenant, TimeSpan startedAt) : IDisposable
    {
        private int _ended;

        public TimeSpan StartedAt { get; } = startedAt;

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
