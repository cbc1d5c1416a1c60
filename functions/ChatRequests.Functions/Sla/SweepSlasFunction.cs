using ChatRequests.Core.Sla;
using ChatRequests.Functions.Invocation;

namespace ChatRequests.Functions.Sla;

/// <summary>
/// SweepSlas (timer): finds requests past their SLA target and logs each one (structured, for alerts on the log).
/// Raising an escalation to the team lead is not built yet.
/// </summary>
public sealed class SweepSlasFunction(SlaSweep sweep, ILogger<SweepSlasFunction> logger)
{
    public const string Name = "SweepSlas";

    public async Task<IResult> InvokeAsync(CancellationToken cancellationToken)
    {
        var breaches = await sweep.FindBreachesAsync(cancellationToken);
        var logs = new List<string>();
        foreach (var breach in breaches)
        {
            logger.LogWarning("SLA breached: {RequestId} of team {TeamId} is {State}, due {DueAt:o}, overdue by {Overdue}",
                breach.RequestId, breach.TeamId, breach.State, breach.DueAt, breach.Overdue);
            logs.Add($"SLA breached: {breach.RequestId} ({breach.State}), due {breach.DueAt:o}.");
        }

        logs.Add($"SLA sweep found {breaches.Count} breached requests.");
        return new InvocationResult { Logs = logs, ReturnValue = breaches.Count }.ToHttpResult();
    }
}
