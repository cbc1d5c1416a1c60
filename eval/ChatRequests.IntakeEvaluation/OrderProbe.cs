using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// Where the words' ranking and the meaning's put different items first (ADR 0073): how often, and then whether the
/// words' first, the meaning's first, the judged first or none of them is the item asked for, beside what the message got
/// (a right form, a wrong form, the item among the choices, not reached), split by signals any catalog has: the words'
/// margin, the cosine margin, whether the words' first is named by a name word, the words' coverage of the message.
/// Each message is decided by the calibration given for its set (leave-one-catalog-out, or the stored one on catalogs it
/// never saw). Only tallies are printed.
/// </summary>
internal static class OrderProbe
{
    public static void Run(string title, IEnumerable<(ReadUtterance Read, MatchCalibration Calibration)> decided)
    {
        var tally = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var (r, calibration) in decided)
        {
            if (r.Reading.Cosines is not { } cosines || !r.Weighed || !r.Utterance.Expect.StartsWith("item:", StringComparison.Ordinal))
            {
                continue;
            }

            var ranked = r.Reading.Ranked;
            var words = ranked.Count > 0 && ranked[0].Score >= MatchDecision.MinScore ? ranked[0] : null;
            var nearest = Enumerable.Range(0, cosines.Length).OrderByDescending(i => cosines[i]).ThenBy(i => i).ToList();
            var judged = SentenceLead.Judged(ranked, r.Reading.QueryTerms, cosines, calibration);
            var meaning = r.Decide(calibration, led: true);
            var agree = words is null ? "no words" : words.Index == nearest[0] ? "agree" : "disagree";
            var right = words is not null && r.IsAskedFor(words) ? "W" : "-";
            right += r.Utterance.Expect == $"item:{r.Reading.Index.Items[nearest[0]].Id}" ? "E" : "-";
            var judgedFirst = r.IsAskedFor(judged[0].Item) ? "J" : "-";
            var second = judged.Count > 1 && r.IsAskedFor(judged[1].Item) ? "2" : "";
            // 0: right form; 1: wrong form; 2: reached without a form; 3: not reached.
            var reached = meaning.Items.Any(m => r.Utterance.Expect == $"item:{m.Item.Id}");
            var column = meaning.Kind == MeaningKind.Item ? (reached ? 0 : 1) : meaning.Kind is MeaningKind.Choice or MeaningKind.Suggestion && reached ? 2 : 3;
            foreach (var signal in Signals(r, words, ranked, cosines, nearest))
            {
                Add(tally, $"{agree} {signal}", column);
                Add(tally, $"{agree} right {right}{judgedFirst}{second} {signal}", column);
            }
        }

        Console.WriteLine($"{title}: item sentences the encoder read; 'right' is W the words' first, E the meaning's first, J the judged first, 2 the judged second");
        Console.WriteLine($"  {"",-58} right form, wrong form, reached, not reached");
        foreach (var (key, c) in tally)
        {
            Console.WriteLine($"  {key,-58} {c[0],5} {c[1],5} {c[2],5} {c[3],5}");
        }
    }

    private static void Add(SortedDictionary<string, int[]> tally, string key, int column)
    {
        var counts = tally.TryGetValue(key, out var c) ? c : tally[key] = new int[4];
        counts[column]++;
    }

    private static IEnumerable<string> Signals(ReadUtterance r, ScoredItem? words, IReadOnlyList<ScoredItem> ranked, float[] cosines, List<int> nearest)
    {
        yield return "all";
        if (words is null)
        {
            yield break;
        }

        var wordsLead = ranked.Count < 2 || ranked[1].Score <= 0 ? 9 : words.Score / ranked[1].Score;
        var cosineLead = cosines[nearest[0]] - cosines[nearest[1]];
        yield return $"wordsLead {FormProbe.Bin(wordsLead, 1.2, 1.5, 2, 3)}";
        yield return $"cosLead {FormProbe.Bin(cosineLead, 0.02, 0.05, 0.1)}";
        yield return $"named {(words.Named > 0 ? 1 : 0)}";
        yield return $"covered {FormProbe.Bin(words.Covered, 0.34, 0.67, 0.99)}";
        yield return $"unexplained {FormProbe.Bin((double)words.Unexplained / Math.Max(1, r.Reading.QueryTerms), 0.01, 0.34, 0.67)}";
        yield return $"words' cos gap {FormProbe.Bin(cosines[nearest[0]] - cosines[words.Index], 0.02, 0.05, 0.1)}";
    }
}
