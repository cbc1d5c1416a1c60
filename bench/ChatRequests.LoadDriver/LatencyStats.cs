namespace ChatRequests.LoadDriver;

/// <summary>Percentiles (nearest rank) and max of a set of latencies in milliseconds.</summary>
internal sealed record LatencyStats(int Count, double P50, double P95, double P99, double Max)
{
    public static LatencyStats Of(IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            throw new ArgumentException("No latencies were measured.", nameof(milliseconds));
        }

        var sorted = milliseconds.Order().ToArray();
        return new LatencyStats(sorted.Length, Rank(sorted, 50), Rank(sorted, 95), Rank(sorted, 99), sorted[^1]);
    }

    private static double Rank(double[] sorted, double percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>
/// One turn kind measured at one concurrency: latencies, the wall time of the measured part, the CPU time the bot
/// under test used meanwhile and, after it, until its fulfilment worker was idle again (what the turns left for
/// later), and the driver's CPU time meanwhile.
/// </summary>
internal sealed record PhaseResult(TurnKind Kind, LatencyStats Latency, TimeSpan Wall, TimeSpan Cpu, TimeSpan FulfilmentCpu, TimeSpan DriverCpu)
{
    /// <summary>Bytes the bot read during the measured turns (<see cref="ProcessIo"/>), and after them until its fulfilment was idle.</summary>
    public (long Turns, long Fulfilment) ReadBytes { get; init; }

    public double ReadKiBPerTurn => ReadBytes.Turns / 1024.0 / Latency.Count;

    public double FulfilmentReadKiBPerTurn => ReadBytes.Fulfilment / 1024.0 / Latency.Count;

    public double Throughput => Latency.Count / Wall.TotalSeconds;

    public double CpuMicrosecondsPerTurn => Cpu.TotalMicroseconds / Latency.Count;

    public double FulfilmentMicrosecondsPerTurn => FulfilmentCpu.TotalMicroseconds / Latency.Count;

    /// <summary>How busy the bot's core was during the measured turns (its CPU time over the wall time).</summary>
    public double BotCoreBusy => Cpu / Wall;

    /// <summary>How busy the driver was: near 100 % of its one core, the latencies are the driver's, not the bot's.</summary>
    public double DriverCoreBusy => DriverCpu / Wall;
}
