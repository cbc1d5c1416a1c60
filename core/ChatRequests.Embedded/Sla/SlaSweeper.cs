using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Sla;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatRequests.Embedded.Sla;

/// <summary>
/// The embedded SLA sweeper: runs the <see cref="SlaSweep"/> as the host starts and then every
/// <see cref="SlaSweepOptions.SweepInterval"/>, and wakes the relay when the sweep saved events, so that reminders and
/// escalations go out at once. The due checks are stored in the requests, so a sweep missed while the host was down
/// is made up by the first one after the start; a failed sweep is logged and the next one tries again.
/// </summary>
public sealed class SlaSweeper(
    SlaSweep sweep,
    IRelaySignal relay,
    TimeProvider clock,
    IOptions<SlaSweepOptions> options,
    ILogger<SlaSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.SweepInterval;
        logger.LogInformation("SLA sweeper started, sweeping every {SweepInterval}", interval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }

        logger.LogInformation("SLA sweeper stopped");
    }

    /// <summary>One sweep; never throws but for cancellation (an exception leaving the loop would stop the host).</summary>
    internal async Task SweepOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await sweep.SweepAsync(cancellationToken);
            if (result.Events > 0)
            {
                relay.Wake();
                logger.LogInformation(
                    "SLA sweep: {Reminders} approval reminders, {Warnings} at-risk warnings, {Escalations} escalations, {Conflicts} skipped",
                    result.Reminders, result.Warnings, result.Escalations, result.Conflicts);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "SLA sweep failed; trying again in {SweepInterval}", options.Value.SweepInterval);
        }
    }
}
