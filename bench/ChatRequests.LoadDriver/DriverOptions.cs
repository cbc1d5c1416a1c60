using ChatRequests.Testing;

namespace ChatRequests.LoadDriver;

/// <summary>What to run: counts per turn kind and pass, and the concurrency of each pass.</summary>
internal sealed record DriverOptions(int Requests, int Warmup, IReadOnlyList<int> Passes, TimeSpan Timeout)
{
    public const int MaxRequests = 5_000;
    public const int MaxWarmup = 1_000;

    /// <summary>One bench employee (one chat) per worker; the driver writes as many into the bot's organisation.</summary>
    public const int MaxConcurrency = 64;

    public const string Usage =
        "Usage: dotnet run -c Release --project bench/ChatRequests.LoadDriver -- " +
        "[--requests N (1000)] [--warmup N (200)] [--concurrency C,C,... (1,8,64)] [--timeout SECONDS (900)]";

    public static DriverOptions Default { get; } = new(1_000, 200, [1, 8, 64], TimeSpan.FromSeconds(900));

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
                _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
            };
        }

        return options;
    }
}
