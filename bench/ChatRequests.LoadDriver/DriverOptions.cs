using ChatRequests.Composition.Telemetry;
using ChatRequests.Testing;

namespace ChatRequests.LoadDriver;

/// <summary>Which measurement a run makes.</summary>
internal enum Scenario
{
    /// <summary>Each turn kind apart, against the echo bot (the default).</summary>
    Turns,
    /// <summary>Whole lifecycles (submit to confirm) at once, against as many echo turns (<c>--lifecycles N</c>).</summary>
    Lifecycles,
    /// <summary>Product notices to many chats through a connector that enforces Teams' limits (<c>--notifications N</c>).</summary>
    Notifications,
    /// <summary>The bot's memory on a store seeded with many requests, against its idle memory on an empty one (<c>--memory N</c>).</summary>
    Memory,
}

/// <summary>
/// What to run: counts per turn kind and pass, the concurrency of each pass, and the bot's telemetry: one whole run (a
/// fresh bot, echo bot and connector) per exporter, compared at the end when there are several; or one of the other scenarios.
/// </summary>
internal sealed record DriverOptions(int Requests, int Warmup, IReadOnlyList<int> Passes, TimeSpan Timeout, IReadOnlyList<TelemetryExporter> Telemetry)
{
    public const int MaxRequests = 5_000;
    public const int MaxWarmup = 1_000;

    /// <summary>One bench employee (one chat) per worker; the driver writes as many into the bot's organisation.</summary>
    public const int MaxConcurrency = 64;

    public const int MaxLifecycles = 20_000;
    public const int MaxNotifications = 10_000;
    public const int MaxStoredRequests = 1_000_000;
    public const int MaxRounds = 20;

    public const string Usage =
        "Usage: dotnet run -c Release --project bench/ChatRequests.LoadDriver -- " +
        "[--requests N (1000)] [--warmup N (200)] [--concurrency C,C,... (1,8,64)] [--timeout SECONDS (900)] [--telemetry none,otlp (none)]\n" +
        "   or: ... -- --lifecycles N [--warmup N] [--concurrency C,C,...] [--rounds R (1)]\n" +
        "                                                                     whole lifecycles, submit to confirm; R windows of N in a row\n" +
        "   or: ... -- --notifications N [--conversations K (100)]              N notices to K chats under Teams' limits\n" +
        "   or: ... -- --memory N                                               memory with N stored requests\n" +
        "   any of them with --bot Section:Key=Value (repeatable): a setting for the bot, after the run's own,\n" +
        "   --bot-env NAME=VALUE (repeatable): an environment variable of the bot's process only (runtime settings: DOTNET_TieredPGO=0),\n" +
        "   and --bot-build build|readytorun (build): the bot's build output, or published with ReadyToRun code";

    public Scenario Scenario { get; init; } = Scenario.Turns;

    /// <summary>Lifecycles, notifications or stored requests, by <see cref="Scenario"/>.</summary>
    public int Count { get; init; }

    /// <summary>Configuration added to the bot's command line last (<c>--bot Fulfilment:MaxParallelRequests=16</c>), to try a setting.</summary>
    public IReadOnlyList<string> BotSettings { get; init; } = [];

    /// <summary>Environment variables of the bot's process only (<c>--bot-env DOTNET_gcServer=0</c>), to try a runtime setting against the same echo bot.</summary>
    public IReadOnlyDictionary<string, string> BotEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>Measured windows of <see cref="Count"/> lifecycles one after another on the same bots (<c>--rounds</c>).</summary>
    public int Rounds { get; init; } = 1;

    /// <summary>Which bot runs: the build output (the default) or a ReadyToRun publish.</summary>
    public BotBuild BotBuild { get; init; } = BotBuild.Build;

    /// <summary>The bot's entry assembly, once <see cref="BotBuild"/> is resolved (published if need be) at the start of the run.</summary>
    public string? BotAssembly { get; init; }

    /// <summary>The chats the notifications go to.</summary>
    public int Conversations { get; init; } = 100;

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
                "--lifecycles" => options with { Scenario = Scenario.Lifecycles, Count = CommandLine.Number(name, Value(), 1, MaxLifecycles) },
                "--notifications" => options with { Scenario = Scenario.Notifications, Count = CommandLine.Number(name, Value(), 1, MaxNotifications) },
                "--bot" => options with { BotSettings = [.. options.BotSettings, "--" + Value()] },
                "--bot-build" => options with { BotBuild = Build(name, Value()) },
                "--bot-env" => options with { BotEnvironment = WithVariable(options.BotEnvironment, name, Value()) },
                "--rounds" => options with { Rounds = CommandLine.Number(name, Value(), 1, MaxRounds) },
                "--conversations" => options with { Conversations = CommandLine.Number(name, Value(), 1, 1_000) },
                "--memory" => options with { Scenario = Scenario.Memory, Count = CommandLine.Number(name, Value(), 1, MaxStoredRequests) },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
            };
        }

        return options;
    }

    private static Dictionary<string, string> WithVariable(IReadOnlyDictionary<string, string> variables, string name, string text) =>
        text.Split('=', 2) is [{ Length: > 0 } variable, var value]
            ? new Dictionary<string, string>(variables) { [variable] = value }
            : throw new ArgumentException($"{name} takes NAME=VALUE, not '{text}'.");

    private static BotBuild Build(string name, string text) =>
        Enum.TryParse<BotBuild>(text, ignoreCase: true, out var build) && Enum.IsDefined(build)
            ? build
            : throw new ArgumentException($"{name} takes build or readytorun, not '{text}'.");

    private static TelemetryExporter Exporter(string name, string text) =>
        Exporters.Where(e => e.ToString().Equals(text, StringComparison.OrdinalIgnoreCase)).Cast<TelemetryExporter?>().FirstOrDefault()
        ?? throw new ArgumentException($"{name} takes {string.Join(", ", Exporters.Select(e => e.ToString().ToLowerInvariant()))}, not '{text}'.");
}
