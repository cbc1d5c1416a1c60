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

    public async Task<IResult> InvokeAsync(CancellationToken cancellationToken)
    {
        SlaSweepResult result;
        try
        {
            result = await sweep.SweepAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "SLA sweep failed; the next timer run sweeps again");
            return new InvocationResult { Logs = [$"SLA sweep failed: {ex.GetType().Name}"] }
                .ToHttpResult(StatusCodes.Status500InternalServerError);
        }

        var summary = $"SLA sweep: {result.Checked} due, {result.Reminders} approval reminders, {result.Warnings} at-risk warnings, " +
            $"{result.Escalations} escalations, {result.Conflicts} skipped (changed meanwhile).";
        return new InvocationResult
        {
            Logs = [summary],
            ReturnValue = new
            {
                result.Checked,
                result.Reminders,
                result.Warnings,
                result.Escalations,
                result.Conflicts,
            },
        }.ToHttpResult();
    }
}
