using ChatRequests.Core.AccessReviews;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatRequests.Embedded.AccessReviews;

/// <summary>
/// The embedded access review timer: runs <see cref="AccessReviewDesk.SweepAsync"/> as the host starts and then every
/// <see cref="AccessReviewOptions.Interval"/>. A cycle starts once whatever the number of runs or hosts (the store marks
/// it, reviews are created once); a failed run is logged and the next one tries again.
/// </summary>
public sealed class AccessReviewSweeper(
    AccessReviewDesk desk,
    TimeProvider clock,
    IOptions<AccessReviewOptions> options,
    ILogger<AccessReviewSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Interval;
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
    }

    /// <summary>One run; never throws but for cancellation (an exception leaving the loop would stop the host).</summary>
    internal async Task SweepOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var sweep = await desk.SweepAsync(cancellationToken);
            if (sweep is not { Started: 0, Settled: 0, Escalated: 0 })
            {
                logger.LogInformation("Access reviews: {Started} started, {Settled} lines settled, {Escalated} escalated",
                    sweep.Started, sweep.Settled, sweep.Escalated);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Access review sweep failed; trying again in {Interval}", options.Value.Interval);
        }
    }
}
