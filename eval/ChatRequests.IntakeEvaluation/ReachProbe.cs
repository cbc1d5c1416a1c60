using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// Leave-one-catalog-out, the item sentences whose item is neither the form nor among the choices: what they got, whether
/// the encoder read them, and where the item asked for stands in the encoder's order (its nearest first).
/// </summary>
internal static class ReachProbe
{
    public static void Run(IReadOnlyList<ReadUtterance> reads, IReadOnlyList<(string Name, MatchCalibration Calibration, Figures Figures)> rows, ISentenceEncoder encoder, Evaluation evaluation, bool list)
    {
        var tally = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, calibration, _) in rows)
        {
            var set = reads.Where(r => r.Set.Name == name).ToList();
            var semantic = new SemanticIndex(evaluation.LoadCatalog(set[0].Set.Catalog).Items, encoder);
            foreach (var r in set.Where(r => r.Utterance.Expect.StartsWith("item:", StringComparison.Ordinal) || r.Utterance.Expect == "none"))
            {
                var meaning = r.Decide(calibration, led: true);
                var isItem = r.Utterance.Expect != "none";
                var reachable = meaning.Kind is MeaningKind.Item or MeaningKind.Choice or MeaningKind.Suggestion && meaning.Items.Any(m => r.Utterance.Expect == $"item:{m.Item.Id}");
                if (isItem && reachable)
                {
                    continue;
                }

                var cosines = r.Reading.Cosines ?? (r.Reading.Meaning is null ? semantic.Cosines(encoder.EncodeQuery(r.Utterance.Text)) : null);
                var rank = cosines is null || !isItem ? -1 : Enumerable.Range(0, cosines.Length).OrderByDescending(i => cosines[i]).ThenBy(i => i)
                    .ToList().FindIndex(i => r.Utterance.Expect == $"item:{semantic.Items[i].Id}");
                var held = meaning.Kind == MeaningKind.Incident && meaning.Items.Any(m => r.Utterance.Expect == $"item:{m.Item.Id}") ? " held" : "";
                var key = $"{(isItem ? "item" : "none")} {meaning.Kind.ToString().ToLowerInvariant()}{held}{(r.Reading.Meaning is not null ? " (final)" : r.Reading.Cosines is null ? " (words)" : " (encoded)")} rank {(rank < 0 ? "-" : rank < 3 ? "1-3" : rank < 5 ? "4-5" : "6+")}";
                tally[key] = tally.GetValueOrDefault(key) + 1;
                if (list)
                {
                    var best = cosines is null ? "" : $" best {cosines.Max():0.00}";
                    Console.WriteLine($"    [{name}] \"{r.Utterance.Text}\" {r.Utterance.Expect}; {key}{best}; got {meaning.Kind} {string.Join(",", meaning.Items.Select(m => m.Item.Id))}{(isItem ? Standing(r, calibration, semantic) : "")}");
                }
            }
        }

        foreach (var (key, count) in tally.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {key,-50} {count}");
        }
    }

    /// <summary>Where the item asked for stands in the words' ranking and among the judged candidates (probability against the first's).</summary>
    private static string Standing(ReadUtterance r, MatchCalibration calibration, SemanticIndex semantic)
    {
        var wanted = r.Utterance.Expect["item:".Length..];
        var words = r.Reading.Ranked.ToList().FindIndex(s => semantic.Items[s.Index].Id == wanted);
        var judged = r.Reading.Cosines is { } cosines ? SentenceLead.Judged(r.Reading.Ranked, r.Reading.QueryTerms, cosines, calibration) : [];
        var at = judged.FindIndex(j => semantic.Items[j.Item.Index].Id == wanted);
        var share = at < 0 ? "" : $" p {judged[at].Probability / judged[0].Probability:0.00} of the first";
        return $"; words rank {(words < 0 ? "-" : (words + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))}, candidate {(at < 0 ? "-" : (at + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))} of {judged.Count}{share}{(r.Reading.Command is { } c ? $", command words {c.Command} ({c.Strength})" : "")}";
    }
}
