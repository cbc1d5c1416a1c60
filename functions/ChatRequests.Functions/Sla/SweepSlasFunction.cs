using ChatRequests.Core.Sla;
using ChatRequests.Functions.Invocation;

namespace ChatRequests.Functions.Sla;

/// <summary>
/// SweepSlas (timer): runs the core <see cref="SlaSweep"/>, which saves the due approval reminders, at-risk warnings and
/// escalations as outbox events in the requests themselves; the change feed (RelayOutbox) carries them to the queue like
/// every other event, and RunFulfilmentStep posts them. Answers the counts. A failure (the store unavailable) answers
/// 500, so the host logs the run as failed; the next tick sweeps again and nothing is lost, because the due checks are
/// stored in the requests. Changed retention settings go through the store <see cref="SlaSweep.RetentionBatchSize"/>
/// requests a sweep: a run sweeps again while a change is under way, for <see cref="RetentionBudget"/> at most, so that a
/// large store adopts them in a few runs (one batch a run, every 5 minutes, took about 17 hours for 100,000 requests).
/// </summary>
public sealed class SweepSlasFunction(SlaSweep sweep, TimeProvider clock, ILogger<SweepSlasFunction> logger)
{
    public const string Name = "SweepSlas";

    /// <summary>How long one run goes on with the batches of changed retention settings: well inside host.json's 5-minute timeout.</summary>
    public static readonly TimeSpan RetentionBudget = TimeSpan.FromMinutes(2);

    public Task<IResult> InvokeAsync(CancellationToken cancellationToken) =>
        TimerRun.InvokeAsync("SLA sweep", logger, SweepAsync, Answer, cancellationToken);

    private async Task<SlaSweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var result = await sweep.SweepAsync(cancellationToken);
        while (result.RetentionUnderWay && clock.GetElapsedTime(started) < RetentionBudget)
        {
            result = result.Then(await sweep.SweepAsync(cancellationToken));
        }

        return result;
    }

    private static InvocationResult Answer(SlaSweepResult result) => new()
    {
        Logs =
        [
            $"SLA sweep: {result.Checked} due, {result.Reminders} approval reminders, {result.Warnings} at-risk warnings, " +
            $"{result.Escalations} escalations, {result.Conflicts} skipped (changed meanwhile).",
            .. result.RetentionAdopted > 0 || result.RetentionUnderWay
                ? [$"Retention settings: {result.RetentionAdopted} requests brought to them{(result.RetentionUnderWay ? "; the next run goes on" : "")}."]
                : Array.Empty<string>(),
        ],
        ReturnValue = new
        {
            result.Checked,
            result.Reminders,
            result.Warnings,
            result.Escalations,
            result.Conflicts,
            result.RetentionAdopted,
            result.RetentionUnderWay,
        },
    };
}
