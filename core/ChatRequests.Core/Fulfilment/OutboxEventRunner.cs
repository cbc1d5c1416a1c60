using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using Microsoft.Extensions.Logging;

namespace ChatRequests.Core.Fulfilment;

/// <summary>What became of one delivery of one outbox event.</summary>
public enum EventRunOutcome
{
    /// <summary>The handler ran and the event left the outbox.</summary>
    Handled,

    /// <summary>The event is no longer in the outbox: an earlier delivery handled it (at-least-once delivery).</summary>
    AlreadyDone,

    /// <summary>The event was parked earlier (by an operator or a permanent failure); nothing was run.</summary>
    AlreadyParked,

    /// <summary>The handler failed permanently; the event is now parked in the document with the reason.</summary>
    Parked,

    /// <summary>No request has the id: the message can never succeed.</summary>
    RequestNotFound,
}

/// <summary>The outcome of one delivery, with the event's type when it was found and the reason when it was parked.</summary>
public readonly record struct EventRun(EventRunOutcome Outcome, RequestEventType? EventType = null, string? Reason = null);

/// <summary>
/// Runs one named outbox event of one request, for a relay that delivers events one message at a time
/// (the Functions app's Service Bus queue): the same <see cref="FulfilmentHandler"/> as the
/// <see cref="OutboxProcessor"/>, then the event leaves the outbox in a version-checked save. A permanent failure
/// parks the event with its reason; any other failure is thrown for the caller's retry (the queue's redelivery),
/// without touching the document, so that a retry does not change the request (and wake its change feed).
/// </summary>
public sealed class OutboxEventRunner(
    IRequestStore store,
    FulfilmentHandler handler,
    TimeProvider clock,
    ILogger<OutboxEventRunner> logger)
{
    public async Task<EventRun> RunAsync(string requestId, string eventId, CancellationToken cancellationToken = default)
    {
        var request = await store.GetAsync(requestId, cancellationToken);
        if (request is null)
        {
            return new EventRun(EventRunOutcome.RequestNotFound);
        }

        var e = request.Outbox.FirstOrDefault(o => o.Id == eventId);
        if (e is null)
        {
            return new EventRun(EventRunOutcome.AlreadyDone);
        }

        if (e.IsParked)
        {
            return new EventRun(EventRunOutcome.AlreadyParked, e.Type, e.LastError);
        }

        try
        {
            await handler.HandleAsync(request, e, cancellationToken);
        }
        catch (PermanentEventFailureException ex)
        {
            var reason = $"{ex.GetType().Name}: {ex.Message}";
            await ParkAsync(requestId, eventId, reason, cancellationToken);
            logger.LogError(ex, "Parked {EventType} event {EventId} of {RequestId}: it can never succeed", e.Type, eventId, requestId);
            return new EventRun(EventRunOutcome.Parked, e.Type, reason);
        }

        // From the version already loaded: the handler seldom saves, and when it did the save reloads (RequestStoreUpdates).
        await store.UpdateAsync(request, r => r.CompleteEvent(eventId), cancellationToken);
        logger.LogInformation("Handled {EventType} event {EventId} of {RequestId}", e.Type, eventId, requestId);
        return new EventRun(EventRunOutcome.Handled, e.Type);
    }

    /// <summary>
    /// Parks the event with <paramref name="reason"/> (for the health endpoint, the team's card and operators); no-op when
    /// it is gone or parked already.
    /// </summary>
    public async Task ParkAsync(string requestId, string eventId, string reason, CancellationToken cancellationToken = default)
    {
        OutboxEvent? parking = null;
        await store.UpdateAsync(
            requestId,
            r =>
            {
                parking = r.Outbox.FirstOrDefault(o => o.Id == eventId && !o.IsParked);
                r.FailEvent(eventId, reason, clock.GetUtcNow(), TimeSpan.Zero, maxAttempts: (parking?.Attempts ?? 0) + 1);
            },
            cancellationToken);
        if (parking is not null)
        {
            UndeliveredNotices.Report(logger, requestId, parking);
        }
    }
}
