namespace ChatRequests.Functions.Invocation;

/// <summary>
/// The shape every timer function shares: run the core job, answer its summary; a failure is logged and answers 500, so
/// the host records the run as failed and the next tick runs it again (the jobs keep what is due in the store, so nothing
/// is lost). Cancellation by the host is not a failure of the job: it propagates.
/// </summary>
public static class TimerRun
{
    /// <param name="job">What the run is called in the logs ("SLA sweep").</param>
    /// <param name="answer">The summary of a successful run.</param>
    public static async Task<IResult> InvokeAsync<T>(
        string job, ILogger logger, Func<CancellationToken, Task<T>> run, Func<T, InvocationResult> answer, CancellationToken cancellationToken)
    {
        T result;
        try
        {
            result = await run(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "{Job} failed; the next timer run tries again", job);
            return new InvocationResult { Logs = [$"{job} failed: {ex.GetType().Name}"] }
                .ToHttpResult(StatusCodes.Status500InternalServerError);
        }

        return answer(result).ToHttpResult();
    }
}
