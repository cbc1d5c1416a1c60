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
    /// Fitted on every catalog of the tuning part by
    /// <c>dotnet run -c Release --project eval/ChatRequests.IntakeEvaluation -- --fit</c>, which prints this line.
    /// </summary>
    public static MatchCalibration Fitted { get; } = new([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 2, 0, 0.6);

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
