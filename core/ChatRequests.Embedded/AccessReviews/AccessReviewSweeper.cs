using ChatRequests.Core.AccessReviews;
using ChatRequests.Embedded.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatRequests.Embedded.AccessReviews;

/// <summary>
/// The embedded access review timer: runs <see cref="AccessReviewDesk.SweepAsync"/> every
/// <see cref="AccessReviewOptions.Interval"/>. A cycle starts once whatever the number of runs or hosts (the store marks
/// it, reviews are created once).
/// </summary>
public sealed class AccessReviewSweeper(
    AccessReviewDesk desk,
    TimeProvider clock,
    IOptions<AccessReviewOptions> options,
    ILogger<AccessReviewSweeper> logger) : PeriodicWorker(clock, logger)
{
    protected override string Name => "Access review sweep";

    protected override TimeSpan Interval => options.Value.Interval;

    internal Task SweepOnceAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        var sweep = await desk.SweepAsync(cancellationToken);
        if (sweep is not { Started: 0, Settled: 0, Reminded: 0, Escalated: 0 })
        {
            logger.LogInformation("Access reviews: {Started} started, {Settled} lines settled, {Reminded} reminded, {Escalated} escalated",
                sweep.Started, sweep.Settled, sweep.Reminded, sweep.Escalated);
        }
    }
}
