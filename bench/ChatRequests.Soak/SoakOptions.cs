using ChatRequests.Testing;

namespace ChatRequests.Soak;

/// <summary>What a soak runs: how many lifecycles, how many at once, and the faults injected along the way.</summary>
/// <param name="Seed">Chooses the items, the requesters and every fault's moment and kind; printed, so a run can be repeated.</param>
/// <param name="ConnectorFaults">Stretches of failing Bot Connector calls (429 with Retry-After, 5xx, hangs), in turn.</param>
/// <param name="StoreFaults">Moments the SQLite file is made read-only, then writable again.</param>
public sealed record SoakOptions(
    int Lifecycles,
    int Kills,
    int Seed,
    int Concurrency,
    int ConnectorFaults,
    int StoreFaults,
    TimeSpan Timeout)
{
    public const int MaxLifecycles = 100_000;

    public const string Usage =
        "Usage: dotnet run -c Release --project bench/ChatRequests.Soak -- [--lifecycles N (200)] [--kills N (5)] [--seed S (random)] " +
        "[--concurrency N (12)] [--connector-faults N (lifecycles / 20)] [--store-faults N (0)] [--organisation FILE] " +
        "[--timeout SECONDS (1800)] [--bot-log FILE]";

    /// <summary>The organisation the bot reads and the soak's people come from (samples/organisation.json by default).</summary>
    public string Organisation { get; init; } = RepositoryPaths.Samples("organisation.json");

    /// <summary>How long one step of a lifecycle (a submit, a click) may take, retries included, before it counts as stuck.</summary>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Where to write the bot's log and the soak's marks (<see cref="Soak.BotLog"/>), or null to drop them.</summary>
    public string? BotLog { get; init; }

    public static SoakOptions Default(int? seed = null) =>
        new(200, 5, seed ?? Random.Shared.Next(1, int.MaxValue), 12, 10, 0, TimeSpan.FromSeconds(1800));

    public static SoakOptions Parse(IReadOnlyList<string> args)
    {
        var options = Default();
        int? connectorFaults = null;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = CommandLine.Split(args[i]);
            string Value() => inlineValue ?? (i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value."));
            switch (name)
            {
                case "--lifecycles": options = options with { Lifecycles = CommandLine.Number(name, Value(), 1, MaxLifecycles) }; break;
                case "--kills": options = options with { Kills = CommandLine.Number(name, Value(), 0, 1_000) }; break;
                case "--seed": options = options with { Seed = CommandLine.Number(name, Value(), 1, int.MaxValue) }; break;
                case "--concurrency": options = options with { Concurrency = CommandLine.Number(name, Value(), 1, 64) }; break;
                case "--connector-faults": connectorFaults = CommandLine.Number(name, Value(), 0, 10_000); break;
                case "--store-faults": options = options with { StoreFaults = CommandLine.Number(name, Value(), 0, 1_000) }; break;
                case "--organisation": options = options with { Organisation = Path.GetFullPath(Value()) }; break;
                case "--bot-log": options = options with { BotLog = Path.GetFullPath(Value()) }; break;
                case "--timeout": options = options with { Timeout = TimeSpan.FromSeconds(CommandLine.Number(name, Value(), 10, 86_400)) }; break;
                default: throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }

        return options with { ConnectorFaults = connectorFaults ?? Math.Max(1, options.Lifecycles / 20) };
    }
}
