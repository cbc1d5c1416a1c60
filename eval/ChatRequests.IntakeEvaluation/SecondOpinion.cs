using System.Globalization;
using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// A second sentence model's opinion of the first candidate (ADR 0082, <c>--second-opinion</c>, <c>--second-probe</c>): the
/// messages the encoder reads get the second model's item cosines (<see cref="ReadingExtras.SecondCosines"/>) for the sureness's
/// <see cref="SureSignal.SecondNearest"/>, <see cref="SureSignal.SecondLead"/> or <see cref="SureSignal.SecondCosine"/>; the probe says how well its agreement
/// separates a right first candidate from a wrong or "none" one, of all and of those held back. Totals only.
/// </summary>
internal static class SecondOpinion
{
    /// <summary>The bands around a first candidate's bar within which the second model would be read (the cost).</summary>
    private static readonly double[] Bands = [0.05, 0.1, 0.15, 0.2, 0.3];

    /// <summary>The readings the encoder read, with the second model's cosine of the message with each item.</summary>
    public static List<ReadUtterance> Apply(IReadOnlyList<ReadUtterance> reads, ISentenceEncoder second, Evaluation evaluation) =>
        EncodedReads.Rewritten(reads, evaluation, items =>
        {
            var semantic = new SemanticIndex(items, second);
            return reading => reading with { Extra = ReadingExtras.Of(reading) with { SecondCosines = semantic.Cosines(second.EncodeQuery(reading.Text)) } };
        });

    /// <summary>
    /// Of the weighed first candidates each decided under its calibration (and of those held back, below their bar): the AUC
    /// right vs wrong-or-"none" of the sureness, of the second model's lead, nearest and cosine; and how many messages the
    /// sentence lead decides have their sureness within each band of their bar.
    /// </summary>
    public static void Probe(string title, IEnumerable<(ReadUtterance Read, MatchCalibration Calibration)> decided)
    {
        var rows = new List<(bool Right, bool HeldBack, double Sureness, double Lead, double Nearest, double Cosine)>();
        var distances = new List<double>();
        foreach (var (r, calibration) in decided)
        {
            if (r.Reading.Cosines is not { } cosines || r.Reading.Meaning is not null || r.Reading.Chase || SentenceLead.Candidates(r.Reading.Ranked, cosines).Count == 0)
            {
                continue;
            }

            var (p, rule, agreed) = r.Judge(calibration);
            var bar = calibration.SureFormAt(rule, agreed);
            distances.Add(Math.Abs(p - bar));
            if (!r.Weighed)
            {
                continue;
            }

            var judged = SentenceLead.Judged(r.Reading.Ranked, r.Reading.QueryTerms, cosines, calibration);
            rows.Add((r.IsAskedFor(judged[0].Item), p < bar, p,
                SureSignals.Of(SureSignal.SecondLead, judged, r.Reading), SureSignals.Of(SureSignal.SecondNearest, judged, r.Reading),
                SureSignals.Of(SureSignal.SecondCosine, judged, r.Reading)));
        }

        Console.WriteLine($"{title}:");
        Line("  all first candidates", rows);
        Line("  held back (below their bar)", [.. rows.Where(x => x.HeldBack)]);
        Line("  formed", [.. rows.Where(x => !x.HeldBack)]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  messages the sentence lead decides: {distances.Count}; sureness within a band of the bar: {string.Join(", ", Bands.Select(b => $"±{b} {distances.Count(d => d <= b)}"))}"));
    }

    private static void Line(string title, List<(bool Right, bool HeldBack, double Sureness, double Lead, double Nearest, double Cosine)> rows)
    {
        var (right, wrong) = (rows.Where(x => x.Right).ToList(), rows.Where(x => !x.Right).ToList());
        double Auc(Func<(bool Right, bool HeldBack, double Sureness, double Lead, double Nearest, double Cosine), double> of) =>
            RocArea.Of([.. right.Select(of)], [.. wrong.Select(of)]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{title}: {rows.Count} ({right.Count} right); AUC sureness {Auc(x => x.Sureness):0.000}, second's lead {Auc(x => x.Lead):0.000}, second's nearest {Auc(x => x.Nearest):0.000}, second's cosine {Auc(x => x.Cosine):0.000}; second's nearest is the first in {right.Count(x => x.Nearest > 0)} of the right, {wrong.Count(x => x.Nearest > 0)} of the wrong or none"));
    }
}
