using System.Diagnostics;
using System.Text.Json.Nodes;
using ChatRequests.Core.Telemetry;
using ChatRequests.Testing;

namespace ChatRequests.LoadDriver;

/// <summary>What a lifecycle run measured: the lifecycles, and the echo bot doing as many turns of each kind.</summary>
internal sealed record LifecycleResult(
    int Count,
    int Concurrency,
    TimeSpan Wall,
    LatencyStats Lifecycle,
    TimeSpan BotCpu,
    TimeSpan BotCpuAfter,
    TimeSpan DriverCpu,
    TimeSpan EchoCpu,
    TimeSpan EchoWall,
    ConnectorCalls Calls,
    long FileBytesWritten,
    IReadOnlyDictionary<string, long>? StoreWork,
    long? IdleAllocatedBytes)
{
    /// <summary>The turns of one lifecycle: the intake message, then five clicks (submit, approve, assign, resolve, confirm).</summary>
    public const int MessagesPerLifecycle = 1;
    public const int ClicksPerLifecycle = 5;

    public double PerSecond => Count / Wall.TotalSeconds;
}

/// <summary>
/// Whole requests, as people make them, on many at once: the employee asks for a laptop and submits the form; the
/// manager approves on the card the fulfilment worker posts; an agent takes it from the team card, then resolves it; the
/// employee confirms with a rating on the "is it working?" notice. A lifecycle is done when the team card shows it
/// Closed (the last message the bot posts for it). Each of <c>concurrency</c> workers runs its lifecycles one after
/// another, as its own employee, manager and agent. The echo bot then answers as many messages and clicks at the same
/// concurrency, for the ratio of CPU per lifecycle.
/// </summary>
internal sealed class LifecycleRun(BenchTargets targets, string teamChannelId, int concurrency)
{
    private static readonly TimeSpan MilestoneTimeout = TimeSpan.FromSeconds(120);

    // Metrics are exported every second in these runs (BenchSettings.StoreWorkMetricInterval); a busy machine delays them.
    private static readonly TimeSpan StoreWorkWait = TimeSpan.FromSeconds(30);

    private static readonly JsonObject LaptopInputs = new()
    {
        ["urgency"] = "High",
        ["field.costCentre"] = "CC-4711",
        ["field.deliveryLocation"] = "Berlin office",
        ["field.keyboardLayout"] = "German (QWERTZ)",
    };

    /// <summary>Runs <paramref name="warmup"/> lifecycles unmeasured, then <paramref name="count"/> measured ones, then the echo bot's turns.</summary>
    public async Task<LifecycleResult> RunAsync(int warmup, int count, CancellationToken cancellationToken)
    {
        await using var watch = new LifecycleWatch(targets.Connector, teamChannelId);
        watch.Start();
        if (warmup > 0)
        {
            await RunLifecyclesAsync(watch, 0, warmup, cancellationToken);
            await targets.Health.WaitUntilFulfilmentIdleAsync(MilestoneTimeout, cancellationToken);
        }

        var storeBefore = targets.Metrics is { } metrics ? await metrics.StoreWorkAfterAsync(StoreWorkWait, cancellationToken) : null;
        var filesBefore = ProcessIo.FileBytesWritten(targets.BotProcessId);
        var botBefore = ProcessCpu.Read(targets.BotProcessId);
        var driverBefore = ProcessCpu.Read(Environment.ProcessId);
        var callsBefore = targets.Connector.Requests.Count;
        var started = Stopwatch.GetTimestamp();
        var latencies = await RunLifecyclesAsync(watch, warmup, count, cancellationToken);
        var wall = Stopwatch.GetElapsedTime(started);
        var botCpu = ProcessCpu.Read(targets.BotProcessId) - botBefore;
        var driverCpu = ProcessCpu.Read(Environment.ProcessId) - driverBefore;
        await targets.Health.WaitUntilFulfilmentIdleAsync(MilestoneTimeout, cancellationToken);
        var botCpuAfter = ProcessCpu.Read(targets.BotProcessId) - botBefore - botCpu;
        var calls = ConnectorCalls.Of(targets.Connector.Requests, callsBefore);
        var filesWritten = ProcessIo.FileBytesWritten(targets.BotProcessId) - filesBefore;
        var storeWork = storeBefore is null ? null : Difference(await targets.Metrics!.StoreWorkAfterAsync(StoreWorkWait, cancellationToken), storeBefore);
        var idleAllocated = storeWork is null ? (long?)null : await IdleAllocatedAsync(wall, cancellationToken);
        Report.Progress("lifecycles", concurrency, targets.BotProcessId, started, started + (long)(wall.TotalSeconds * Stopwatch.Frequency));

        var (echoCpu, echoWall) = await EchoTurnsAsync(count, cancellationToken);
        return new LifecycleResult(count, concurrency, wall, LatencyStats.Of(latencies), botCpu, botCpuAfter, driverCpu, echoCpu, echoWall, calls,
            filesWritten, storeWork, idleAllocated);
    }

    /// <summary>
    /// What the bot allocates doing nothing for as long as the measured window lasted (the relay's polls, the sweeps, the
    /// metrics' export): the report takes it from the window's bytes, so a slower run does not count more per lifecycle.
    /// </summary>
    private async Task<long> IdleAllocatedAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        var before = await targets.Metrics!.StoreWorkAfterAsync(StoreWorkWait, cancellationToken);
        await Task.Delay(window, cancellationToken);
        var after = await targets.Metrics.StoreWorkAfterAsync(StoreWorkWait, cancellationToken);
        const string allocated = TelemetryNames.Instruments.ProcessAllocatedBytes;
        return after.GetValueOrDefault(allocated) - before.GetValueOrDefault(allocated);
    }

    private async Task<double[]> RunLifecyclesAsync(LifecycleWatch watch, int from, int count, CancellationToken cancellationToken)
    {
        var latencies = new double[count];
        var next = from - 1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var employee = targets.Employees[worker];
            for (var run = Interlocked.Increment(ref next); run < from + count; run = Interlocked.Increment(ref next))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var started = Stopwatch.GetTimestamp();
                await LifecycleAsync(watch, employee, cancellationToken);
                latencies[run - from] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }, cancellationToken)));
        return latencies;
    }

    private async Task LifecycleAsync(LifecycleWatch watch, Employee employee, CancellationToken cancellationToken)
    {
        var (who, manager, agent) = (employee.Person, employee.Manager, employee.Agent);
        var form = await FormAsync(who);
        var submitted = await targets.Bot.ClickOnCardAsync(who, who.PersonalChatId, form, "intake.submit", LaptopInputs);
        var requestId = PostedCards.RequestNumberIn(submitted.CardText)
            ?? throw new InvalidOperationException($"form submit: no request number in the answer: {submitted.CardText}");

        var approval = await watch.WaitForAsync(requestId, Milestone.ApprovalCard, MilestoneTimeout, cancellationToken);
        Expect(await targets.Bot.ClickOnCardAsync(
            manager, approval.ConversationId, approval.Card, "approval.approve", new JsonObject { ["comment"] = "Approved in the load run" }),
            "Approved by you", requestId, "approval click");

        var teamCard = await watch.WaitForAsync(requestId, Milestone.TeamCard, MilestoneTimeout, cancellationToken);
        var assigned = Expect(await targets.Bot.ClickOnCardAsync(agent, teamCard.ConversationId, teamCard.Card, "agent.assign"), agent.Name, requestId, "assign");
        Expect(await targets.Bot.ClickOnCardAsync(
            agent, teamCard.ConversationId, assigned.Card, "agent.resolve", new JsonObject { ["resolution"] = "Laptop handed over at the Berlin desk" }),
            "Fulfilled", requestId, "resolve");

        var notice = await watch.WaitForAsync(requestId, Milestone.ConfirmNotice, MilestoneTimeout, cancellationToken);
        var closed = await targets.Bot.ClickOnCardAsync(
            who, notice.ConversationId, notice.Card, "requester.confirm", new JsonObject { ["rating"] = "5", ["feedback"] = "Fast, thanks!" });
        Check(closed.CardText.Contains("closed", StringComparison.OrdinalIgnoreCase), requestId, "confirm", closed.CardText);

        await watch.WaitForAsync(requestId, Milestone.ClosedTeamCard, MilestoneTimeout, cancellationToken);
    }

    /// <summary>"I need a new laptop": the bot replies before it answers the POST, so the form is the chat's last card.</summary>
    private async Task<JsonObject> FormAsync(Persona who)
    {
        using var response = await targets.Bot.SayAsync(who, "I need a new laptop");
        Check(response.IsSuccessStatusCode, "-", "intake message", $"HTTP {(int)response.StatusCode}");
        var form = targets.Connector.ActivitiesIn(who.PersonalChatId) is [.., var last] ? FakeTeamsConnector.CardOf(last) : null;
        Check(form is not null && CardReader.FindAction(form, "intake.submit") is not null, "-", "intake message", "no form card in the chat");
        return form!;
    }

    /// <summary>The echo bot answers one message and five clicks per lifecycle, at the same concurrency.</summary>
    private async Task<(TimeSpan Cpu, TimeSpan Wall)> EchoTurnsAsync(int lifecycles, CancellationToken cancellationToken)
    {
        var before = ProcessCpu.Read(targets.EchoProcessId);
        var started = Stopwatch.GetTimestamp();
        var next = -1;
        var turns = lifecycles * (LifecycleResult.MessagesPerLifecycle + LifecycleResult.ClicksPerLifecycle);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var who = targets.Employees[worker].Person;
            for (var turn = Interlocked.Increment(ref next); turn < turns; turn = Interlocked.Increment(ref next))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (turn % (LifecycleResult.MessagesPerLifecycle + LifecycleResult.ClicksPerLifecycle) == 0)
                {
                    using var response = await targets.Echo.SayAsync(who, "hello");
                    Check(response.IsSuccessStatusCode, "-", "echo message", $"HTTP {(int)response.StatusCode}");
                }
                else
                {
                    var result = await targets.Echo.ClickAsync(who, who.PersonalChatId, "echo.ping", new JsonObject { ["turn"] = turn });
                    Check(result.StatusCode == 200, "-", "echo click", result.Body.ToJsonString());
                }
            }
        }, cancellationToken)));
        return (ProcessCpu.Read(targets.EchoProcessId) - before, Stopwatch.GetElapsedTime(started));
    }

    private static Dictionary<string, long> Difference(IReadOnlyDictionary<string, long> after, IReadOnlyDictionary<string, long> before) =>
        after.ToDictionary(p => p.Key, p => p.Value - before.GetValueOrDefault(p.Key));

    private static InvokeResult Expect(InvokeResult result, string expected, string requestId, string step)
    {
        Check(result.CardText.Contains(expected, StringComparison.Ordinal), requestId, step, result.CardText);
        return result;
    }

    private static void Check(bool condition, string requestId, string step, string answer)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"{requestId} {step}: {(answer.Length <= 200 ? answer : answer[..200] + "...")}");
        }
    }
}
