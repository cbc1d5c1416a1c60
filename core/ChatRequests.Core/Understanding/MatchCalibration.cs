namespace ChatRequests.Core.Understanding;

/// <summary>
/// The fitted numbers of the match decision: a logistic model of the probability that the top item is the one asked
/// for (weights of <see cref="MatchFeatures"/>), the probability from which it is a form when the rule of
/// <see cref="MatchDecision"/> says so and when it does not, and the share of the top score within which runners-up
/// are offered beside it. See ADR 0037.
/// </summary>
internal sealed record MatchCalibration(IReadOnlyList<double> Weights, double FormAt, double RuleFormAt, double CloseBand)
{
    /// <summary>
    /// Fitted on every catalog of the tuning part (2,414 sentences, seven catalogs, 2026-12-06) by
    /// <c>dotnet run -c Release --project eval/ChatRequests.IntakeEvaluation -- --fit</c>, which prints this line.
    /// </summary>
    public static MatchCalibration Fitted { get; } = new([-4.5132, 2.0735, 1.3139, 0.1239, 0.1239, -1.4341, -1.0903, 0.8007, -0.259, 0.6509, 0.8355, 0.0087, 0.7662, 1.1173, 1.2069, -0.1846, 0.2201, 0.2021], 0.87, 0, 0.4);

    /// <summary>
    /// The same with the sentence encoder's features after the words' (ADR 0038), fitted on the same sentences by
    /// <c>dotnet run -c Release --project eval/ChatRequests.IntakeEvaluation -- --fit --encoder</c>.
    /// </summary>
    public static MatchCalibration FittedWithEncoder { get; } = new([-4.052, 1.8726, 0.8976, 0.1438, 0.1438, -1.6969, -1.2515, 1.1529, 0.296, 0.6588, 1.0444, 0.1608, 0.8509, 1.161, 1.373, -0.0874, -0.4706, 0.1941, 0.4763, 1.2774, 0.5482, -0.6292, -0.2539], 0.89, 0, 0.6);

    public double Probability(double[] features)
    {
        var z = 0.0;
        for (var i = 0; i < features.Length; i++)
        {
            z += Weights[i] * features[i];
        }

        return 1 / (1 + Math.Exp(-z));
    }
}
