using ChatRequests.Functions.Invocation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatRequests.Functions.Tests;

public class TimerRunTests
{
    [Fact]
    public async Task AJobThatRuns_AnswersItsSummary()
    {
        var result = await TimerRun.InvokeAsync(
            "Daily digest", NullLogger.Instance, _ => Task.FromResult(3), sent => new InvocationResult { Logs = [$"{sent} sent"] }, CancellationToken.None);

        var answer = Assert.IsType<JsonHttpResult<InvocationResult>>(result);
        Assert.Equal(200, answer.StatusCode);
        Assert.Equal(["3 sent"], answer.Value!.Logs);
    }

    [Fact]
    public async Task AJobThatFails_Answers500NamingTheJobAndTheErrorOnly()
    {
        var result = await TimerRun.InvokeAsync<int>(
            "Access review sweep", NullLogger.Instance, _ => throw new IOException("secret path /data/x"), _ => new InvocationResult(), CancellationToken.None);

        var answer = Assert.IsType<JsonHttpResult<InvocationResult>>(result);
        Assert.Equal(500, answer.StatusCode);
        Assert.Equal(["Access review sweep failed: IOException"], answer.Value!.Logs);
    }

    [Fact]
    public async Task TheHostCancelling_IsNotAFailedRun_ItPropagates()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TimerRun.InvokeAsync<int>(
            "SLA sweep", NullLogger.Instance, ct => Task.FromCanceled<int>(ct), _ => new InvocationResult(), cancelled.Token));
    }
}
