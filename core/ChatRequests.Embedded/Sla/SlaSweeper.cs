using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Sla;
using ChatRequests.Embedded.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatRequests.Embedded.Sla;

/// <summary>
/// The embedded SLA sweeper: runs the <see cref="SlaSweep"/> every <see cref="SlaSweepOptions.SweepInterval"/> (and again
/// at once while changed retention settings are under way through the store, a batch per sweep), and
/// wakes the relay when the sweep saved events, so that reminders and escalations go out at once. The due checks are
/// stored in the requests, so a sweep missed while the host was down is made up by the first one after the start.
/// </summary>
public sealed class SlaSweeper(
    SlaSweep sweep,
    IRelaySignal relay,
    TimeProvider clock,
    IOptions<SlaSweepOptions> options,
    ILogger<SlaSweeper> logger) : PeriodicWorker(clock, logger)
{
    protected override string Name => "SLA sweep";

    protected override TimeSpan Interval => options.Value.SweepInterval;

    internal Task SweepOnceAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        SlaSweepResult result;
        do
        {
            // Changed retention settings go through the store a batch per sweep: the next batch follows at once.
            result = await sweep.SweepAsync(cancellationToken);
            if (result.Events > 0)
            {
                relay.Wake();
                logger.LogInformation(
                    "SLA sweep: {Reminders} approval reminders, {Warnings} at-risk warnings, {Escalations} escalations, {Conflicts} skipped",
                    result.Reminders, result.Warnings, result.Escalations, result.Conflicts);
            }
        }
        while (result.RetentionUnderWay);
    }
}
