using ChatRequests.Core.Assignment;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatRequests.Embedded.Digest;

/// <summary>
/// The embedded digest timer: runs <see cref="DailyDigest"/> as the host starts and then every
/// <see cref="DigestOptions.Interval"/>. Each agent's digest is sent once a day whatever the number of runs or hosts (the
/// message ledger keeps it); a failed run is logged and the next one tries again within the day's window.
/// </summary>
public sealed class DigestSender(
    DailyDigest digest,
    TimeProvider clock,
    IOptions<DigestOptions> options,
    ILogger<DigestSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Interval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendOnceAsync(stoppingToken);
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    /// <summary>One run; never throws but for cancellation (an exception leaving the loop would stop the host).</summary>
    internal async Task SendOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var sent = await digest.SendDueAsync(cancellationToken);
            if (sent > 0)
            {
                logger.LogInformation("Daily digest: {Sent} agents' digests handed to Teams", sent);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Daily digest run failed; trying again in {Interval}", options.Value.Interval);
        }
    }
}
