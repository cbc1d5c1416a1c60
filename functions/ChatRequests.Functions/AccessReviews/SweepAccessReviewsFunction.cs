using ChatRequests.Core.AccessReviews;
using ChatRequests.Functions.Invocation;

namespace ChatRequests.Functions.AccessReviews;

/// <summary>
/// SweepAccessReviews (timer): runs the core <see cref="AccessReviewDesk"/> sweep, which starts the review cycle on its
/// first working day (once across runs and instances), retries removals and escalates overdue reviews. A failure answers
/// 500, so the host logs the run as failed; the next tick tries again.
/// </summary>
public sealed class SweepAccessReviewsFunction(AccessReviewDesk desk, ILogger<SweepAccessReviewsFunction> logger)
{
    public const string Name = "SweepAccessReviews";

    public Task<IResult> InvokeAsync(CancellationToken cancellationToken) =>
        TimerRun.InvokeAsync("Access review sweep", logger, desk.SweepAsync, sweep => new InvocationResult
        {
            Logs = [$"Access reviews: {sweep.Started} started, {sweep.Settled} settled, {sweep.Reminded} reminded, {sweep.Escalated} escalated."],
            ReturnValue = sweep,
        }, cancellationToken);
}
