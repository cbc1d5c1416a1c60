using ChatRequests.Composition.Telemetry;
using ChatRequests.Testing;

namespace ChatRequests.LoadDriver;

/// <summary>
/// What to run: counts per turn kind and pass, the concurrency of each pass, and the bot's telemetry: one whole run (a
/// fresh bot, echo bot and connector) per exporter, compared at the end when there are several.
/// </summary>
internal sealed record DriverOptions(int Requests, int Warmup, IReadOnlyList<int> Passes, TimeSpan Timeout, IReadOnlyList<TelemetryExporter> Telemetry)
{
    public const int MaxRequests = 5_000;
    public const int MaxWarmup = 1_000;

    /// <summary>One bench employee (one chat) per worker; the driver writes as many into the bot's organisation.</summary>
    public const int MaxConcurrency = 64;

    public const string Usage =
        "Usage: dotnet run -c Release --project bench/ChatRequests.LoadDriver -- " +
        "[--requests N (1000)] [--warmup N (200)] [--concurrency C,C,... (1,8,64)] [--timeout SECONDS (900)] [--telemetry none,otlp (none)]";

    public static DriverOptions Default { get; } = new(1_000, 200, [1, 8, 64], TimeSpan.FromSeconds(900), [TelemetryExporter.None]);

    /// <summary>The exporters a run can compare: none, and OTLP/HTTP to the driver's own sink (the console would only burn the pipe).</summary>
    private static readonly TelemetryExporter[] Exporters = [TelemetryExporter.None, TelemetryExporter.Otlp];

    public static DriverOptions Parse(IReadOnlyList<string> args)
    {
        var options = Default;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = CommandLine.Split(args[i]);
            string Value() => inlineValue ?? (i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value."));
            options = name switch
            {
                "--requests" => options with { Requests = CommandLine.Number(name, Value(), 1, MaxRequests) },
                "--warmup" => options with { Warmup = CommandLine.Number(name, Value(), 0, MaxWarmup) },
                "--concurrency" => options with { Passes = [.. Value().Split(',').Select(c => CommandLine.Number(name, c.Trim(), 1, MaxConcurrency))] },
                "--timeout" => options with { Timeout = TimeSpan.FromSeconds(CommandLine.Number(name, Value(), 10, 3_600)) },
                "--telemetry" => options with { Telemetry = [.. Value().Split(',').Select(e => Exporter(name, e.Trim())).Distinct()] },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
            };
        }

        return options;
    }

    private static TelemetryExporter Exporter(string name, string text) =>
        Exporters.Where(e => e.ToString().Equals(text, StringComparison.OrdinalIgnoreCase)).Cast<TelemetryExporter?>().FirstOrDefault()
        ?? throw new ArgumentException($"{name} takes {string.Join(", ", Exporters.Select(e => e.ToString().ToLowerInvariant()))}, not '{text}'.");
}
