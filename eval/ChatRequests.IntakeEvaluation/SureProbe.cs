using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// How well the sentence-led sureness separates a right first candidate from a wrong one on catalogs it was not fitted on,
/// whatever the bars (ADR 0075, <c>--loco --encoder --sure-probe</c>): the log loss and the area under the ROC curve of
/// each weighed reading's sureness under the calibration fitted without its catalog. Totals only.
/// </summary>
internal static class SureProbe
{
    /// <param name="shape">The shape the sureness was fitted in (<see cref="FitOptions.SureShape"/>), for the line printed.</param>
    public static void Run(IReadOnlyList<ReadUtterance> reads, IEnumerable<(string Name, MatchCalibration Calibration, Figures Figures)> rows, SureShape shape)
    {
        var judged = rows.SelectMany(row => reads
                .Where(r => r.Set.Name == row.Name && r.Weighed && r.Reading.Cosines is not null)
                .Select(r =>
                {
                    var first = SentenceLead.Judged(r.Reading.Ranked, r.Reading.QueryTerms, r.Reading.Cosines!, row.Calibration);
                    return (P: r.Judge(row.Calibration).Probability, Right: r.IsAskedFor(first[0].Item));
                }))
            .ToList();
        var loss = judged.Average(j => -Math.Log(Math.Clamp(j.Right ? j.P : 1 - j.P, 1e-6, 1)));
        var (right, wrong) = (judged.Where(j => j.Right).Select(j => j.P).ToList(), judged.Where(j => !j.Right).Select(j => j.P).ToList());
        // The chance that a right first candidate is surer than a wrong one (ties count half).
        var auc = RocArea.Of(right, wrong);
        Console.WriteLine($"sureness out of sample, {shape}: {judged.Count} first candidates ({right.Count} right), log loss {loss:0.0000}, AUC {auc:0.0000}");
    }
}
