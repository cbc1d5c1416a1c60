using ChatRequests.Core.Assignment;
using ChatRequests.Functions.Invocation;

namespace ChatRequests.Functions.Digest;

/// <summary>
/// SendDigests (timer): runs the core <see cref="DailyDigest"/>, which sends each agent whose team's working day has just
/// started their overdue and due-today requests, once per agent and day (the message ledger keeps it across runs and
/// instances). Answers how many digests it handed to Teams. A failure answers 500, so the host logs the run as failed;
/// the next tick within the day's window tries again.
/// </summary>
public sealed class SendDigestsFunction(DailyDigest digest, ILogger<SendDigestsFunction> logger)
{
    public const string Name = "SendDigests";

    public Task<IResult> InvokeAsync(CancellationToken cancellationToken) =>
        TimerRun.InvokeAsync(
            "Daily digest", logger, digest.SendDueAsync,
            sent => new InvocationResult { Logs = [$"Daily digest: {sent} sent."], ReturnValue = new { Sent = sent } }, cancellationToken);
}
