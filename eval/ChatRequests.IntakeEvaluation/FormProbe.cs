using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// Leave-one-catalog-out, the messages the encoder read: what separates a decision whose first candidate is the item
/// asked for from one whose first is wrong or asked for nothing (ADR 0055). Each is tallied by what it got (a form, or
/// no form) and whether its first candidate is right, beside signals of the words and the meaning.
/// </summary>
internal static class FormProbe
{
    public static void Run(IReadOnlyList<ReadUtterance> reads, IReadOnlyList<(string Name, MatchCalibration Calibration, Figures Figures)> rows, bool list)
    {
        var tally = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var (name, calibration, _) in rows)
        {
            foreach (var r in reads.Where(r => r.Set.Name == name && r.Reading.Cosines is not null && r.Weighed))
            {
                var cosines = r.Reading.Cosines!;
                var judged = SentenceLead.Judged(r.Reading.Ranked, r.Reading.QueryTerms, cosines, calibration);
                var meaning = r.Decide(calibration, led: true);
                var first = judged[0].Item;
                // 0: form, first right; 1: form, first wrong item; 2: form, "none"; 3: no form, first right; 4: no form, first wrong; 5: no form, "none".
                var none = r.Utterance.Expect == "none";
                var form = meaning.Kind == MeaningKind.Item;
                var column = (form ? 0 : 3) + (none ? 2 : r.IsAskedFor(first) ? 0 : 1);
                foreach (var signal in Signals(r, judged, cosines, calibration))
                {
                    var counts = tally.TryGetValue(signal, out var c) ? c : tally[signal] = new int[6];
                    counts[column]++;
                }

                if (list && column is not 0 and not 4)
                {
                    Console.WriteLine($"    [{name}] col {column} \"{r.Utterance.Text}\" {r.Utterance.Expect}; got {meaning.Kind} {string.Join(",", meaning.Items.Select(m => m.Item.Id))}; head {AskHead.Of(r.Reading.Words)?.Raw} {string.Join(" ", Signals(r, judged, cosines, calibration).Where(s => s.StartsWith("ask", StringComparison.Ordinal) || s.StartsWith("sure", StringComparison.Ordinal)))}");
                }
            }
        }

        Console.WriteLine($"  {"signal",-40} form:right wrong none | no form: first right, wrong, none");
        foreach (var (signal, c) in tally)
        {
            Console.WriteLine($"  {signal,-40} {c[0],5} {c[1],5} {c[2],5} | {c[3],5} {c[4],5} {c[5],5}");
        }
    }

    private static IEnumerable<string> Signals(ReadUtterance r, List<(ScoredItem Item, double Probability, bool Rule)> judged, float[] cosines, MatchCalibration calibration)
    {
        var ranked = r.Reading.Ranked;
        var first = judged[0].Item;
        var wordsTop = ranked.Count > 0 && ranked[0].Score >= MatchDecision.MinScore && ranked[0].Index == first.Index;
        var nearest = Enumerable.Range(0, cosines.Length).MaxBy(i => cosines[i]) == first.Index;
        var other = Enumerable.Range(0, cosines.Length).Where(i => i != first.Index).Max(i => cosines[i]);
        var cosineLead = cosines[first.Index] - other;
        var secondWords = ranked.FirstOrDefault(s => s.Index != first.Index);
        var wordsLead = first.Score <= 0 ? 0 : secondWords is null || secondWords.Score <= 0 ? 9 : first.Score / secondWords.Score;
        var sure = calibration.Sureness(SentenceLead.SureFeatures(judged, r.Reading, cosines, calibration.SureExtra));
        var bar = judged[0].Rule ? calibration.RuleFormAt : calibration.FormAt;
        var p2 = judged.Count > 1 ? judged[1].Probability : 0;
        yield return "all";
        var head = $"{(SentenceLead.Agreed(judged, r.Reading, cosines) ? "agreed" : "-")}{(AskHead.NamesAnotherThing(r.Reading.Words, r.Reading.Index, first.Index) ? " another" : "")}";
        var asked = AskHead.Against(r.Reading.Words, r.Reading.Index, first.Index);
        yield return $"ask {asked}";
        yield return $"ask {asked} agree {(wordsTop ? "W" : "-")}{(nearest ? "E" : "-")}";
        yield return $"ask {asked} sure-bar {Bin(sure - bar, -0.4, -0.2, -0.1, 0)}";
        yield return $"head {head}";
        yield return $"head {head} agree {(wordsTop ? "W" : "-")}{(nearest ? "E" : "-")}";
        yield return $"head {head} sure-bar {Bin(sure - bar, -0.4, -0.2, -0.1, 0)}";
        yield return $"agree {(wordsTop ? "W" : "-")}{(nearest ? "E" : "-")}";
        yield return $"agree {(wordsTop ? "W" : "-")}{(nearest ? "E" : "-")} wordsLead {Bin(wordsLead, 1.2, 1.5, 2, 3)}";
        yield return $"agree {(wordsTop ? "W" : "-")}{(nearest ? "E" : "-")} cosLead {Bin(cosineLead, 0, 0.03, 0.06, 0.1)}";
        yield return $"agree {(wordsTop ? "W" : "-")}{(nearest ? "E" : "-")} named {(first.Named > 0 ? 1 : 0)}";
        yield return $"sure-bar {Bin(sure - bar, -0.4, -0.2, -0.1, 0)}";
        yield return $"sure-bar {Bin(sure - bar, -0.4, -0.2, -0.1, 0)} agree {(wordsTop ? "W" : "-")}{(nearest ? "E" : "-")}";
        yield return $"p1/p2 {Bin(p2 <= 0 ? 99 : judged[0].Probability / p2, 1.5, 2, 3, 5)}";
        yield return $"p1/p2 {Bin(p2 <= 0 ? 99 : judged[0].Probability / p2, 1.5, 2, 3, 5)} agree {(wordsTop ? "W" : "-")}{(nearest ? "E" : "-")}";
        yield return $"p1 {Bin(judged[0].Probability, 0.3, 0.5, 0.7, 0.85)}";
        yield return $"cos {Bin(cosines[first.Index], 0.35, 0.45, 0.55, 0.65)}";
        yield return $"unexplained {Bin(first.Score > 0 ? (double)first.Unexplained / Math.Max(1, r.Reading.QueryTerms) : 1, 0.01, 0.34, 0.5, 0.99)}";
    }

    /// <summary>The bin a value falls in, between the edges given.</summary>
    public static string Bin(double value, params double[] edges)
    {
        var i = edges.Count(e => value >= e);
        return i == 0 ? $"<{edges[0]}" : i == edges.Length ? $">={edges[^1]}" : $"[{edges[i - 1]},{edges[i]})";
    }
}
