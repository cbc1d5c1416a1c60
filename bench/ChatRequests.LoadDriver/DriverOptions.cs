using System.Globalization;

namespace ChatRequests.LoadDriver;

/// <summary>What to run: counts per operation and the concurrency of the first pass (a second pass runs at 8).</summary>
internal sealed record DriverOptions(int Requests, int Warmup, int Concurrency, TimeSpan Timeout)
{
    public const int SecondPassConcurrency = 8;
    public const int MaxRequests = 5_000;
    public const int MaxWarmup = 1_000;
    public const int MaxConcurrency = 11; // one employee (conversation) per worker; samples/organisation.json has 11 that fit

    public const string Usage =
        "Usage: dotnet run -c Release --project bench/ChatRequests.LoadDriver -- " +
        "[--requests N (200)] [--warmup N (20)] [--concurrency C (1; a second pass runs at 8)] [--timeout SECONDS (300)]";

    /// <summary>The concurrency of each pass, in order.</summary>
    public IReadOnlyList<int> Passes => Concurrency == SecondPassConcurrency ? [Concurrency] : [Concurrency, SecondPassConcurrency];

    public static DriverOptions Parse(IReadOnlyList<string> args)
    {
        var options = new DriverOptions(200, 20, 1, TimeSpan.FromSeconds(300));
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            string Value() => inlineValue ?? (i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value."));
            options = name switch
            {
                "--requests" => options with { Requests = Number(name, Value(), 1, MaxRequests) },
                "--warmup" => options with { Warmup = Number(name, Value(), 0, MaxWarmup) },
                "--concurrency" => options with { Concurrency = Number(name, Value(), 1, MaxConcurrency) },
                "--timeout" => options with { Timeout = TimeSpan.FromSeconds(Number(name, Value(), 10, 3_600)) },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
            };
        }

        return options;
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=');
        return equals < 0 ? (arg, null) : (arg[..equals], arg[(equals + 1)..]);
    }

    private static int Number(string name, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"{name} must be a whole number from {min} to {max}, not '{text}'.");
}
