namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// The item sentences whose item the words do not rank first (<c>--rank-probe</c>): how many the words rank first, among the
/// first three and at all, per catalog; with <c>--failures</c>, where each stands and what is above it (never a
/// development set's check part).
/// </summary>
internal static class RankProbe
{
    public static void Run(string part, IReadOnlyList<ReadUtterance> reads, bool list)
    {
        var ranked = reads.Where(r => r.Utterance.Expect.StartsWith("item:", StringComparison.Ordinal)).ToList();
        Console.WriteLine($"{part}: the words rank the item asked for first in {ranked.Count(r => r.TopIsRight)} of {ranked.Count}, among the first three in {ranked.Count(r => r.Reading.Ranked.Take(3).Any(r.IsAskedFor))}, at all in {ranked.Count(r => r.Reading.Ranked.Any(r.IsAskedFor))}");
        foreach (var group in ranked.GroupBy(r => r.Set.Name))
        {
            Console.WriteLine($"  {group.Key}: first {group.Count(r => r.TopIsRight)} of {group.Count()}");
        }

        if (!list)
        {
            return;
        }

        foreach (var r in ranked.Where(r => !r.TopIsRight && !FitOnMore.IsCheck(r.Set)))
        {
            var at = r.Reading.Ranked.ToList().FindIndex(s => r.IsAskedFor(s));
            var own = at < 0 ? "unranked" : $"#{at + 1} {r.Reading.Ranked[at].Score:0.0}";
            var above = string.Join(", ", r.Reading.Ranked.Take(Math.Min(3, at < 0 ? 3 : at)).Select(s => $"{r.Reading.Index.Items[s.Index].Id} {s.Score:0.0}"));
            Console.WriteLine($"    [{r.Set.Name}] \"{r.Utterance.Text}\" {r.Utterance.Expect} {own}; above: {above}");
        }
    }
}
