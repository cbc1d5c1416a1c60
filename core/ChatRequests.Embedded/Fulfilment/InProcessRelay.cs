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
public sealed class InProcessRelay(
    IRequestStore store,
    OutboxProcessor processor,
    RelaySignal signal,
    TimeProvider clock,
    IOptions<FulfilmentOptions> options,
    ILogger<InProcessRelay> logger) : BackgroundService
{
    /// <summary>Requests taken per pass; a full batch with progress is followed by another pass at once.</summary>
    internal const int BatchSize = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pollInterval = options.Value.PollInterval;
        logger.LogInformation("Outbox relay started, polling every {PollInterval}", pollInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            var moreWaiting = false;
            try
            {
                var pass = await RunOnceAsync(stoppingToken);
                moreWaiting = pass.Requests == BatchSize && pass.HandledEvents > 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The store may be unavailable for a moment. Nothing is lost (the events stay in their outboxes),
                // and an exception leaving this loop would stop the whole host.
                logger.LogError(ex, "Outbox relay pass failed; trying again in {PollInterval}", pollInterval);
            }

            if (moreWaiting)
            {
                continue;
            }

            try
            {
                await signal.WaitAsync(pollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }

        logger.LogInformation("Outbox relay stopped");
    }

    /// <summary>One pass: the outboxes of up to <see cref="BatchSize"/> requests with due events, most overdue first.</summary>
    internal async Task<RelayPass> RunOnceAsync(CancellationToken cancellationToken)
    {
        var due = await store.ListWithDueEventsAsync(clock.GetUtcNow(), BatchSize, cancellationToken);
        var handled = 0;
        // Requests are independent (one document each), so several are worked at once; the events of one
        // request stay in order because one request is only ever in one worker's hands.
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.Value.MaxParallelRequests,
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(due, parallel, async (request, token) =>
        {
            try
            {
                Interlocked.Add(ref handled, await processor.ProcessAsync(request.Id, token));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
            {
                // The processor records handler failures itself; this is a failure to record one (the store).
                // The event stays due and is tried again next pass; the other requests must not wait for it.
                logger.LogError(ex, "Could not process the outbox of {RequestId}", request.Id);
            }
        });
        return new RelayPass(due.Count, handled);
    }
}

/// <summary>What one relay pass did: requests looked at, events handled successfully.</summary>
internal readonly record struct RelayPass(int Requests, int HandledEvents);
