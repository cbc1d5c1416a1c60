using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatRequests.Embedded.Hosting;

/// <summary>
/// A background timer of the embedded default (the SLA sweep, the daily digest, access reviews): runs as the host
/// starts and then every <see cref="Interval"/>. What it does is stored, so a run missed while the host was down is made
/// up by the first one after the start; a failed run is logged and the next one tries again.
/// </summary>
public abstract class PeriodicWorker(TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>What the logs call it ("SLA sweep").</summary>
    protected abstract string Name { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>One run's work; it may throw (<see cref="RunOnceAsync"/> logs it).</summary>
    protected abstract Task RunAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = Interval;
        logger.LogInformation("{Worker} started, every {Interval}", Name, interval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }

        logger.LogInformation("{Worker} stopped", Name);
    }

    /// <summary>One run; never throws but for cancellation (an exception leaving the loop would stop the host).</summary>
    internal async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "{Worker} failed; trying again in {Interval}", Name, Interval);
        }
    }
}
