namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// The area under the ROC curve of a score: the chance that a case that should score high scores above one that should
/// score low, ties counting half. The probes' one way of saying how well a score separates two kinds of sentence.
/// </summary>
internal static class RocArea
{
    public static double Of(IReadOnlyCollection<double> high, IReadOnlyCollection<double> low) =>
        high.Sum(h => low.Count(l => l < h) + (0.5 * low.Count(l => l == h))) / Math.Max(1, (double)high.Count * low.Count);

    public static double Of(IEnumerable<float> high, IEnumerable<float> low) =>
        Of([.. high.Select(h => (double)h)], [.. low.Select(l => (double)l)]);
}
