using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// Which path of the decision holds back a form (<c>--path-census</c>, ADR 0094): for every item sentence whose right item
/// is the decision's first candidate yet got no form, the path that took the form away (<see cref="FormHold"/>); and, for
/// the same paths, the forms they kept from "none" sentences and from item sentences whose first candidate is another item.
/// On the tuning part and on the development sets but their check files, decided as the bot decides (the stored
/// calibrations); totals only, no sentence printed.
/// </summary>
internal static class PathCensus
{
    private sealed record Tally(int Held, int None, int Other)
    {
        public static Tally operator +(Tally a, Tally b) => new(a.Held + b.Held, a.None + b.None, a.Other + b.Other);
    }

    public static void Run(string root, ISentenceEncoder? encoder, double decisiveAt, bool list)
    {
        var evaluation = Evaluation.Lexical(root);
        var parts = new[]
        {
            ("tuning", LabelledSet.Load(root, LabelledSet.Tuning)),
            ("dev but check", LabelledSet.Load(root, LabelledSet.Development).Where(s => !FitOnMore.IsCheck(s)).ToList()),
        };
        var calibration = encoder is null ? MatchCalibration.Fitted : EncoderCalibration.For(encoder.Model).Match;
        var tallies = parts.Select(p => Count(Calibration.Read(evaluation, p.Item2, encoder, decisiveAt), calibration, encoder is not null, list)).ToList();
        Console.WriteLine($"path census ({(encoder is null ? "words alone" : "with the encoder")}): right first candidates held back | wrong forms prevented (none + other item)");
        Console.WriteLine($"    {"path",-24} {string.Join(" ", parts.Select(p => $"{p.Item1,28}"))}");
        foreach (var path in Enum.GetValues<FormHold>())
        {
            Console.WriteLine($"    {(path == FormHold.None ? "(no path recorded)" : path.ToString()),-24} {string.Join(" ", tallies.Select(t => Cell(t.GetValueOrDefault(path, new Tally(0, 0, 0)))))}");
        }

        Console.WriteLine($"    {"all paths",-24} {string.Join(" ", tallies.Select(t => Cell(t.Values.Aggregate(new Tally(0, 0, 0), (a, b) => a + b))))}");
    }

    private static string Cell(Tally t) => $"{t.Held,8} | {t.None + t.Other,5} ({t.None,4} + {t.Other,4})";

    /// <param name="list">With <c>--failures</c>: each sentence counted, with its path (the check files are never read here).</param>
    private static Dictionary<FormHold, Tally> Count(List<ReadUtterance> reads, MatchCalibration calibration, bool led, bool list)
    {
        var tallies = new Dictionary<FormHold, Tally>();
        foreach (var read in reads)
        {
            var (kind, _) = Evaluation.Split(read.Utterance.Expect);
            if (kind is not ("item" or "none"))
            {
                continue;
            }

            var trace = new DecisionTrace();
            var meaning = read.Decide(calibration, led, trace);
            if (trace.First is not { } first || meaning.Kind == MeaningKind.Item)
            {
                continue;
            }

            var right = kind == "item" && read.Utterance.Expect == $"item:{read.Reading.Index.Items[first].Id}";
            var tally = right ? new Tally(1, 0, 0)
                : trace.Hold == FormHold.None ? null
                : kind == "none" ? new Tally(0, 1, 0) : new Tally(0, 0, 1);
            if (tally is not null)
            {
                if (list)
                {
                    Console.WriteLine($"  [{trace.Hold}] {(right ? "held" : "prevented")} [{read.Set.Name}] \"{read.Utterance.Text}\" expected {read.Utterance.Expect}; first {read.Reading.Index.Items[first].Id}");
                }

                tallies[trace.Hold] = tallies.GetValueOrDefault(trace.Hold, new Tally(0, 0, 0)) + tally;
            }
        }

        return tallies;
    }
}
