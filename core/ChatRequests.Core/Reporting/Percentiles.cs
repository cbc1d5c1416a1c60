namespace ChatRequests.Core.Reporting;

/// <summary>Medians and 90th percentiles by the nearest-rank method: the value at rank ⌈p/100 × n⌉ of the sorted list, always one of the values.</summary>
public static class Percentiles
{
    public static Durations Of(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? Durations.None : new Durations(sorted.Count, NearestRank(sorted, 50), NearestRank(sorted, 90));
    }

    public static TimeSpan NearestRank(IReadOnlyList<TimeSpan> sorted, int percent)
    {
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
