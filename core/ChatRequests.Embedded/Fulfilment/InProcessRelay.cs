using System.Collections.Concurrent;
using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatRequests.Embedded.Fulfilment;

/// <summary>
/// The embedded relay and fulfilment worker: finds requests with due outbox events and lets the
/// <see cref="OutboxProcessor"/> handle them, then sleeps for the poll interval or until woken through
/// <see cref="IRelaySignal"/>. Events leave an outbox only once handled, so a crash at any point means
/// the event is handled again after the restart, never lost.
/// </summary>
/// <remarks>
/// Up to <see cref="FulfilmentOptions.MaxParallelRequests"/> requests are worked at once, each by its own worker, and a
/// worker that finishes takes the next due request at once: a slow or hung request (a Teams call that hangs, until
/// <see cref="FulfilmentOptions.EventTimeout"/> frees it) holds its own worker only, never the others (ADR 0022).
/// Requests handed out reach the connector in the order they were handed out (<see cref="ArrivalOrder"/>), so a
/// conversation's events take their places in its line in the order they were listed. An event sent away from its
/// conversation's line is held here, in memory (not listed, no store write), and handed out again when its kept place is
/// called (<see cref="IKeptPlace.Called"/>: the call under way there ended, or the chat's windows have room), or at the
/// connector's guess of its turn on the clock's timer, whichever comes first (ADR 0036). After a crash the store still
/// lists it as due.
/// </remarks>
public sealed class InProcessRelay(
    IRequestStore store,
    OutboxProcessor processor,
    RelaySignal signal,
    TimeProvider clock,
    IOptions<FulfilmentOptions> options,
    ILogger<InProcessRelay> logger) : BackgroundService
{
    /// <summary>Due requests read per listing; the relay lists again once it has handed all of them to workers.</summary>
    internal const int BatchSize = 50;

    private readonly object _gate = new();
    private readonly HashSet<string> _inHand = new(StringComparer.Ordinal);
    private readonly List<Task> _workers = [];
    private readonly ConcurrentQueue<string> _listed = new();
    private readonly Dictionary<string, IKeptPlace> _held = new(StringComparer.Ordinal);
    private readonly Queue<(string RequestId, IKeptPlace Kept)> _called = new();
    private readonly PriorityQueue<(string RequestId, IKeptPlace Kept), DateTimeOffset> _putOffUntil = new();
    private ITimer? _turnTimer;
    private DateTimeOffset _turnTimerAt = DateTimeOffset.MaxValue;
    private Task _lastArrival = Task.CompletedTask;

    /// <summary>The requests a worker has now, or will have as soon as one is free (called back); for tests.</summary>
    internal IReadOnlyCollection<string> InHand
    {
        get
        {
            lock (_gate)
            {
                return [.. _inHand, .. _called.Select(c => c.RequestId), .. _held.Where(h => h.Value.Called.IsCompleted).Select(h => h.Key)];
            }
        }
    }

    /// <summary>The requests held in memory until their conversation's turn, not called yet; for tests.</summary>
    internal IReadOnlyCollection<string> Held
    {
        get
        {
            lock (_gate)
            {
                return [.. _held.Where(h => !h.Value.Called.IsCompleted && !_called.Contains((h.Key, h.Value))).Select(h => h.Key)];
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pollInterval = options.Value.PollInterval;
        logger.LogInformation("Outbox relay started, polling every {PollInterval}", pollInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await FillFreeWorkersAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The store may be unavailable for a moment. Nothing is lost (the events stay in their outboxes),
                // and an exception leaving this loop would stop the whole host.
                logger.LogError(ex, "Outbox relay could not list due events; trying again in {PollInterval}", pollInterval);
            }

            try
            {
                // A worker that finishes wakes the relay too, so its place is taken at once.
                await signal.WaitAsync(pollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }

        // Workers see the same token; what they had in hand stays in its outbox for the next start.
        Task[] running;
        lock (_gate)
        {
            running = [.. _workers];
        }

        await Task.WhenAll(running);
        logger.LogInformation("Outbox relay stopped");
    }

    public override void Dispose()
    {
        lock (_gate)
        {
            _turnTimer?.Dispose();
            _turnTimer = null;
        }

        base.Dispose();
    }

    /// <summary>
    /// One pass, for tests: the outboxes of up to <see cref="BatchSize"/> requests with due events, most overdue first,
    /// worked like the running relay works them; returns when all of them are done.
    /// </summary>
    internal async Task<RelayPass> RunOnceAsync(CancellationToken cancellationToken)
    {
        var due = await store.ListIdsWithDueEventsAsync(clock.GetUtcNow(), BatchSize, cancellationToken);
        var handled = 0;
        // Nothing is held between passes here: a put-off goes to the store, as for any other caller of the processor.
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.Value.MaxParallelRequests,
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(due, parallel, async (requestId, token) => Interlocked.Add(ref handled, (await ProcessAsync(requestId, token, holdsPutOffs: false)).Handled));
        return new RelayPass(due.Count, handled);
    }

    /// <summary>Hands due requests to free workers, listing again only when the last listing is used up.</summary>
    private async Task FillFreeWorkersAsync(CancellationToken cancellationToken)
    {
        if (FreeWorkers() == 0)
        {
            return;
        }

        // Requests called back to their conversation's turn first, in the order they were called.
        while (FreeWorkers() > 0 && TakeCalled() is { } called)
        {
            HandOut(called.RequestId, called.Kept, cancellationToken);
        }

        if (FreeWorkers() > 0 && _listed.IsEmpty)
        {
            // Requests are independent (one document each), so several are worked at once; the events of one
            // request stay in order because one request is only ever in one worker's hands.
            // Ids only: each worker loads its request when it works it. The requests held for their turn are still due in
            // the store: listed beyond the batch, and left out.
            int skip;
            lock (_gate)
            {
                skip = _held.Count + _inHand.Count;
            }

            foreach (var requestId in await store.ListIdsWithDueEventsAsync(clock.GetUtcNow(), BatchSize + skip, cancellationToken))
            {
                if (!IsHeldOrInHand(requestId))
                {
                    _listed.Enqueue(requestId);
                }
            }
        }

        // A listed request may have been handled meanwhile: the processor then finds nothing due and returns at once.
        while (FreeWorkers() > 0 && _listed.TryDequeue(out var requestId))
        {
            HandOut(requestId, null, cancellationToken);
        }
    }

    private bool IsHeldOrInHand(string requestId)
    {
        lock (_gate)
        {
            return _held.ContainsKey(requestId) || _inHand.Contains(requestId);
        }
    }

    /// <summary>The first request called back (or whose guessed turn came), no longer held.</summary>
    private (string RequestId, IKeptPlace Kept)? TakeCalled()
    {
        lock (_gate)
        {
            while (_called.TryDequeue(out var called))
            {
                // Called twice (its place, then its guessed turn) or held anew since: only the current hold counts.
                if (_held.TryGetValue(called.RequestId, out var kept) && kept == called.Kept)
                {
                    _held.Remove(called.RequestId);
                    return called;
                }
            }

            return null;
        }
    }

    private void HandOut(string requestId, IKeptPlace? kept, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_held.ContainsKey(requestId) || !_inHand.Add(requestId))
            {
                return;
            }

            var order = new ArrivalOrder(_lastArrival);
            _lastArrival = order.Arrived;
            _workers.Add(Task.Run(() => WorkAsync(requestId, kept, order, cancellationToken), CancellationToken.None));
        }
    }

    private int FreeWorkers()
    {
        lock (_gate)
        {
            _workers.RemoveAll(w => w.IsCompleted);
            return options.Value.MaxParallelRequests - _inHand.Count;
        }
    }

    /// <param name="kept">The place its conversation kept for it when it was held: given up unless this pass used it or kept it anew.</param>
    private async Task WorkAsync(string requestId, IKeptPlace? kept, ArrivalOrder order, CancellationToken cancellationToken)
    {
        var pass = default(OutboxPass);
        try
        {
            using (ConversationWait.InOrder(order))
            {
                pass = await ProcessAsync(requestId, cancellationToken);
            }
        }
        finally
        {
            order.Arrive(); // it made no Teams call (or its calls took their places): the next one handed out need not wait
            kept?.GiveUp(); // its event ended, failed or was put off again with a place kept anew: the old one frees the line
            lock (_gate)
            {
                _inHand.Remove(requestId);
                if (pass is { Kept: { } keptAnew, PutOffUntil: { } guess })
                {
                    Hold(requestId, keptAnew, guess);
                }
                else if (pass.PutOffUntil is { } until)
                {
                    WakeAt(requestId, null, until);
                }
            }

            // The free place is taken at once when there is work. An event put off moved later, so listing again cannot
            // find it again; after nothing but failures (a store that fails) the poll interval paces the next listing, so
            // a failure cannot spin.
            if (pass.Handled > 0 || pass.PutOffUntil is not null || !_listed.IsEmpty)
            {
                signal.Wake();
            }
        }
    }

    /// <summary>
    /// Holds the request (not listed) until its kept place is called, or until <paramref name="guess"/>, the connector's
    /// guess of its turn (a place that comes back early is sent away again, keeping its place; one never called still
    /// comes back).
    /// </summary>
    private void Hold(string requestId, IKeptPlace kept, DateTimeOffset guess)
    {
        _held[requestId] = kept;
        WakeAt(requestId, kept, guess);
        kept.Called.ContinueWith(
            static (_, state) =>
            {
                var (relay, requestId, kept) = ((InProcessRelay, string, IKeptPlace))state!;
                relay.CallBack(requestId, kept);
            },
            (this, requestId, kept),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>The request's kept place was called (or its guessed turn came): handed out at the relay's next look.</summary>
    private void CallBack(string requestId, IKeptPlace kept)
    {
        lock (_gate)
        {
            if (!_held.TryGetValue(requestId, out var held) || held != kept)
            {
                return;
            }

            _called.Enqueue((requestId, kept));
        }

        signal.Wake();
    }

    /// <summary>
    /// Wakes the relay at <paramref name="until"/>, when an event put off comes due (or a held one's guessed turn), instead
    /// of at the next poll. Kept in memory only: after a restart the store's due moments are listed at the first poll.
    /// </summary>
    private void WakeAt(string requestId, IKeptPlace? kept, DateTimeOffset until)
    {
        _putOffUntil.Enqueue((requestId, kept!), until);
        if (until < _turnTimerAt)
        {
            SetTurnTimer(until);
        }
    }

    private void SetTurnTimer(DateTimeOffset at)
    {
        _turnTimerAt = at;
        _turnTimer ??= clock.CreateTimer(static relay => ((InProcessRelay)relay!).OnTurn(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var delay = at - clock.GetUtcNow();
        _turnTimer.Change(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The earliest event put off is due: wake the relay (calling back a held one), and set the timer for the next one.</summary>
    private void OnTurn()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            while (_putOffUntil.TryPeek(out var due, out var until) && until <= now)
            {
                _putOffUntil.Dequeue();
                if (due.Kept is not null && _held.TryGetValue(due.RequestId, out var held) && held == due.Kept)
                {
                    _called.Enqueue(due);
                }
            }

            _turnTimerAt = DateTimeOffset.MaxValue;
            if (_putOffUntil.TryPeek(out _, out var next) && _turnTimer is not null)
            {
                SetTurnTimer(next);
            }
        }

        signal.Wake();
    }

    /// <summary>The request's due events; a failure to record a failure (the store) is logged, never thrown.</summary>
    private async Task<OutboxPass> ProcessAsync(string requestId, CancellationToken cancellationToken, bool holdsPutOffs = true)
    {
        try
        {
            return await processor.RunAsync(requestId, holdsPutOffs, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The processor records handler failures itself; this is a failure to record one (the store).
            // The event stays due and is tried again later; the other requests must not wait for it.
            logger.LogError(ex, "Could not process the outbox of {RequestId}", requestId);
            return default;
        }
        catch (OperationCanceledException)
        {
            return default; // stopping: the event stays in its outbox
        }
    }
}

/// <summary>What one relay pass did: requests looked at, events handled successfully.</summary>
internal readonly record struct RelayPass(int Requests, int HandledEvents);
