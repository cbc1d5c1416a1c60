using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatRequests.Core.Fulfilment;

/// <summary>How the outbox is worked: retries with backoff, then parking.</summary>
public sealed class FulfilmentOptions
{
    public const string SectionName = "Fulfilment";

    /// <summary>Attempts before an event is parked with its reason.</summary>
    public int MaxAttempts { get; set; } = 8;
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>How often the embedded relay looks for due events when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many requests the embedded relay works on at once (each request's events stay in order).</summary>
    public int MaxParallelRequests { get; set; } = 4;

    /// <summary>
    /// How long one event may take before it is given up and retried later like any transient failure, so that a hung
    /// Teams call frees its worker instead of holding it through every connector retry (6 attempts of up to 15 s). Long
    /// enough for a webhook's own retries (4 attempts of up to 10 s).
    /// </summary>
    public TimeSpan EventTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long an event's Teams call may wait for its conversation (at its rate limit, paused by a 429, or with a call
    /// under way) before the event goes back to the outbox until the slot kept for it, so that a busy or hung chat holds
    /// no worker while other chats' events wait (ADR 0036). Waiting for the tenant's budget is not limited by it.
    /// </summary>
    public TimeSpan LaneWait { get; set; } = TimeSpan.FromMilliseconds(250);
}

/// <summary>
/// Delivers a request's due outbox events to the <see cref="FulfilmentHandler"/>, at least once: an event
/// leaves the outbox only after its handler succeeded, and a failure is retried with backoff, then parked.
/// </summary>
public sealed class OutboxProcessor(
    IRequestStore store,
    FulfilmentHandler handler,
    TimeProvider clock,
    IOptions<FulfilmentOptions> options,
    ILogger<OutboxProcessor> logger)
{
    /// <summary>
    /// Handles every due event of the request; returns how many were handled successfully. An event sent away from its
    /// conversation's line is put off in the store until its turn (this caller holds nothing in memory).
    /// </summary>
    public async Task<int> ProcessAsync(string requestId, CancellationToken cancellationToken = default) =>
        (await RunAsync(requestId, holdsPutOffs: false, cancellationToken)).Handled;

    /// <summary>
    /// Handles every due event of the request; returns how many were handled successfully, and the event put off when one
    /// was. With <paramref name="holdsPutOffs"/> (the embedded relay) an event sent away with its place in its
    /// conversation's line kept is not written back: the caller holds it in memory and brings it back when the place is
    /// called (<see cref="IKeptPlace.Called"/>; after a crash the store still lists it as due, so nothing is lost).
    /// </summary>
    public async Task<OutboxPass> RunAsync(string requestId, bool holdsPutOffs, CancellationToken cancellationToken = default)
    {
        var handled = 0;
        var request = await store.GetAsync(requestId, cancellationToken);
        while (true)
        {
            var next = request?.Outbox.FirstOrDefault(e => !e.IsParked && e.NextAttemptAt <= clock.GetUtcNow());
            if (request is null || next is null)
            {
                return new OutboxPass(handled, null);
            }

            using var scope = logger.BeginScope(new Dictionary<string, object>
            {
                ["RequestId"] = requestId,
                ["EventId"] = next.Id,
            });
            using var timeout = new CancellationTokenSource(options.Value.EventTimeout, clock);
            using var eventToken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            var lane = ConversationWait.AtMost(options.Value.LaneWait, $"{requestId}/{next.Id}", next.CreatedAt);
            try
            {
                try
                {
                    await handler.HandleAsync(request, next, eventToken.Token);
                }
                finally
                {
                    lane.Dispose();
                }

                lane.Call.Kept?.GiveUp(); // sent away once, then done without the call: the line behind it moves on

                // From the version already loaded: the handler seldom saves, and when it did the save reloads (RequestStoreUpdates).
                // What was saved is what the next event is handled with.
                request = await store.UpdateAsync(request, r => r.CompleteEvent(next.Id), cancellationToken);
                logger.LogInformation("Handled {EventType} event {EventId} of {RequestId}", next.Type, next.Id, requestId);
                handled++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // A post cut off by the timeout may have reached Teams: its ledger attempt stays open, so the retry is
                // counted as a possible repeat (ADR 0022).
                var failure = timeout.IsCancellationRequested ? new EventTimedOutException(options.Value.EventTimeout, ex) : ex;
                var kept = lane.Call.Kept;
                if (holdsPutOffs && kept is not null && failure is IClassifiedFailure { WasNotSent: true, RetryAfter: { } turn })
                {
                    // Its conversation's line has a place kept for it: held by the caller, no store write (ADR 0036).
                    logger.LogDebug("Event {EventType} {EventId} of {RequestId} waits for its turn in its conversation (about {Delay})",
                        next.Type, next.Id, requestId, turn);
                    return new OutboxPass(handled, clock.GetUtcNow() + turn, kept);
                }

                kept?.GiveUp();
                return new OutboxPass(handled, await RecordFailureAsync(request, next, failure, cancellationToken));
            }
            catch
            {
                lane.Call.Kept?.GiveUp(); // stopping: the event stays in its outbox for the next start
                throw;
            }
        }
    }

    /// <summary>Records the failure; returns the moment the event was put off until, or null when it failed (or was parked).</summary>
    private async Task<DateTimeOffset?> RecordFailureAsync(ServiceRequest request, OutboxEvent failed, Exception ex, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (ex is IClassifiedFailure { WasNotSent: true, RetryAfter: { } wait })
        {
            // A burst to one conversation: this worker goes to other requests, and the event comes back after the wait.
            var until = clock.GetUtcNow() + wait;
            await store.UpdateAsync(request.Id, r => r.PutOffEvent(failed.Id, $"{ex.GetType().Name}: {ex.Message}", until), cancellationToken);
            logger.LogInformation("Event {EventType} {EventId} of {RequestId} put off for {Delay}: {Reason}",
                failed.Type, failed.Id, request.Id, wait, ex.Message);
            return until;
        }

        var permanent = ex is PermanentEventFailureException;
        var maxAttempts = permanent ? failed.Attempts + 1 : settings.MaxAttempts;
        var delay = Backoff(failed.Attempts, settings, (ex as IClassifiedFailure)?.RetryAfter);
        var reason = $"{ex.GetType().Name}: {ex.Message}";
        await store.UpdateAsync(request.Id, r => r.FailEvent(failed.Id, reason, clock.GetUtcNow(), delay, maxAttempts), cancellationToken);

        if (failed.Attempts + 1 >= maxAttempts)
        {
            logger.LogError(ex, "Parked {EventType} event {EventId} of {RequestId} after {Attempts} attempts",
                failed.Type, failed.Id, request.Id, failed.Attempts + 1);
            UndeliveredNotices.Report(logger, request.Id, failed);
        }
        else
        {
            logger.LogWarning("Event {EventType} {EventId} of {RequestId} failed (attempt {Attempts}), retrying in {Delay}: {Reason}",
                failed.Type, failed.Id, request.Id, failed.Attempts + 1, delay, ex.Message);
        }

        return null;
    }

    private static TimeSpan Backoff(int attemptsSoFar, FulfilmentOptions settings, TimeSpan? retryAfter) =>
        RetryBackoff.Delay(attemptsSoFar, settings.FirstRetryDelay, settings.MaxRetryDelay, retryAfter, jitter: 0.8 + Random.Shared.NextDouble() * 0.4);
}

/// <summary>
/// What one <see cref="OutboxProcessor.RunAsync"/> did: events handled, the moment an event was put off until (if one was),
/// and the place its conversation's line keeps for it when the caller holds it (then that moment is the connector's guess).
/// </summary>
public readonly record struct OutboxPass(int Handled, DateTimeOffset? PutOffUntil, IKeptPlace? Kept = null);

/// <summary>An event that took longer than <see cref="FulfilmentOptions.EventTimeout"/>: transient, retried with backoff.</summary>
public sealed class EventTimedOutException(TimeSpan timeout, Exception innerException)
    : TimeoutException($"The event was not handled within {timeout.TotalSeconds:0.#} s (a Teams call hung?); it is tried again later.", innerException);
