namespace ChatRequests.LoadDriver;

/// <summary>Percentiles (nearest rank), mean and max of a set of latencies in milliseconds.</summary>
internal sealed record LatencyStats(int Count, double P50, double P95, double P99, double Mean, double Max)
{
    public static LatencyStats Of(IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            throw new ArgumentException("No latencies were measured.", nameof(milliseconds));
        }

        var sorted = milliseconds.Order().ToArray();
        return new LatencyStats(sorted.Length, Rank(sorted, 50), Rank(sorted, 95), Rank(sorted, 99), sorted.Average(), sorted[^1]);
    }

    private static double Rank(double[] sorted, double percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>One operation measured at one concurrency: latencies and the wall time of the measured part.</summary>
internal sealed record PhaseResult(string Operation, LatencyStats Latency, TimeSpan Wall)
{
    public double Throughput => Latency.Count / Wall.TotalSeconds;
}
