using System.Diagnostics;
using System.Runtime.InteropServices;
using ChatRequests.Composition.Telemetry;
using ChatRequests.Testing;

namespace ChatRequests.LoadDriver;

/// <summary>
/// The whole run: the fake Teams connector, the bot and the echo bot as child processes, the passes, the report.
/// Every child process is killed by its id and the temporary data folder deleted, also on Ctrl+C, SIGTERM,
/// the overall timeout or a failure.
/// </summary>
internal static class LoadRun
{
    private static readonly TimeSpan HttpTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ChildCheckInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan WarmUpPause = TimeSpan.FromSeconds(1);
    /// <summary>How long the bot may take to slim (first start) or read its encoder and encode the catalog under load.</summary>
    private static readonly TimeSpan EncoderLoadTimeout = TimeSpan.FromMinutes(10);
    private const int WarmUpRounds = 2;
    private const int WarmUpConcurrency = 8;

    public static async Task<int> RunAsync(DriverOptions options)
    {
        using var stop = new CancellationTokenSource(options.Timeout);
        var interrupted = false;
        void Interrupt(PosixSignalContext context)
        {
            // Unwind through the finally blocks below instead of dying with the children still running.
            context.Cancel = true;
            interrupted = true;
            stop.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);

        var dataFolder = Path.Combine(Path.GetTempPath(), "chatrequests-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);
        try
        {
            await RunAsync(options, dataFolder, stop.Token);
            return 0;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync(interrupted
                ? "Interrupted; child processes stopped."
                : $"The run did not finish within {options.Timeout.TotalSeconds:0} s (--timeout); child processes stopped.");
            return interrupted ? 130 : 1;
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            // A wrong answer, a dead child, a wait that ran out: the messages say it, a stack trace would not.
            await Console.Error.WriteLineAsync($"The load run failed: {Messages(ex)}");
            return 1;
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync($"The load run failed: {ex}");
            return 1;
        }
        finally
        {
            DeleteQuietly(dataFolder);
        }
    }

    private static async Task RunAsync(DriverOptions options, string dataFolder, CancellationToken cancellationToken)
    {
        options = options with { BotAssembly = await BotBuilds.AssemblyAsync(options.BotBuild, cancellationToken) };
        await (options.Scenario switch
        {
            Scenario.Notifications => NotificationRun.RunAsync(options, dataFolder, cancellationToken),
            Scenario.Memory => MemoryRun.RunAsync(options, dataFolder, cancellationToken),
            _ => RunAgainstEchoAsync(options, dataFolder, cancellationToken),
        });
    }

    /// <summary>The bot started as the load runs start it: the build the options chose, on its own core when there is one, on the file given.</summary>
    internal static BotProcess Bot(DriverOptions options, string dataFile, FakeTeamsConnector connector, IEnumerable<string> arguments, bool pinned) =>
        new(dataFile, connector.ServiceUrl, arguments)
        {
            Cores = pinned ? CorePinning.BotCore : null,
            Assembly = options.BotAssembly,
            Environment = options.BotEnvironment,
        };

    /// <summary>Says the driver's id, sets the environment both bots inherit, pins the driver to its core; returns the load average before.</summary>
    internal static async Task<string> StartPinningAsync()
    {
        var loadAverage = Report.LoadAverage();
        await Console.Error.WriteLineAsync($"driver\t{Environment.ProcessId}");
        foreach (var (name, value) in BenchSettings.Environment)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        if (CorePinning.Available)
        {
            CorePinning.PinDriver();
        }

        return loadAverage;
    }

    /// <summary>The turn passes or the lifecycles: the bot and the echo bot side by side.</summary>
    private static async Task RunAgainstEchoAsync(DriverOptions options, string dataFolder, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        await StartPinningAsync();
        var organisation = BenchOrganisation.Write(dataFolder, options.Passes.Max());
        var pinned = CorePinning.Available;

        var runs = new List<TelemetryRun>();
        foreach (var exporter in options.Telemetry)
        {
            var botFolder = Directory.CreateDirectory(Path.Combine(dataFolder, exporter.ToString().ToLowerInvariant())).FullName;
            runs.Add(await RunBotAsync(options, exporter, organisation, botFolder, pinned, cancellationToken));
        }

        if (runs.Count > 1)
        {
            Report.Telemetry(runs);
        }

        Report.Line($"Run took {started.Elapsed.TotalSeconds:0} s.");
    }

    /// <summary>
    /// One whole run with the bot's telemetry as <paramref name="exporter"/> says: a fresh connector, bot (own database)
    /// and echo bot, the warm-up, the passes, memory; with OTLP also the sink it exports to, which must have received.
    /// </summary>
    private static async Task<TelemetryRun> RunBotAsync(
        DriverOptions options, TelemetryExporter exporter, BenchOrganisation organisation, string dataFolder, bool pinned, CancellationToken cancellationToken)
    {
        var loadAverage = Report.LoadAverage();
        await using var sink = exporter == TelemetryExporter.Otlp ? await OtlpSink.StartAsync(cancellationToken) : null;
        await using var connector = await FakeTeamsConnector.StartAsync(cancellationToken);
        var botArguments = BenchSettings.RaisedConnectorLimits.Concat(BenchSettings.BotOnly).Concat(BenchSettings.Logging)
            .Concat(BenchSettings.Telemetry(exporter, sink?.Endpoint))
            .Concat(sink is not null && options.Scenario == Scenario.Lifecycles ? [BenchSettings.StoreWorkMetricInterval] : [])
            .Append($"--Directory:Path={organisation.FilePath}").Concat(options.BotSettings);
        await using var bot = Bot(options, Path.Combine(dataFolder, "requests.db"), connector, botArguments, pinned);
        await bot.StartAsync(cancellationToken);
        await using var echo = await EchoBotProcess.StartAsync(
            BenchSettings.RaisedConnectorLimits.Concat(BenchSettings.Logging), pinned ? CorePinning.BotCore : null, cancellationToken);
        Report.Header(options, organisation.Employees.Count, options.BotAssembly ?? RepositoryPaths.BotAssembly, pinned
            ? $"bot on core {CorePinning.AllowedCores(bot.ProcessId)}, echo bot on core {CorePinning.AllowedCores(echo.ProcessId)}, driver on core {CorePinning.AllowedCores(Environment.ProcessId)} (taskset)"
            : "NOT pinned (needs 2 cores and taskset): the bots and the driver share every core, so CPU figures include contention",
            loadAverage,
            BenchSettings.Describe(exporter, sink?.Endpoint));

        using var botHttp = Client(bot.BaseAddress);
        using var echoHttp = Client(echo.BaseAddress);
        // TeamsDriver takes no token: cancel its requests through the clients.
        using var cancelBot = cancellationToken.Register(botHttp.CancelPendingRequests);
        using var cancelEcho = cancellationToken.Register(echoHttp.CancelPendingRequests);
        var health = new BotHealth(botHttp);
        var targets = new BenchTargets(
            connector,
            new TeamsDriver(botHttp, connector),
            bot.ProcessId,
            new TeamsDriver(echoHttp, connector),
            echo.ProcessId,
            health,
            organisation.Employees,
            new ApprovalCards(connector),
            new TeamCards(connector, organisation.TeamChannelId))
        {
            EncoderReady = await health.EncoderSettledAsync(EncoderLoadTimeout, cancellationToken) == "ready",
            Metrics = sink,
        };

        var botAtStart = ProcessMemory.Read(bot.ProcessId);
        var echoAtStart = ProcessMemory.Read(echo.ProcessId);
        var driverAtStart = ProcessMemory.Read(Environment.ProcessId);

        // A child that dies mid-run would otherwise only show as a wait running into its timeout.
        using var childrenAlive = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watchdog = CancelWhenExitedAsync(() => bot.HasExited || echo.HasExited, childrenAlive);
        var passes = new List<PassResult>();
        OtlpReceived? received = null;
        try
        {
            await WarmUpAsync(targets, options, childrenAlive.Token);
            foreach (var concurrency in options.Passes)
            {
                if (options.Scenario == Scenario.Lifecycles)
                {
                    await LifecycleRoundsAsync(targets, organisation.TeamChannelId, concurrency, options, childrenAlive.Token);
                    continue;
                }

                var pass = await new BenchPass(targets, concurrency, options.Warmup, options.Requests).RunAsync(childrenAlive.Token);
                Report.Pass(pass);
                passes.Add(pass);
            }

            if (sink is not null)
            {
                received = await sink.WaitUntilBothSignalsAsync(OtlpSink.MetricWait, childrenAlive.Token);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The failed request can beat the exit of the process by a moment.
            var exited = await ExitedAsync(() => bot.HasExited ? "bot" : echo.HasExited ? "echo bot" : null);
            if (exited is null)
            {
                throw;
            }

            throw new InvalidOperationException($"The {exited} exited during the run.", ex);
        }
        finally
        {
            await childrenAlive.CancelAsync();
            await watchdog;
        }

        Report.Memory(
        [
            new MemoryFigures("bot", bot.ProcessId, botAtStart, ProcessMemory.Read(bot.ProcessId)),
            new MemoryFigures("echo bot (baseline)", echo.ProcessId, echoAtStart, ProcessMemory.Read(echo.ProcessId)),
            new MemoryFigures("driver (fake connector, clients)", Environment.ProcessId, driverAtStart, ProcessMemory.Read(Environment.ProcessId)),
        ]);
        // Every bot turn kind runs warmup + count times in each warm-up round (count = warmup there) and in each pass.
        var botTurns = TurnKind.ReportOrder.Count(k => !k.IsEcho) * (WarmUpRounds * 2 * options.Warmup + options.Passes.Count * (options.Warmup + options.Requests));
        var run = new TelemetryRun(exporter, passes, received, botTurns);
        if (received is not null)
        {
            Report.Exported(run);
        }

        Report.Line($"{connector.Requests.Count} calls reached the fake Teams connector; fulfilment idle, nothing parked.");
        Report.Line("");
        return run;
    }

    /// <summary>
    /// <c>--rounds</c> measured windows of <c>--lifecycles</c> each, one after another on the same bots, after <c>--warmup</c>
    /// lifecycles: how CPU per lifecycle falls with the lifecycles run before (the JIT's share), in one window of time.
    /// </summary>
    private static async Task LifecycleRoundsAsync(
        BenchTargets targets, string teamChannelId, int concurrency, DriverOptions options, CancellationToken cancellationToken)
    {
        for (var round = 0; round < options.Rounds; round++)
        {
            var before = options.Warmup + round * options.Count;
            if (options.Rounds > 1)
            {
                Report.Line($"Round {round + 1} of {options.Rounds}: after {before:N0} lifecycles (load average {Report.LoadAverage()})");
            }

            Report.Lifecycles(await new LifecycleRun(targets, teamChannelId, concurrency)
                .RunAsync(round == 0 ? options.Warmup : 0, options.Count, cancellationToken));
        }
    }

    /// <summary>
    /// Brings both bots to the steady state of a bot that has run for a while. Tiered compilation optimises a method
    /// only once it has been called a few dozen times after no new method was compiled for a moment (and, with dynamic
    /// PGO, once more after an instrumented round), so the per-kind warmup alone left the first kinds measured on
    /// unoptimised code. Every kind runs twice unmeasured, with pauses for the background compiler.
    /// </summary>
    private static async Task WarmUpAsync(BenchTargets targets, DriverOptions options, CancellationToken cancellationToken)
    {
        for (var round = 0; round < WarmUpRounds; round++)
        {
            await new BenchPass(targets, WarmUpConcurrency, options.Warmup, options.Warmup) { IsWarmUp = true }.RunAsync(cancellationToken);
            await Task.Delay(WarmUpPause, cancellationToken);
        }
    }

    private static async Task CancelWhenExitedAsync(Func<bool> anyExited, CancellationTokenSource run)
    {
        while (!run.IsCancellationRequested)
        {
            if (anyExited())
            {
                await run.CancelAsync();
                return;
            }

            try
            {
                await Task.Delay(ChildCheckInterval, run.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task<string?> ExitedAsync(Func<string?> exitedChild)
    {
        for (var wait = TimeSpan.Zero; wait < TimeSpan.FromSeconds(1); wait += ChildCheckInterval)
        {
            if (exitedChild() is { } child)
            {
                return child;
            }

            await Task.Delay(ChildCheckInterval);
        }

        return exitedChild();
    }

    internal static HttpClient Client(Uri baseAddress) =>
        new(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = baseAddress, Timeout = HttpTimeout };

    private static string Messages(Exception ex) =>
        ex.InnerException is null ? ex.Message : $"{ex.Message} ({Messages(ex.InnerException)})";

    private static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"Could not delete {folder}: {ex.Message}");
        }
    }
}
