using System.Globalization;
using ChatRequests.Core.Sla;
using ChatRequests.Testing;
using Microsoft.Data.Sqlite;

namespace ChatRequests.LoadDriver;

/// <summary>
/// The bot's memory with many stored requests. First the bot on an empty store: its idle RSS once started, then after a
/// few hundred turns (one pass of every turn kind at concurrency 8). Then the same bot on a store seeded with N requests
/// (<see cref="StoreSeeder"/>: a year and more of requests of the bench employees, most closed, some rejected or
/// cancelled, the newest still open at every stage), started once before (<see cref="FirstStartAsync"/>), whatever its
/// start-up does with them (the SLA sweep over the open ones, the gauges), then the same turns. The figure is the seeded
/// bot's RSS after the turns over the empty bot's idle RSS (goal at most 1.5x).
/// </summary>
internal static class MemoryRun
{
    /// <summary>The newest requests are left open, at each stage in turn; the rest are done with.</summary>
    private const int OpenRequests = 300;
    private const int Concurrency = 8;
    private const int TurnsPerKind = 50;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan FulfilmentTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan QuietWindow = TimeSpan.FromSeconds(2);
    private const double QuietShare = 0.05;
    private static readonly TimeSpan StartUpTimeout = TimeSpan.FromMinutes(10);

    /// <summary>How long the bot is left alone after its turns before its memory is read again: what an idle spell gives back.</summary>
    private static readonly TimeSpan IdleStretch = TimeSpan.FromMinutes(1);
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task RunAsync(DriverOptions options, string dataFolder, CancellationToken cancellationToken)
    {
        var organisation = BenchOrganisation.Write(dataFolder, DriverOptions.MaxConcurrency);
        var requesters = organisation.Employees.Select(e => e.Person).ToList();
        // Seeded before the driver is pinned to its core: the seeder may use them all.
        var seeded = Path.Combine(dataFolder, "seeded.db");
        var seedTime = await SeedAsync(seeded, organisation, requesters, options.Count, cancellationToken);
        var loadAverage = await LoadRun.StartPinningAsync();
        await using var connector = await FakeTeamsConnector.StartAsync(cancellationToken);
        await using var echo = await EchoBotProcess.StartAsync(
            BenchSettings.RaisedConnectorLimits.Concat(BenchSettings.Logging), CorePinning.Available ? CorePinning.BotCore : null, cancellationToken);

        Report.Line("ChatRequests memory run");
        Report.Line($"  machine     {Environment.ProcessorCount} cores; load average before the run {loadAverage}");
        Report.Line($"  bot         {options.BotBuild.ToString().ToLowerInvariant()}: {options.BotAssembly}");
        Report.BotEnvironment(options);
        Report.Line($"  turns       one pass of every turn kind at concurrency {Concurrency}, {TurnsPerKind} of each ({TurnsPerKind * 6} bot turns), as in the load run");

        // The bare echo bot (ASP.NET Core and the runtime, no product code): what any bot of ours costs at the least.
        await Task.Delay(Settle, cancellationToken);
        var echoIdle = ProcessMemory.Read(echo.ProcessId);
        var empty = await MeasureAsync("empty store", Path.Combine(dataFolder, "empty.db"), organisation, options, connector, echo, cancellationToken);

        Report.Line(string.Format(Invariant, "  store       {0:N0} requests of {1} requesters seeded through the product's use cases ({2}); file {3:N0} MiB",
            options.Count, requesters.Count, seedTime, new FileInfo(seeded).Length / 1024.0 / 1024.0));
        await FirstStartAsync(seeded, organisation, options, connector, cancellationToken);
        var full = await MeasureAsync($"{options.Count:N0} requests", seeded, organisation, options, connector, echo, cancellationToken);

        var echoAfter = ProcessMemory.Read(echo.ProcessId);
        Report.Line("");
        Report.Line("Memory of the bot (MiB, /proc/<pid>/status: VmRSS now, VmHWM the peak so far)");
        Report.Line(string.Format(Invariant, "  {0,-20} {1,12} {2,12} {3,14} {4,14} {5,12} {6,16}",
            "store", "idle RSS", "after turns", "idle a minute", "peak (VmHWM)", "turns", "cpu us per turn"));
        foreach (var m in new[] { empty, full })
        {
            Report.Line(string.Format(Invariant, "  {0,-20} {1,12:0.0} {2,12:0.0} {3,14:0.0} {4,14:0.0} {5,12} {6,16:0}",
                m.Store, m.Idle.WorkingSetMiB, m.AfterTurns.WorkingSetMiB, m.AfterIdle.WorkingSetMiB, m.AfterIdle.PeakWorkingSetMiB, m.Turns,
                m.Cpu.TotalMicroseconds / m.Turns));
        }

        // Per turn kind: what grows with the store shows as a kind that costs more on the stored bot than on the empty one.
        Report.Line("  per turn by kind: cpu us, KiB read (the turn; then the fulfilment it caused, until idle)");
        foreach (var kind in TurnKind.ReportOrder.Where(k => !k.IsEcho))
        {
            // A kind a pass sends only in some runs (the sentence by meaning, with the encoder ready) is left out unless both have it.
            if (empty.Phases.SingleOrDefault(p => p.Kind == kind) is not { } onEmpty || full.Phases.SingleOrDefault(p => p.Kind == kind) is not { } onStored)
            {
                continue;
            }

            Report.Line(string.Format(Invariant, "    {0,-24} empty {1,8:0} + {2,8:0} us, {3,8:0} + {4,8:0} KiB   stored {5,8:0} + {6,8:0} us, {7,8:0} + {8,8:0} KiB",
                kind.Name, onEmpty.CpuMicrosecondsPerTurn, onEmpty.FulfilmentMicrosecondsPerTurn, onEmpty.ReadKiBPerTurn, onEmpty.FulfilmentReadKiBPerTurn,
                onStored.CpuMicrosecondsPerTurn, onStored.FulfilmentMicrosecondsPerTurn, onStored.ReadKiBPerTurn, onStored.FulfilmentReadKiBPerTurn));
        }

        Report.Line(string.Format(Invariant, "  {0,-20} {1,12:0.0} {2,12:0.0} {3,14:0.0} {4,12}",
            "echo bot (baseline)", echoIdle.WorkingSetMiB, echoAfter.WorkingSetMiB, echoAfter.PeakWorkingSetMiB, empty.EchoTurns + full.EchoTurns));
        Report.Line("  what is resident (MiB: anonymous, pages of mapped files, shared memory: the JIT's code)");
        foreach (var (what, memory) in new[]
                 {
                     ("empty store, idle", empty.Idle), ("empty store, turns", empty.AfterTurns),
                     ("empty store, idle again", empty.AfterIdle), ("stored, idle", full.Idle), ("stored, turns", full.AfterTurns),
                     ("stored, idle again", full.AfterIdle), ("echo bot, idle", echoIdle), ("echo bot, turns", echoAfter),
                 })
        {
            Report.Line($"    {what,-20} {memory.Parts}");
        }

        Report.Line(string.Format(Invariant, "  {0:N0} requests after the turns / empty store idle: RSS {1:0.00}x, peak {2:0.00}x (goal at most 1.5x); after a minute idle {3:0.00}x",
            options.Count, full.AfterTurns.WorkingSetMiB / empty.Idle.WorkingSetMiB, full.AfterTurns.PeakWorkingSetMiB / empty.Idle.WorkingSetMiB,
            full.AfterIdle.WorkingSetMiB / empty.Idle.WorkingSetMiB));
    }

    /// <param name="Cpu">The bot's CPU over the turns and until its fulfilment was idle again (what a smaller page cache would cost).</param>
    /// <param name="AfterIdle">After <see cref="IdleStretch"/> with no turn once the turns' fulfilment was done.</param>
    /// <param name="Phases">Each turn kind's CPU: the turns, and the fulfilment they caused.</param>
    private sealed record BotMemory(
        string Store, ProcessMemory Idle, ProcessMemory AfterTurns, ProcessMemory AfterIdle, int Turns, int EchoTurns, TimeSpan Cpu, IReadOnlyList<PhaseResult> Phases);

    /// <summary>
    /// Starts the bot once on the seeded file and stops it when it is quiet, so that the measured start finds the store as
    /// a bot that ran on it before leaves it: what a first start does once per file (an index a newer schema adds, the
    /// retention settings adopted by every stored request) is said here and not counted in the stored bot's memory.
    /// </summary>
    private static async Task FirstStartAsync(
        string dataFile, BenchOrganisation organisation, DriverOptions options, FakeTeamsConnector connector, CancellationToken cancellationToken)
    {
        await using var bot = MeasuredBot(options, dataFile, organisation, connector);
        await bot.StartAsync(cancellationToken);
        using var botHttp = LoadRun.Client(bot.BaseAddress);
        var health = new BotHealth(botHttp);
        var firstStart = await StartUpAsync(bot, health, dataFile, cancellationToken);
        // A first start with the sentence encoder on slims its model once (kept for the next starts): part of it too.
        await health.EncoderSettledAsync(StartUpTimeout, cancellationToken);
        Report.Line(string.Format(Invariant, "  {0,-20} start-up: {1:0.0} s of CPU, {2:N0} MiB read; stopped once quiet (what it does once per file)",
            "first start on it", firstStart.Cpu.TotalSeconds, firstStart.ReadBytes / 1024.0 / 1024.0));
    }

    private static BotProcess MeasuredBot(DriverOptions options, string dataFile, BenchOrganisation organisation, FakeTeamsConnector connector) =>
        LoadRun.Bot(options, dataFile, connector,
            BenchSettings.RaisedConnectorLimits.Concat(BenchSettings.BotOnly).Concat(BenchSettings.Logging).Append($"--Directory:Path={organisation.FilePath}").Concat(options.BotSettings),
            CorePinning.Available);

    private static async Task<BotMemory> MeasureAsync(
        string store, string dataFile, BenchOrganisation organisation, DriverOptions options, FakeTeamsConnector connector, EchoBotProcess echo,
        CancellationToken cancellationToken)
    {
        await using var bot = MeasuredBot(options, dataFile, organisation, connector);
        await bot.StartAsync(cancellationToken);
        using var botHttp = LoadRun.Client(bot.BaseAddress);
        using var echoHttp = LoadRun.Client(echo.BaseAddress);
        var health = new BotHealth(botHttp);
        var startUp = await StartUpAsync(bot, health, dataFile, cancellationToken);
        // With the sentence encoder on, its model and the catalog's vectors are part of the idle bot (ADR 0044).
        var encoderReady = await health.EncoderSettledAsync(StartUpTimeout, cancellationToken) == "ready";
        Report.Line(string.Format(Invariant, "  {0,-20} start-up: {1:0.0} s of CPU, {2:N0} MiB read; its core quiet {3:0} s after the outboxes were empty",
            store, startUp.Cpu.TotalSeconds, startUp.ReadBytes / 1024.0 / 1024.0, startUp.Wall.TotalSeconds));
        var idle = ProcessMemory.Read(bot.ProcessId);
        var cpuBefore = ProcessCpu.Read(bot.ProcessId);

        var targets = new BenchTargets(
            connector, new TeamsDriver(botHttp, connector), bot.ProcessId, new TeamsDriver(echoHttp, connector), echo.ProcessId, health,
            organisation.Employees, new ApprovalCards(connector), new TeamCards(connector, organisation.TeamChannelId)) { EncoderReady = encoderReady };
        var pass = await new BenchPass(targets, Concurrency, 0, TurnsPerKind) { IsWarmUp = true }.RunAsync(cancellationToken);
        await health.WaitUntilFulfilmentIdleAsync(FulfilmentTimeout, cancellationToken);
        var afterTurns = ProcessMemory.Read(bot.ProcessId);
        var cpu = ProcessCpu.Read(bot.ProcessId) - cpuBefore;
        Console.Error.WriteLine($"idle\t{store}\t{bot.ProcessId}: the bot is left alone for {IdleStretch.TotalSeconds:0} s");
        await Task.Delay(IdleStretch, cancellationToken);
        return new BotMemory(
            store, idle, afterTurns, ProcessMemory.Read(bot.ProcessId),
            pass.Phases.Where(p => !p.Kind.IsEcho).Sum(p => p.Latency.Count), pass.Phases.Where(p => p.Kind.IsEcho).Sum(p => p.Latency.Count),
            cpu, pass.Phases);
    }

    /// <summary>
    /// Whatever the start does with the stored requests (the SLA sweep, catching up on due events) counts as start-up: it
    /// ends when the outboxes are empty, the sweeper has brought every stored request to the retention settings (a batch a
    /// sweep, once per change of them: on the first start on a seeded store that takes a while, and it ran on into the turns
    /// before and was counted as theirs), and the bot's core is quiet.
    /// </summary>
    private static async Task<(TimeSpan Cpu, long ReadBytes, TimeSpan Wall)> StartUpAsync(
        BotProcess bot, BotHealth health, string dataFile, CancellationToken cancellationToken)
    {
        await Task.Delay(Settle, cancellationToken);
        await health.WaitUntilFulfilmentIdleAsync(FulfilmentTimeout, cancellationToken);
        await WaitUntilRetentionAdoptedAsync(dataFile, cancellationToken);
        return await WaitUntilQuietAsync(bot.ProcessId, cancellationToken);
    }

    /// <summary>
    /// Waits until the store says a finished scan brought every request to the retention settings and none is under way
    /// (<see cref="SlaSweep.RetentionMark"/>, <see cref="SlaSweep.RetentionProgressMark"/>), read beside the bot.
    /// </summary>
    private static async Task WaitUntilRetentionAdoptedAsync(string dataFile, CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var connection = new SqliteConnectionStringBuilder { DataSource = dataFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        while (true)
        {
            await using (var store = new SqliteConnection(connection))
            {
                await store.OpenAsync(cancellationToken);
                await using var command = store.CreateCommand();
                command.CommandText = "SELECT name, value FROM store_marks WHERE name IN ($adopted, $adopting);";
                command.Parameters.AddWithValue("$adopted", SlaSweep.RetentionMark);
                command.Parameters.AddWithValue("$adopting", SlaSweep.RetentionProgressMark);
                var marks = new Dictionary<string, string>(StringComparer.Ordinal);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    marks[reader.GetString(0)] = reader.GetString(1);
                }

                if (marks.ContainsKey(SlaSweep.RetentionMark) && string.IsNullOrEmpty(marks.GetValueOrDefault(SlaSweep.RetentionProgressMark)))
                {
                    return;
                }
            }

            if (waited.Elapsed > StartUpTimeout)
            {
                throw new TimeoutException($"The bot had not brought the stored requests to the retention settings after {StartUpTimeout.TotalMinutes:0} min.");
            }

            await Task.Delay(QuietWindow, cancellationToken);
        }
    }

    /// <summary>
    /// Waits until the bot wanted at most <see cref="QuietShare"/> of a core over <see cref="QuietWindow"/> (at most
    /// <see cref="StartUpTimeout"/>): its threads' running and waiting for a core (<see cref="ProcessDemand"/>), not its CPU
    /// time alone, which a loaded machine keeps low while the bot still works. Says what it had used since it started: its
    /// CPU time and the bytes it read.
    /// </summary>
    private static async Task<(TimeSpan Cpu, long ReadBytes, TimeSpan Wall)> WaitUntilQuietAsync(int processId, CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var last = ProcessDemand.Read(processId);
        while (waited.Elapsed < StartUpTimeout)
        {
            await Task.Delay(QuietWindow, cancellationToken);
            var now = ProcessDemand.Read(processId);
            if (now - last <= QuietWindow * QuietShare)
            {
                break;
            }

            last = now;
        }

        return (ProcessCpu.Read(processId), ProcessIo.ReadBytes(processId), waited.Elapsed);
    }

    /// <summary>
    /// Seeds once per size into /dev/shm (seeding 100,000 requests takes minutes), and copies the file into the run's folder.
    /// A seed is kept only once complete, so an interrupted one is never reused.
    /// </summary>
    private static async Task<string> SeedAsync(
        string dataFile, BenchOrganisation organisation, IReadOnlyList<Persona> requesters, int count, CancellationToken cancellationToken)
    {
        var cached = Path.Combine(StoreSeeder.FastFolder, $"chatrequests-seed-v1-{count}-{requesters.Count}.db");
        var how = "kept from an earlier run: " + cached;
        if (!File.Exists(cached))
        {
            var seeding = cached + ".seeding";
            File.Delete(seeding);
            var took = await StoreSeeder.SeedAsync(
                seeding, organisation.FilePath, requesters, count, i => FateOf(i, count), DateTimeOffset.UtcNow.AddHours(-1), chats: null, cancellationToken);
            File.Move(seeding, cached);
            how = $"in {took.TotalSeconds:0} s, kept as {cached}";
        }

        File.Copy(cached, dataFile);
        return how;
    }

    private static SeedFate FateOf(int index, int count) =>
        count - index <= OpenRequests
            ? (index % 3) switch { 0 => SeedFate.AwaitingApproval, 1 => SeedFate.Assigned, _ => SeedFate.Fulfilled }
            : (index % 20) switch { 0 => SeedFate.Rejected, 1 => SeedFate.Cancelled, _ => SeedFate.Closed };
}
