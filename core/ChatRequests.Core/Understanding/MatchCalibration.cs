namespace ChatRequests.Core.Understanding;

/// <summary>
/// The fitted numbers of the match decision: a logistic model of the probability that the top item is the one asked
/// for (weights of <see cref="MatchFeatures"/>), the probability from which it is a form when the rule of
/// <see cref="MatchDecision"/> says so and when it does not, and the share of the top score within which runners-up
/// are offered beside it. See ADR 0037.
/// </summary>
/// <param name="SureWeights">With the sentence encoder (ADR 0041): the weights of <see cref="SentenceLead.SureFeatures"/>, how sure the
/// first candidate is (the form's bars are on this); <see cref="Weights"/> then order the candidates.</param>
/// <param name="AgreedFormAt">With the sentence encoder (ADR 0055): the bar of a first candidate the words and the meaning both put
/// first and whose own thing the words ask for (<see cref="SentenceLead.Agreed"/>); none, the other bars alone.</param>
/// <param name="SureExtra">Only in the evaluation: features <see cref="SureWeights"/> end with, or a term on their log odds,
/// that the bot does not run (<see cref="ISurenessExtra"/>: ADR 0075, 0076, 0082, 0084); none, the features of ADR 0041 to 0074.</param>
internal sealed record MatchCalibration(IReadOnlyList<double> Weights, double FormAt, double RuleFormAt, double CloseBand, IReadOnlyList<double>? SureWeights = null, double? AgreedFormAt = null, ISurenessExtra? SureExtra = null)
{
    /// <summary>
    /// Fitted on every catalog of the tuning part (2,414 sentences, seven catalogs, 2026-12-06) by
    /// <c>dotnet run -c Release --project eval/ChatRequests.IntakeEvaluation -- --fit</c>, which prints this line.
    /// </summary>
    public static MatchCalibration Fitted { get; } = new([-3.855, 2.0844, 0.9422, -0.1919, 0.4801, -1.1706, -1.9419, 0.3007, -0.2143, 0.708, 0.9723, 0.0867, 0.6255, 0.9876, 1.4425, -0.8305, 0.1293, -0.1692], 0.91, 0, 0.4);

    /// <summary>
    /// The decision led by sentence meaning (ADR 0041): weights of <see cref="SentenceLead.Features"/> for "this candidate
    /// is the one asked for", fitted for the goals first on the messages the words leave open, with a margin below the
    /// goals (wrong forms at most 2%, abstention at least 93%, so that a catalog not fitted on keeps them: ADR 0049, 0070), by
    /// <c>dotnet run -c Release --project eval/ChatRequests.IntakeEvaluation -- --fit --encoder --goals-first --targets 0.02 0.93</c>
    /// (until ADR 0070 <c>--targets 0.025 0.92</c>);
    /// refitted with the "none" sense in the decision (ADR 0050: the same weights, a form from 0.67 against 0.71); with a bar
    /// of its own for a first candidate the words and the meaning agree on and whose own thing is asked for, taken only
    /// where it adds right forms and no wrong one on the tuning part (ADR 0055: from 0.55); refitted with the words' description
    /// and compounds (ADR 0056: a form from 0.71, the agreed bar 0.67); refitted on the ranking of ADR 0059 to 0063 and judged on
    /// the development sets, catalogs it never saw, before storing (ADR 0065: a form from 0.63; the agreed bar adds no right form, none);
    /// refitted on the current ranking for a wider margin, chosen among a handful of fits by the
    /// development sets' wrong forms (ADR 0070: a form from 0.75, 0.67 where the words and the meaning agree; choice band 0.05);
    /// a refit with the share of the first candidate's fitting terms no other item has (ADR 0076, <c>--sure-signal Distinguishing</c>:
    /// a form from 0.69, 0.59 agreed) was measured on the held-out part and not stored (wrong forms 242 -> 263 of 8,647).
    /// </summary>
    public static MatchCalibration FittedWithEncoder { get; } = new([-6.8907, 2.5026, 1.886, 0.8361, -0.3244, 0.0504, -0.9202, -0.6795, -0.9902, 0.4388, 0.8716, 0.4027, 1.7233, 0.6204, -0.7713, -0.3924, 0.9473], 0.75, 0.75, 0.05, [0.8777, 0.9978, -0.008, -0.0894, -1.2498, 0.0861, 0.2526, -0.4616, 0.1117, -1.245, 0.2906, 0.4884, 0.6102, 0.2546, -0.0376, 0.4961, -1.2551, -0.363, 0.4961, -0.1996, 0.5972, 0.0688, 0.1298, -0.2045, 0.5016, 1.4264, -0.4867, -0.1498, -0.1063], AgreedFormAt: 0.67);

    public double Probability(double[] features) => Logistic(Weights, features);

    /// <summary>The sentence-led decision's bar for a form of its first candidate (ADR 0041, 0055).</summary>
    public double SureFormAt(bool rule, bool agreed) =>
        Math.Min(rule ? RuleFormAt : FormAt, agreed && AgreedFormAt is { } at ? at : double.MaxValue);

    /// <summary>How sure the sentence-led decision is of its first candidate (ADR 0041; with <see cref="SureExtra"/>, the evaluation's).</summary>
    public double Sureness(double[] features)
    {
        var weights = SureWeights ?? throw new InvalidOperationException("Not a calibration of the sentence-led decision.");
        // Features read without the signal the weights end with (or with one they lack) would be weighed silently wrong.
        if (weights.Count != features.Length)
        {
            throw new ArgumentException($"{features.Length} sureness features for {weights.Count} weights: read them with the calibration's extra ({SureExtra}).", nameof(features));
        }

        var z = LogOdds(weights, features);
        return Sigmoid(SureExtra is { } extra ? extra.LogOdds(z, features) : z);
    }

    private static double Logistic(IReadOnlyList<double> weights, double[] features) => Sigmoid(LogOdds(weights, features));

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    private static double LogOdds(IReadOnlyList<double> weights, double[] features)
    {
        var z = 0.0;
        for (var i = 0; i < features.Length; i++)
        {
            z += weights[i] * features[i];
        }

        return z;
    }
}
