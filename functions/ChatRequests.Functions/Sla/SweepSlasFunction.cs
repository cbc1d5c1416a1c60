using ChatRequests.Core.Sla;
using ChatRequests.Functions.Invocation;

namespace ChatRequests.Functions.Sla;

/// <summary>
/// SweepSlas (timer): runs the core <see cref="SlaSweep"/>, which saves the due approval reminders, at-risk warnings and
/// escalations as outbox events in the requests themselves; the change feed (RelayOutbox) carries them to the queue like
/// every other event, and RunFulfilmentStep posts them. Answers the counts. A failure (the store unavailable) answers
/// 500, so the host logs the run as failed; the next tick sweeps again and nothing is lost, because the due checks are
/// stored in the requests.
/// </summary>
public sealed class SweepSlasFunction(SlaSweep sweep, ILogger<SweepSlasFunction> logger)
{
    public const string Name = "SweepSlas";

    public Task<IResult> InvokeAsync(CancellationToken cancellationToken) =>
        TimerRun.InvokeAsync("SLA sweep", logger, sweep.SweepAsync, Answer, cancellationToken);

    private static InvocationResult Answer(SlaSweepResult result) => new()
    {
        Logs =
        [
            $"SLA sweep: {result.Checked} due, {result.Reminders} approval reminders, {result.Warnings} at-risk warnings, " +
            $"{result.Escalations} escalations, {result.Conflicts} skipped (changed meanwhile).",
        ],
        ReturnValue = new
        {
            result.Checked,
            result.Reminders,
            result.Warnings,
            result.Escalations,
            result.Conflicts,
        },
    };
}
