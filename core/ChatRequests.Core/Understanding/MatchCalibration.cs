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
internal sealed record MatchCalibration(IReadOnlyList<double> Weights, double FormAt, double RuleFormAt, double CloseBand, IReadOnlyList<double>? SureWeights = null, double? AgreedFormAt = null)
{
    /// <summary>
    /// Fitted on every catalog of the tuning part (2,414 sentences, seven catalogs, 2026-12-06) by
    /// <c>dotnet run -c Release --project eval/ChatRequests.IntakeEvaluation -- --fit</c>, which prints this line.
    /// </summary>
    public static MatchCalibration Fitted { get; } = new([-3.855, 2.0844, 0.9422, -0.1919, 0.4801, -1.1706, -1.9419, 0.3007, -0.2143, 0.708, 0.9723, 0.0867, 0.6255, 0.9876, 1.4425, -0.8305, 0.1293, -0.1692], 0.91, 0, 0.4);

    /// <summary>
    /// The decision led by sentence meaning (ADR 0041): weights of <see cref="SentenceLead.Features"/> for "this candidate
    /// is the one asked for", fitted for the goals first on the messages the words leave open, with a margin below the
    /// goals (wrong forms at most 2.5%, abstention at least 92%, so that a catalog not fitted on keeps them: ADR 0049), by
    /// <c>dotnet run -c Release --project eval/ChatRequests.IntakeEvaluation -- --fit --encoder --goals-first --targets 0.025 0.92</c>;
    /// refitted with the "none" sense in the decision (ADR 0050: the same weights, a form from 0.67 against 0.71); with a bar
    /// of its own for a first candidate the words and the meaning agree on and whose own thing is asked for, taken only
    /// where it adds right forms and no wrong one on the tuning part (ADR 0055: from 0.55); refitted with the words' description
    /// and compounds (ADR 0056: a form from 0.71, the agreed bar 0.67); refitted on the ranking of ADR 0059 to 0063 and judged on
    /// the development sets, catalogs it never saw, before storing (ADR 0065: a form from 0.63; the agreed bar adds no right form, none).
    /// </summary>
    public static MatchCalibration FittedWithEncoder { get; } = new([-6.3485, 2.294, 1.8095, 0.7209, -0.3554, 0.0284, -0.8407, -0.6093, -1.1186, 0.5076, 0.8931, 0.4425, 1.8402, 0.5399, -0.8227, -0.4728, 0.9715], 0.63, 0.63, 0.1, [1.1558, 1.1509, 0.019, -0.2442, -0.9625, 0.1906, 0.2336, -0.7512, 0.0115, -1.2796, 0.3574, 0.2274, 0.3811, 0.1497, -0.0177, 0.4827, -1.2632, -0.3981, 0.3566, -0.4639, 0.4368, 0.0961, 0.1505, -0.1149, 0.551, 1.6451, -0.5307, -0.1722, -0.2397]);

    public double Probability(double[] features) => Logistic(Weights, features);

    /// <summary>The sentence-led decision's bar for a form of its first candidate (ADR 0041, 0055).</summary>
    public double SureFormAt(bool rule, bool agreed) =>
        Math.Min(rule ? RuleFormAt : FormAt, agreed && AgreedFormAt is { } at ? at : double.MaxValue);

    /// <summary>How sure the sentence-led decision is of its first candidate (ADR 0041).</summary>
    public double Sureness(double[] features) => Logistic(SureWeights ?? throw new InvalidOperationException("Not a calibration of the sentence-led decision."), features);

    private static double Logistic(IReadOnlyList<double> weights, double[] features)
    {
        var z = 0.0;
        for (var i = 0; i < features.Length; i++)
        {
            z += weights[i] * features[i];
        }

        return 1 / (1 + Math.Exp(-z));
    }
}
