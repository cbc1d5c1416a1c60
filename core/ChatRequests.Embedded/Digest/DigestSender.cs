using ChatRequests.Core.Assignment;
using ChatRequests.Embedded.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatRequests.Embedded.Digest;

/// <summary>
/// The embedded digest timer: runs <see cref="DailyDigest"/> every <see cref="DigestOptions.Interval"/>. Each agent's
/// digest is sent once a day whatever the number of runs or hosts (the message ledger keeps it); a failed run is
/// tried again within the day's window.
/// </summary>
public sealed class DigestSender(
    DailyDigest digest,
    TimeProvider clock,
    IOptions<DigestOptions> options,
    ILogger<DigestSender> logger) : PeriodicWorker(clock, logger)
{
    protected override string Name => "Daily digest";

    protected override TimeSpan Interval => options.Value.Interval;

    internal Task SendOnceAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        var sent = await digest.SendDueAsync(cancellationToken);
        if (sent > 0)
        {
            logger.LogInformation("Daily digest: {Sent} agents' digests handed to Teams", sent);
        }
    }
}
