using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// The evaluation's additions to the sentence-led sureness (<see cref="ISurenessExtra"/>): a <see cref="SureSignal"/> the
/// sureness's weights end with (ADR 0076, 0082, 0084) and boosted trees on their log odds (ADR 0075). No stored
/// calibration has either, so they live here, not in the bot.
/// </summary>
internal sealed record SureExtra(SureSignal Signal, IReadOnlyList<SureTree>? Trees) : ISurenessExtra
{
    /// <summary>The additions of a fit, or none when it has neither.</summary>
    public static SureExtra? Of(SureSignal signal, IReadOnlyList<SureTree>? trees) =>
        signal == SureSignal.None && trees is null ? null : new SureExtra(signal, trees);

    public double[] Features(List<(ScoredItem Item, double Probability, bool Rule)> judged, Reading reading) =>
        Signal == SureSignal.None ? [] : [SureSignals.Of(Signal, judged, reading)];

    public double LogOdds(double weighed, double[] features)
    {
        var z = weighed;
        if (Trees is { } trees)
        {
            for (var t = 0; t < trees.Count; t++)
            {
                z += trees[t].Value(features);
            }
        }

        return z;
    }

    public override string ToString() => Signal.ToString();
}

/// <summary>The calibration's signal and trees, whether or not it has additions.</summary>
internal static class SureExtras
{
    public static SureSignal SureSignal(this MatchCalibration calibration) => (calibration.SureExtra as SureExtra)?.Signal ?? IntakeEvaluation.SureSignal.None;

    public static IReadOnlyList<SureTree>? SureTrees(this MatchCalibration calibration) => (calibration.SureExtra as SureExtra)?.Trees;
}

/// <summary>
/// What the evaluation reads of a message beside the bot's reading (<see cref="Reading.Extra"/>): a second model's cosine of it
/// with each item (ADR 0082, <c>--second-opinion</c>), its catalog's shape (ADR 0084, <c>--catalog-shape</c>) and the message
/// read word by word against the items (ADR 0086, <c>--late</c>).
/// </summary>
internal sealed record ReadingExtras(float[]? SecondCosines = null, ShapeReading? Shape = null, LateReading? Late = null)
{
    public static ReadingExtras Of(Reading reading) => reading.Extra as ReadingExtras ?? new ReadingExtras();
}
