using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace ChatRequests.LoadDriver;

/// <summary>Memory of one process at the start of the run (idle, after start-up) and at the end.</summary>
internal sealed record MemoryFigures(string Process, int ProcessId, ProcessMemory AtStart, ProcessMemory AtEnd);

/// <summary>Prints what was run where, the latency tables with ratios to the echo baseline, and memory.</summary>
internal static class Report
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Header(DriverOptions options, int employees, string botAssembly)
    {
        Line("ChatRequests load run");
        Line($"  machine     {Environment.ProcessorCount} cores ({CpuModel()}), {RuntimeInformation.OSDescription}; load average before the run {LoadAverage()}");
        Line($"  runtime     {RuntimeInformation.FrameworkDescription}; GC: bot {GcMode(botAssembly)}, echo bot and driver {(GCSettings.IsServerGC ? "server" : "workstation")}; driver built {BuildConfiguration}");
        Line($"  bot         {botAssembly}");
        Line("  baseline    echo bot: this driver in --echo-bot mode, same host stack and connector client (AddBotConnector), no store, no cards");
        Line($"  runs        {options.Warmup} warmup + {options.Requests} measured per operation and pass; passes at concurrency {string.Join(" and ", options.Passes)}, over {employees} employees (one chat each)");
        Line($"  limits      Teams rate limits of the connector client (7/s per conversation, 50/s per tenant...) raised to {BenchSettings.RaisedPermitLimit:N0} per window for BOTH bots,");
        Line("              so the figures measure our code, not the Teams throttle");
        Line("  latency     Stopwatch around POST /api/messages until the response; for messages it includes the bot's reply through the connector");
        Line("  settings    bot: fulfilment polls every 1 s (production default) and is woken by each click; both bots log at Warning;");
        Line("              all on loopback; the fake Teams connector and the clients run in this driver process, on the same cores");
        if (BuildConfiguration != "Release")
        {
            Line("  WARNING     not a Release build: run with -c Release for figures worth comparing");
        }

        Line("");
    }

    public static void Pass(PassResult pass)
    {
        Line($"Concurrency {pass.Concurrency}");
        Line(string.Format(Invariant, "  {0,-28} {1,5} {2,8} {3,8} {4,8} {5,8} {6,8} {7,8} {8,11} {9,11}",
            "operation (ms)", "n", "p50", "p95", "p99", "mean", "max", "ops/s", "p50 / echo", "p95 / echo"));
        foreach (var phase in pass.Phases.OrderBy(p => p.Operation, StringComparer.Ordinal))
        {
            var baseline = Baseline(pass, phase);
            var s = phase.Latency;
            Line(string.Format(Invariant, "  {0,-28} {1,5} {2,8:0.00} {3,8:0.00} {4,8:0.00} {5,8:0.00} {6,8:0.00} {7,8:0} {8,11} {9,11}",
                phase.Operation, s.Count, s.P50, s.P95, s.P99, s.Mean, s.Max, phase.Throughput,
                Ratio(s.P50, baseline.Latency.P50, phase == baseline), Ratio(s.P95, baseline.Latency.P95, phase == baseline)));
        }

        var e2e = pass.SubmitToApprovalCard;
        Line(string.Format(Invariant, "  submit -> approval card at the connector (fulfilment worker, end to end): p50 {0:0.0} ms, p95 {1:0.0} ms, max {2:0.0} ms (n={3})",
            e2e.P50, e2e.P95, e2e.Max, e2e.Count));
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

    public static void Line(string text) => Console.WriteLine(text);

    /// <summary>Messages are compared with the echo message, invokes with the echo invoke.</summary>
    private static PhaseResult Baseline(PassResult pass, PhaseResult phase)
    {
        var isInvoke = phase.Operation is BenchPass.Submit or BenchPass.Approve or BenchPass.EchoInvoke;
        return pass.Phases.Single(p => p.Operation == (isInvoke ? BenchPass.EchoInvoke : BenchPass.EchoMessage));
    }

    private static string Ratio(double value, double baseline, bool isBaseline) =>
        isBaseline ? "baseline" : (value / baseline).ToString("0.0", Invariant) + "x";

    /// <summary>The GC mode an app's runtimeconfig.json asks for (the Web SDK asks for server GC).</summary>
    private static string GcMode(string assembly)
    {
        var config = Path.ChangeExtension(assembly, ".runtimeconfig.json");
        var server = File.Exists(config)
            && JsonNode.Parse(File.ReadAllText(config))?["runtimeOptions"]?["configProperties"]?["System.GC.Server"]?.GetValue<bool>() == true;
        return server ? "server" : "workstation";
    }

    /// <summary>The 1, 5 and 15 minute load averages: other work on the machine skews every figure.</summary>
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
