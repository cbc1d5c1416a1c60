using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// One depth-2 regression tree of a boosted sureness (ADR 0075): a split of one of <see cref="SentenceLead.SureFeatures"/>,
/// then a split on each side; what it adds to the log odds of "the first candidate is the one asked for".
/// </summary>
internal sealed record SureTree(int Feature, double At, SureSplit Below, SureSplit Above)
{
    public double Value(double[] features) => (features[Feature] < At ? Below : Above).Value(features);
}

/// <summary>
/// A split under a tree's first one: the value of the features below the bar and of those at or above it; a leaf where the
/// two values are the same (each side of a stump, or where no further split lowered the loss).
/// </summary>
internal sealed record SureSplit(int Feature, double At, double BelowValue, double AboveValue)
{
    public double Value(double[] features) => features[Feature] < At ? BelowValue : AboveValue;
}
