using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using ChatRequests.Composition.Telemetry;
using ChatRequests.Core.Telemetry;

namespace ChatRequests.LoadDriver;

/// <summary>Memory of one process at the start of the run (idle, after start-up) and at the end.</summary>
internal sealed record MemoryFigures(string Process, int ProcessId, ProcessMemory AtStart, ProcessMemory AtEnd);

/// <summary>One whole run with the bot's telemetry as <see cref="Exporter"/>: its passes, and what the OTLP sink received.</summary>
/// <param name="BotTurns">Every turn the bot served in the run (warm-up included), to put the exported spans in proportion.</param>
internal sealed record TelemetryRun(TelemetryExporter Exporter, IReadOnlyList<PassResult> Passes, OtlpReceived? Received, int BotTurns);

/// <summary>Prints what was run where, the latency tables with ratios to the echo baseline, and memory.</summary>
internal static class Report
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Header(DriverOptions options, int employees, string botAssembly, string pinning, string loadAverage, string telemetry)
    {
        Line("ChatRequests load run");
        Line($"  machine     {Environment.ProcessorCount} cores ({CpuModel()}), {RuntimeInformation.OSDescription}; load average before the run {loadAverage}");
        Line($"  runtime     {RuntimeInformation.FrameworkDescription}; GC: bot {GcMode(botAssembly)}, echo bot and driver {(GCSettings.IsServerGC ? "server" : "workstation")}; driver built {BuildConfiguration}");
        Line($"  bot         {botAssembly}");
        BotEnvironment(options);
        Line("  baseline    echo bot: this driver in --echo-bot mode, same host stack and connector client (AddBotConnector), no store, no cards");
        Line($"  cores       {pinning}");
        Line(options.Scenario == Scenario.Lifecycles
            ? $"  runs        {options.Warmup} warmup + {options.Count} measured lifecycles per pass; passes at concurrency {string.Join(", ", options.Passes)}, each worker one employee, their manager and an agent"
            : $"  runs        {options.Warmup} warmup + {options.Requests} measured per turn kind and pass; passes at concurrency {string.Join(", ", options.Passes)}, over {employees} employees (one chat each)");
        Line($"  limits      Teams rate limits of the connector client (7/s per conversation, 50/s per tenant...) raised to {BenchSettings.RaisedPermitLimit:N0} per window for BOTH bots,");
        Line("              so the figures measure our code, not the Teams throttle");
        Line("  latency     Stopwatch around POST /api/messages until the response; for messages it includes the bot's reply through the connector");
        Line($"  cpu         utime+stime of the bot's process (/proc/<pid>/stat, all threads) over the measured turns / turns; in {1000 / ProcessCpu.TicksPerSecond} ms ticks,");
        Line($"              so good to about {1e6 / ProcessCpu.TicksPerSecond / options.Requests:0} us per turn; after: until the bot's fulfilment worker is idle again / turns");
        Line($"  telemetry   bot: {telemetry}; echo bot: none");
        Line("  settings    bot: fulfilment polls every 1 s (production default) and is woken by each click; both bots log at Warning;");
        Line("              all on loopback; the fake Teams connector and the clients run in this driver process");
        if (BuildConfiguration != "Release")
        {
            Line("  WARNING     not a Release build: run with -c Release for figures worth comparing");
        }

        Line("");
    }

    public static void Pass(PassResult pass)
    {
        const string Row = "  {0,-24} {1,5} {2,7} {3,7} {4,7} {5,7} {6,6} {7,8} {8,8} {9,7} {10,7} {11,6} {12,6}";
        Line($"Concurrency {pass.Concurrency}");
        Line(string.Format(Invariant, Row, "", "", "latency", "(ms)", "", "", "", "cpu", "(us/turn)", "", "cpu after", "busy", "(%)"));
        Line(string.Format(Invariant, Row, "turn kind", "n", "p50", "p95", "p99", "max", "ops/s", "bot", "echo", "/ echo", "us/turn", "bot", "driver"));
        foreach (var kind in TurnKind.ReportOrder)
        {
            if (pass.Phases.SingleOrDefault(p => p.Kind == kind) is not { } phase)
            {
                continue;
            }

            var baseline = pass.Phases.Single(p => p.Kind == kind.Baseline);
            var s = phase.Latency;
            Line(string.Format(Invariant, Row,
                kind.Name, s.Count, Ms(s.P50), Ms(s.P95), Ms(s.P99), Ms(s.Max), phase.Throughput.ToString("0", Invariant),
                phase.CpuMicrosecondsPerTurn.ToString("0", Invariant),
                baseline.CpuMicrosecondsPerTurn.ToString("0", Invariant),
                kind.IsEcho ? "base" : (phase.CpuMicrosecondsPerTurn / baseline.CpuMicrosecondsPerTurn).ToString("0.0", Invariant) + "x",
                kind.IsEcho ? "" : phase.FulfilmentMicrosecondsPerTurn.ToString("0", Invariant),
                (phase.BotCoreBusy * 100).ToString("0", Invariant),
                (phase.DriverCoreBusy * 100).ToString("0", Invariant)));
        }

        var e2e = pass.SubmitToApprovalCard;
        Line(string.Format(Invariant, "  submit -> approval card at the connector (fulfilment worker, end to end): p50 {0:0.0} ms, p95 {1:0.0} ms, max {2:0.0} ms (n={3})",
            e2e.P50, e2e.P95, e2e.Max, e2e.Count));
        Line("");
    }

    public static void Lifecycles(LifecycleResult r)
    {
        var botUs = r.BotCpu.TotalMicroseconds / r.Count;
        var afterUs = r.BotCpuAfter.TotalMicroseconds / r.Count;
        var echoUs = r.EchoCpu.TotalMicroseconds / r.Count;
        var l = r.Lifecycle;
        Line($"Lifecycles at concurrency {r.Concurrency} (\"I need a new laptop\", submit, approve, assign, resolve, confirm; done when the team card shows Closed)");
        Line(string.Format(Invariant, "  {0:N0} lifecycles in {1:0.0} s: {2:0.0} lifecycles/s", r.Count, r.Wall.TotalSeconds, r.PerSecond));
        Line(string.Format(Invariant, "  lifecycle  p50 {0} ms, p95 {1} ms, p99 {2} ms, max {3} ms", Ms(l.P50), Ms(l.P95), Ms(l.P99), Ms(l.Max)));
        Line(string.Format(Invariant, "  cpu        bot {0:0} us per lifecycle during the run (+ {1:0} us after it, until fulfilment was idle); bot core busy {2:0}%, driver core {3:0}%",
            botUs, afterUs, r.BotCpu / r.Wall * 100, r.DriverCpu / r.Wall * 100));
        Line(string.Format(Invariant, "  echo bot   {0:0} us for the same {1} message + {2} clicks per lifecycle ({3:0} lifecycles' worth/s); bot / echo {4:0.0}x",
            echoUs, LifecycleResult.MessagesPerLifecycle, LifecycleResult.ClicksPerLifecycle, r.Count / r.EchoWall.TotalSeconds, (botUs + afterUs) / echoUs));
        Line(string.Format(Invariant, "  so one core of this machine gives at most {0:0} lifecycles/s to the bot at this CPU per lifecycle (two: {1:0})",
            1e6 / (botUs + afterUs), 2e6 / (botUs + afterUs)));
        var c = r.Calls;
        Line(string.Format(Invariant, "  connector  {0:0.00} calls per lifecycle: {1:0.00} posts, {2:0.00} threads, {3:0.00} replies, {4:0.00} updates ({5:0.00} of them showing what the message showed)",
            (double)c.Total / r.Count, (double)c.Posts / r.Count, (double)c.Threads / r.Count, (double)c.Replies / r.Count, (double)c.Updates / r.Count,
            (double)c.UnchangedUpdates / r.Count));
        Line(string.Format(Invariant, "  files      {0:0.0} KiB per lifecycle written by the bot (write_bytes: the SQLite file and its log)", r.FileBytesWritten / 1024.0 / r.Count));
        if (r.StoreWork is { } w)
        {
            double Per(string name) => (double)w.GetValueOrDefault(name) / r.Count;
            Line(string.Format(Invariant,
                "  store      per lifecycle: {0:0.00} request documents read ({1:0.0} KiB), {2:0.00} written ({3:0.0} KiB); {4:0.00} writes in {5:0.00} commits; {6:0.0} KiB appended to the log",
                Per(TelemetryNames.Instruments.StoreDocumentsRead), Per(TelemetryNames.Instruments.StoreDocumentBytesRead) / 1024,
                Per(TelemetryNames.Instruments.StoreDocumentsWritten), Per(TelemetryNames.Instruments.StoreDocumentBytesWritten) / 1024,
                Per(TelemetryNames.Instruments.StoreWrites), Per(TelemetryNames.Instruments.StoreCommits), Per(TelemetryNames.Instruments.StoreWalBytes) / 1024));
            Line(string.Format(Invariant,
                "  work       per lifecycle: {0:0.00} saves refused (version moved on); {1:0.00} unchanged updates not sent, {2:0.00} of them built first; {3:0.0} KiB allocated by the bot ({4:0.0} KiB in the window less {5:0.0} KiB idle for as long)",
                Per(TelemetryNames.Instruments.StoreSaveConflicts),
                Per(TelemetryNames.Instruments.UnchangedUpdatesBuilt) + Per(TelemetryNames.Instruments.UnchangedUpdatesNotBuilt), Per(TelemetryNames.Instruments.UnchangedUpdatesBuilt),
                (Per(TelemetryNames.Instruments.ProcessAllocatedBytes) - (double)r.IdleAllocatedBytes.GetValueOrDefault() / r.Count) / 1024,
                Per(TelemetryNames.Instruments.ProcessAllocatedBytes) / 1024, (double)r.IdleAllocatedBytes.GetValueOrDefault() / r.Count / 1024));
        }
        else
        {
            Line("  store      (the store's counters need --telemetry otlp: documents read and written, writes, commits, bytes of the log)");
        }

        Line("");
    }

    public static void Memory(IEnumerable<MemoryFigures> processes)
    {
        Line("Memory (MiB, from /proc/<pid>/status: VmRSS = working set, VmHWM = peak working set)");
        Line(string.Format(Invariant, "  {0,-36} {1,8} {2,14} {3,14} {4,14}", "process", "pid", "RSS at start", "RSS at end", "peak RSS"));
        foreach (var p in processes)
        {
            Line(string.Format(Invariant, "  {0,-36} {1,8} {2,14:0.0} {3,14:0.0} {4,14:0.0}",
                p.Process, p.ProcessId, p.AtStart.WorkingSetMiB, p.AtEnd.WorkingSetMiB, p.AtEnd.PeakWorkingSetMiB));
        }

        Line("");
    }

    /// <summary>What the bot exported to the OTLP sink over the whole run: proof the exporter ran, and its volume.</summary>
    public static void Exported(TelemetryRun run)
    {
        var received = run.Received!;
        Line(string.Format(Invariant,
            "OTLP sink received: {0:N0} spans in {1:N0} exports ({2:N1} MiB), {3:N0} metric streams in {4:N0} exports ({5:N1} MiB); the bot served {6:N0} turns (plus /status polls, which are traced too)",
            received.Traces.Items, received.Traces.Exports, received.Traces.Bytes / 1048576.0,
            received.Metrics.Items, received.Metrics.Exports, received.Metrics.Bytes / 1048576.0, run.BotTurns));
    }

    /// <summary>
    /// The bot with each telemetry setting side by side, per pass and turn kind: latency and CPU per turn, each run's echo
    /// bot, and the ratios (the bot with telemetry to the bot without, each to the echo bot of its own run).
    /// </summary>
    public static void Telemetry(IReadOnlyList<TelemetryRun> runs)
    {
        var off = runs.Single(r => r.Exporter == TelemetryExporter.None);
        var on = runs.Single(r => r.Exporter != TelemetryExporter.None);
        const string Row = "  {0,-24} {1,7} {2,7} {3,6}  {4,7} {5,7} {6,6}  {7,8} {8,6} {9,8} {10,6} {11,8} {12,7} {13,6}  {14,6} {15,6}";
        Line($"Telemetry on a whole turn: the bot with {on.Exporter} ('on') and without ('off'); each run has its own echo bot ('echo off', 'echo on')");
        foreach (var offPass in off.Passes)
        {
            var onPass = on.Passes.Single(p => p.Concurrency == offPass.Concurrency);
            Line($"Concurrency {offPass.Concurrency}");
            Line(string.Format(Invariant, Row, "", "p50", "(ms)", "", "p95", "(ms)", "", "cpu", "(us/turn)", "", "", "", "", "", "after", "(us)"));
            Line(string.Format(Invariant, Row, "turn kind", "off", "on", "on/off", "off", "on", "on/off",
                "echo off", "off", "echo on", "on", "off/echo", "on/echo", "on/off", "off", "on"));
            foreach (var kind in TurnKind.ReportOrder.Where(k => !k.IsEcho))
            {
                var (a, b) = (offPass.Phases.Single(p => p.Kind == kind), onPass.Phases.Single(p => p.Kind == kind));
                var (echoOff, echoOn) = (offPass.Phases.Single(p => p.Kind == kind.Baseline), onPass.Phases.Single(p => p.Kind == kind.Baseline));
                Line(string.Format(Invariant, Row,
                    kind.Name, Ms(a.Latency.P50), Ms(b.Latency.P50), Ratio(b.Latency.P50, a.Latency.P50),
                    Ms(a.Latency.P95), Ms(b.Latency.P95), Ratio(b.Latency.P95, a.Latency.P95),
                    Us(echoOff.CpuMicrosecondsPerTurn), Us(a.CpuMicrosecondsPerTurn), Us(echoOn.CpuMicrosecondsPerTurn), Us(b.CpuMicrosecondsPerTurn),
                    Ratio(a.CpuMicrosecondsPerTurn, echoOff.CpuMicrosecondsPerTurn), Ratio(b.CpuMicrosecondsPerTurn, echoOn.CpuMicrosecondsPerTurn),
                    Ratio(b.CpuMicrosecondsPerTurn, a.CpuMicrosecondsPerTurn),
                    Us(a.FulfilmentMicrosecondsPerTurn), Us(b.FulfilmentMicrosecondsPerTurn)));
            }

            Line("");
        }
    }

    public static void Line(string text) => Console.WriteLine(text);

    /// <summary>
    /// On stderr, as each turn kind is done: which process served it, and from when to when the measured turns ran, in
    /// seconds of CLOCK_MONOTONIC, so a profile (perf record -k CLOCK_MONOTONIC, see bench/profile.sh) can be cut per kind.
    /// </summary>
    public static void Progress(TurnKind kind, int concurrency, int processId, long startedAt, long endedAt) =>
        Progress(kind.Name, concurrency, processId, startedAt, endedAt);

    /// <summary>The same for a measured window that is not one turn kind (the lifecycles).</summary>
    public static void Progress(string what, int concurrency, int processId, long startedAt, long endedAt) =>
        Console.Error.WriteLine(string.Format(Invariant, "measured\t{0}\t{1}\t{2}\t{3:0.000000}\t{4:0.000000}",
            concurrency, what, processId, Seconds(startedAt), Seconds(endedAt)));

    private static double Seconds(long stopwatchTimestamp) => (double)stopwatchTimestamp / System.Diagnostics.Stopwatch.Frequency;

    private static string Us(double microseconds) => microseconds.ToString("0", Invariant);

    private static string Ratio(double value, double baseline) => baseline > 0 ? (value / baseline).ToString("0.00", Invariant) + "x" : "-";

    private static string Ms(double milliseconds) => milliseconds.ToString(milliseconds < 100 ? "0.00" : "0.0", Invariant);

    /// <summary>The <c>--bot-env</c> variables, when there are any.</summary>
    public static void BotEnvironment(DriverOptions options)
    {
        if (options.BotEnvironment.Count > 0)
        {
            Line($"  bot env     {string.Join(" ", options.BotEnvironment.Select(v => $"{v.Key}={v.Value}"))} (the bot's process only; the echo bot has none of it)");
        }
    }

    /// <summary>The GC mode an app's runtimeconfig.json asks for (the Web SDK asks for server GC).</summary>
    private static string GcMode(string assembly)
    {
        var config = Path.ChangeExtension(assembly, ".runtimeconfig.json");
        var server = File.Exists(config)
            && JsonNode.Parse(File.ReadAllText(config))?["runtimeOptions"]?["configProperties"]?["System.GC.Server"]?.GetValue<bool>() == true;
        return server ? "server" : "workstation";
    }

    /// <summary>The 1, 5 and 15 minute load averages: other work on the machine skews every figure.</summary>
    public static string LoadAverage()
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

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?[(line.IndexOf(':') + 1)..].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }

    private static readonly string BuildConfiguration =
#if DEBUG
        "Debug";
#else
        "Release";
#endif
}
