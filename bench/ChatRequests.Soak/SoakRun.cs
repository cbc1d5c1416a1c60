using ChatRequests.Core.Fulfilment;
using ChatRequests.Embedded.Organisation;
using ChatRequests.Teams.Connector;
using ChatRequests.Testing;

namespace ChatRequests.Soak;

/// <summary>
/// A soak: the bot as a child process on a fresh SQLite file against a loopback Teams connector, many request lifecycles
/// at once, and faults at moments chosen from the seed (kill -9 and a restart, connector 429 / 5xx / hangs, the file
/// read-only for a moment). At the end, everything that reached Teams and everything the file holds are checked.
/// </summary>
public static class SoakRun
{
    /// <summary>Longer than the bot's connector attempt timeout, so the client gives up on a hung call.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan HangTime = AttemptTimeout + TimeSpan.FromSeconds(1);

    /// <summary>A limit no run comes near: the soak measures robustness, not Teams' throttle.</summary>
    private const int RaisedPermitLimit = 1_000_000;

    private static readonly TimeSpan QuietTimeout = TimeSpan.FromSeconds(120);

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMinutes(1);

    // Of every 4 lifecycles, 3 ask for a laptop (the manager approves) and 1 for a mouse (no approval).
    private const int LaptopsInFour = 3;

    public static async Task<SoakReport> RunAsync(SoakOptions options, TextWriter log, CancellationToken cancellationToken = default)
    {
        var loadBefore = LoadAverage();
        var folder = Directory.CreateTempSubdirectory("chatrequests-soak-");
        var store = new StoreFile(Path.Combine(folder.FullName, "soak.db"));
        var people = SoakPeople.Read(options.Organisation);
        var random = new Random(options.Seed);
        var plan = FaultPlan.Choose(options, ExpectedSteps(options), random);
        var lifecycles = Enumerable.Range(0, options.Lifecycles)
            .Select(i => (Requester: people.Requesters[random.Next(people.Requesters.Count)], Item: random.Next(4) < LaptopsInFour ? SampleRequest.Laptop : SampleRequest.Mouse))
            .ToList();
        await log.WriteLineAsync(
            $"Soak: {options.Lifecycles} lifecycles, {options.Concurrency} at a time, seed {options.Seed} " +
            $"({string.Join(", ", plan.Faults.GroupBy(f => f.Kind).Select(g => $"{g.Count()} {g.Key}"))}); bot file {store.Path}");

        await using var connector = await FakeTeamsConnector.StartAsync(cancellationToken);
        using var botLog = new BotLog(options.BotLog);
        await using var bot = new BotUnderTest(store.Path, connector, BotArguments(options), botLog);
        var inbox = new ConnectorInbox(connector);
        var progress = new SoakProgress();
        var bench = new SoakBench(bot, inbox, store, people, progress, options.StepTimeout);
        var outcomes = new LifecycleOutcome?[options.Lifecycles];
        var started = DateTimeOffset.UtcNow;
        string? unfinished = null;
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        run.CancelAfter(options.Timeout);
        using var faultsStop = CancellationTokenSource.CreateLinkedTokenSource(run.Token);
        Task faults = Task.CompletedTask;
        var reporting = ReportProgressAsync(log, progress, outcomes, plan, run.Token);
        try
        {
            await bot.StartAsync(run.Token);
            faults = plan.RunAsync(progress, bot, connector, store, HangTime, botLog, faultsStop.Token);
            await Parallel.ForEachAsync(
                Enumerable.Range(0, options.Lifecycles),
                new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = run.Token },
                async (i, token) => outcomes[i] = await new Lifecycle(bench, i, lifecycles[i].Requester, lifecycles[i].Item).RunAsync(token));

            // Faults planned past the steps the run reached (stuck lifecycles) are reported as not injected.
            await faultsStop.CancelAsync();
            await IgnoreCancellationAsync(faults);
            await WaitUntilQuietAsync(store, run.Token);
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            // Stopped (Ctrl+C) or out of time: what was done so far is still checked and reported.
            unfinished = cancellationToken.IsCancellationRequested ? "stopped before the end" : $"did not finish within {options.Timeout.TotalSeconds:0} s";
            await log.WriteLineAsync($"The soak {unfinished}.");
        }
        finally
        {
            await faultsStop.CancelAsync();
            await IgnoreCancellationAsync(faults);
            await run.CancelAsync();
            await IgnoreCancellationAsync(reporting);
        }

        inbox.ReadNew();
        var duration = DateTimeOffset.UtcNow - started;
        var report = SoakReport.Build(new SoakFacts(
            options, [.. outcomes], inbox, store, plan, bot, progress, connector, duration, unfinished, loadBefore, LoadAverage()));
        await bot.DisposeAsync();
        folder.Delete(recursive: true);
        return report;
    }

    /// <summary>A line a minute: a long soak shows how far it got.</summary>
    private static async Task ReportProgressAsync(
        TextWriter log, SoakProgress progress, IReadOnlyList<LifecycleOutcome?> outcomes, FaultPlan plan, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        while (true)
        {
            await Task.Delay(ProgressInterval, cancellationToken);
            await log.WriteLineAsync(
                $"{(DateTimeOffset.UtcNow - started).TotalMinutes:0} min: {outcomes.Count(o => o is not null)} lifecycles finished, " +
                $"{progress.Steps} steps, {plan.Injected.Count} of {plan.Faults.Count} faults injected; load average {LoadAverage()}");
        }
    }

    /// <summary>The test defaults of <see cref="BotProcess"/> (fulfilment polls and retries every 100 ms) and the soak's own.</summary>
    public static IReadOnlyList<string> BotArguments(SoakOptions options)
    {
        const string connector = ConnectorOptions.SectionName;
        const string fulfilment = FulfilmentOptions.SectionName;
        string[] windows =
        [
            nameof(ConnectorOptions.ConversationPerSecond), nameof(ConnectorOptions.ConversationPerTwoSeconds),
            nameof(ConnectorOptions.ConversationPerThirtySeconds), nameof(ConnectorOptions.ConversationPerHour), nameof(ConnectorOptions.TenantPerSecond),
        ];
        return
        [
            .. windows.Select(window => $"--{connector}:{window}:{nameof(RateLimitWindow.PermitLimit)}={RaisedPermitLimit}"),
            $"--{connector}:{nameof(ConnectorOptions.AttemptTimeout)}={AttemptTimeout:c}",
            $"--{connector}:{nameof(ConnectorOptions.BaseDelay)}=00:00:00.050",
            $"--{connector}:{nameof(ConnectorOptions.MaxDelay)}=00:00:01",
            $"--{fulfilment}:{nameof(FulfilmentOptions.MaxRetryDelay)}=00:00:02",
            $"--{DirectoryOptions.SectionName}:{nameof(DirectoryOptions.Path)}={options.Organisation}",
        ];
    }

    /// <summary>Steps a run takes if nothing gets stuck: submit, assign, resolve, confirm, and approve for the laptops.</summary>
    private static int ExpectedSteps(SoakOptions options) => options.Lifecycles * 4 + options.Lifecycles * LaptopsInFour / 4;

    /// <summary>Waits until no request has an event pending (parked ones are not pending), so every promised message had its chance.</summary>
    private static async Task WaitUntilQuietAsync(StoreFile store, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + QuietTimeout;
        while (store.ReadAll().Any(r => r.HasPendingEvents) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, cancellationToken);
        }
    }

    private static async Task IgnoreCancellationAsync(Task task)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
            // Stopped on purpose.
        }
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
