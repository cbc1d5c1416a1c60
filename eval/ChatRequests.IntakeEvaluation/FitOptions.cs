using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// How the match calibration is fitted (<see cref="Calibration.Fit"/>): set once from the command line by <c>Program</c> and
/// passed to every fit, so that nothing a fit depends on is a setting of the process. <see cref="Default"/> holds the
/// defaults, in this one place.
/// </summary>
/// <param name="Targets">The wrong-form and abstention rates the fit reaches before top-1 counts (<c>--targets W A</c>).</param>
/// <param name="GoalsFirst">Whether the goals' order alone decides, even when a figure gets worse than the rule's (<c>--goals-first</c>).</param>
/// <param name="AgreedBar">Whether a first candidate the words and the meaning agree on has a bar of its own (ADR 0055; <c>--no-agreed-bar</c> turns it off).</param>
/// <param name="Listwise">Whether the candidates' weights are fitted for their order within each message (ADR 0073, <c>--listwise</c>) rather than one candidate at a time.</param>
/// <param name="CrossFittedBars">
/// Whether the bars are fitted on each training catalog's sureness from a sure model fitted without it (ADR 0075,
/// <c>--cross-fitted-bars</c>) rather than on the sureness of the rows the model was fitted on.
/// </param>
/// <param name="CrossFit">
/// Whether the bars are fitted on each training sentence decided by a whole fit that never saw its catalog (ADR 0085,
/// <c>--cross-fit folds|halves</c>) rather than by the model fitted on it; the model stored is the fit on all of them.
/// </param>
/// <param name="SureShape">The shape of the model of how sure the first candidate is (ADR 0075, <c>--sure-shape</c>).</param>
/// <param name="SureSignal">
/// The sign of the item named rather than its family added to the sureness's features (ADR 0076, <c>--sure-signal</c>): by
/// default the stored line's, so that <c>--fit</c> refits what the bot reads (<c>--sure-signal None</c>: the features before).
/// </param>
internal sealed record FitOptions(Targets Targets, bool GoalsFirst, bool AgreedBar, bool Listwise, bool CrossFittedBars, SureShape SureShape, SureSignal SureSignal, CrossFit CrossFit)
{
    /// <summary>The goals' own figures: wrong forms at most 3%, abstention at least 90% (<c>--targets</c> fits for a margin below them).</summary>
    public static Targets GoalTargets { get; } = new(0.03, 0.90);

    /// <summary>
    /// The defaults: the goals' targets, the rule's figures kept, an agreed bar, pointwise weights, in-sample bars (not out of fold), a logistic
    /// sureness with the stored line's signal.
    /// </summary>
    public static FitOptions Default { get; } = new(
        GoalTargets, GoalsFirst: false, AgreedBar: true, Listwise: false, CrossFittedBars: false, SureShape: SureShape.Logistic,
        SureSignal: MatchCalibration.FittedWithEncoder.SureSignal(), CrossFit: CrossFit.None);
}
