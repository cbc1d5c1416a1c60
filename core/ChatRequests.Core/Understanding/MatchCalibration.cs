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
/// <param name="SureTrees">With the sentence encoder (ADR 0075): boosted trees whose values add to the log odds of
/// <see cref="SureWeights"/>; none, the logistic model alone.</param>
/// <param name="SureSignal">With the sentence encoder (ADR 0076): the sign of the item named rather than its family that
/// <see cref="SureWeights"/> end with; none, the features of ADR 0075.</param>
internal sealed record MatchCalibration(IReadOnlyList<double> Weights, double FormAt, double RuleFormAt, double CloseBand, IReadOnlyList<double>? SureWeights = null, double? AgreedFormAt = null, IReadOnlyList<SureTree>? SureTrees = null, SureSignal SureSignal = SureSignal.None)
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
    /// refitted with the share of the first candidate's fitting terms no other item has (ADR 0076, <c>--sure-signal Distinguishing</c>:
    /// a form from 0.69, 0.59 where the words and the meaning agree).
    /// </summary>
    public static MatchCalibration FittedWithEncoder { get; } = new([-6.8504, 2.5046, 1.7394, 1.0108, -0.3955, 0.0062, -0.8947, -0.7217, -1.0504, 0.4452, 0.9277, 0.3681, 1.574, 0.5748, -0.8126, -0.3038, 0.9867], 0.69, 0.69, 0.05, [0.4894, 0.8761, 0.0257, 0.023, -1.4473, 0.2006, 0.2235, -0.5091, 0.1475, -1.0786, 0.392, 0.5884, 0.7256, 0.0821, -0.0576, 0.489, -1.2006, -0.6427, 0.4581, -0.345, 0.4293, 0.2354, 0.2322, -0.1949, 0.3678, 1.2041, -0.4519, 0.0655, -0.1266, 0.3996], AgreedFormAt: 0.59, SureSignal: SureSignal.Distinguishing);

    public double Probability(double[] features) => Logistic(Weights, features);

    /// <summary>The sentence-led decision's bar for a form of its first candidate (ADR 0041, 0055).</summary>
    public double SureFormAt(bool rule, bool agreed) =>
        Math.Min(rule ? RuleFormAt : FormAt, agreed && AgreedFormAt is { } at ? at : double.MaxValue);

    /// <summary>How sure the sentence-led decision is of its first candidate (ADR 0041; with <see cref="SureTrees"/>, ADR 0075).</summary>
    public double Sureness(double[] features)
    {
        var weights = SureWeights ?? throw new InvalidOperationException("Not a calibration of the sentence-led decision.");
        // Features read without the signal the weights end with (or with one they lack) would be weighed silently wrong.
        if (weights.Count != features.Length)
        {
            throw new ArgumentException($"{features.Length} sureness features for {weights.Count} weights: read them with the calibration's signal ({SureSignal}).", nameof(features));
        }

        var z = LogOdds(weights, features);
        if (SureTrees is { } trees)
        {
            // Indexed, not foreach: no enumerator boxed per message.
            for (var t = 0; t < trees.Count; t++)
            {
                z += trees[t].Value(features);
            }
        }

        return Sigmoid(z);
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
