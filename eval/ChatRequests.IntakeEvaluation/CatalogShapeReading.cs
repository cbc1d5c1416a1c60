using System.Globalization;
using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// The message read against its catalog's shape (ADR 0084, <c>--catalog-shape</c>, <c>--catalog-shape-probe</c>): the
/// messages the encoder reads get their catalog's <see cref="CatalogShape"/> and their cosine with its centroid
/// (<see cref="ReadingExtras.Shape"/>) for the sureness's shape signals; the probe says how well each separates a right first
/// candidate from a wrong or "none" one, of all and of those held back. Totals only.
/// </summary>
internal static class CatalogShapeReading
{
    /// <summary>The signals read from the catalog's shape, in the probe's order.</summary>
    public static readonly SureSignal[] Signals = [SureSignal.Isolation, SureSignal.SiblingLead, SureSignal.SiblingRank, SureSignal.Density, SureSignal.CentroidCosine,
        SureSignal.PairCosine, SureSignal.HubLead, SureSignal.CentroidStanding, SureSignal.PairLead];

    public static bool IsOne(SureSignal signal) => Signals.Contains(signal);

    /// <summary>The readings the encoder read, with their catalog's shape (computed once per catalog) and their cosine with its centroid.</summary>
    public static List<ReadUtterance> Apply(IReadOnlyList<ReadUtterance> reads, ISentenceEncoder encoder, Evaluation evaluation) =>
        EncodedReads.Rewritten(reads, evaluation, items =>
        {
            var shape = CatalogShape.Of([.. items.Select(item => SemanticIndex.Texts(item).Select(encoder.Encode).ToArray())]);
            return reading => reading with { Extra = ReadingExtras.Of(reading) with { Shape = new ShapeReading(shape, shape.CentroidCosine(encoder.EncodeQuery(reading.Text))) } };
        });

    /// <summary>
    /// Of the weighed first candidates each decided under its calibration: the AUC right vs wrong-or-"none" of the sureness and
    /// of each shape signal, of all, of those held back (below their bar) and of those formed.
    /// </summary>
    public static void Probe(string title, IEnumerable<(ReadUtterance Read, MatchCalibration Calibration)> decided)
    {
        var rows = new List<(bool Right, bool HeldBack, double[] Values)>();
        foreach (var (r, calibration) in decided)
        {
            if (!r.Weighed || r.Reading.Cosines is not { } cosines || r.Reading.Meaning is not null || r.Reading.Chase || SentenceLead.Candidates(r.Reading.Ranked, cosines).Count == 0)
            {
                continue;
            }

            var (p, rule, agreed) = r.Judge(calibration);
            var judged = SentenceLead.Judged(r.Reading.Ranked, r.Reading.QueryTerms, cosines, calibration);
            rows.Add((r.IsAskedFor(judged[0].Item), p < calibration.SureFormAt(rule, agreed),
                [p, .. Signals.Select(s => SureSignals.Of(s, judged, r.Reading))]));
        }

        Console.WriteLine($"{title}:");
        Line("  all first candidates", rows);
        Line("  held back (below their bar)", [.. rows.Where(x => x.HeldBack)]);
        Line("  formed", [.. rows.Where(x => !x.HeldBack)]);
    }

    private static void Line(string title, List<(bool Right, bool HeldBack, double[] Values)> rows)
    {
        var (right, wrong) = (rows.Where(x => x.Right).ToList(), rows.Where(x => !x.Right).ToList());
        string Auc(int at) => RocArea.Of([.. right.Select(x => x.Values[at])], [.. wrong.Select(x => x.Values[at])]).ToString("0.000", CultureInfo.InvariantCulture);
        var names = Signals.Select((s, i) => $"{s} {Auc(i + 1)}");
        Console.WriteLine($"{title}: {rows.Count} ({right.Count} right); AUC sureness {Auc(0)}, {string.Join(", ", names)}");
    }
}
