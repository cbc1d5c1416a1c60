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
    public static MatchCalibration Fitted { get; } = new([-4.5132, 2.0735, 1.3139, 0.1239, 0.1239, -1.4341, -1.0903, 0.8007, -0.259, 0.6509, 0.8355, 0.0087, 0.7662, 1.1173, 1.2069, -0.1846, 0.2201, 0.2021], 0.87, 0, 0.4);

    /// <summary>
    /// The decision led by sentence meaning (ADR 0041): weights of <see cref="SentenceLead.Features"/> for "this candidate
    /// is the one asked for", fitted for the goals first on the messages the words leave open, with a margin below the
    /// goals (wrong forms at most 2.5%, abstention at least 92%, so that a catalog not fitted on keeps them: ADR 0049), by
    /// <c>dotnet run -c Release --project eval/ChatRequests.IntakeEvaluation -- --fit --encoder --goals-first --targets 0.025 0.92</c>;
    /// refitted with the "none" sense in the decision (ADR 0050: the same weights, a form from 0.67 against 0.71); with a bar
    /// of its own for a first candidate the words and the meaning agree on and whose own thing is asked for, taken only
    /// where it adds right forms and no wrong one on the tuning part (ADR 0055: from 0.55).
    /// </summary>
    public static MatchCalibration FittedWithEncoder { get; } = new([-5.7408, 1.9207, 2.4221, 0.2094, -0.1453, -0.1453, -1.4565, -0.7801, -0.5278, 0.4535, 1.0747, 0.7131, 2.5404, 0.4146, -0.9032, -0.5119, 0.9326], 0.67, 0.66, 0.05, [1.7205, 1.0503, -0.0783, -0.3418, -1.743, 0.336, 0.5247, -0.2913, 0.2408, -0.6059, -0.7932, -0.3859, 0.2008, 0.5833, 0.2097, 0.2097, -1.6024, -1.2027, 0.3015, -0.2536, 0.2857, 0.3715, 0.5103, 0.3241, 0.8053, 1.2914, -0.1828, -0.1418, 0.0202], AgreedFormAt: 0.55);

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
