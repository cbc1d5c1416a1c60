namespace ChatRequests.Core.Understanding;

/// <summary>
/// How sure the ranking is: the calibration's probability that the top item is the one asked for decides a form;
/// below it, several close items are a choice and a lone one a question ("Did you mean a laptop charger?"); too
/// little evidence is nothing.
/// </summary>
internal static class MatchDecision
{
    public const int MaxChoices = 5;

    /// <summary>The least score that is a match: about one misspelt word of an item's name.</summary>
    public const double MinScore = 1.5;

    public static (MeaningKind Kind, IReadOnlyList<ScoredItem> Items) Decide(IReadOnlyList<ScoredItem> ranked, int queryTerms, MatchCalibration calibration)
    {
        if (ranked.Count == 0 || ranked[0].Score < MinScore)
        {
            return (MeaningKind.Unknown, []);
        }

        var top = ranked[0];
        if (calibration.Probability(MatchFeatures.Of(ranked, queryTerms)) >= calibration.FormAt)
        {
            return (MeaningKind.Item, [top]);
        }

        var close = ranked.Where(s => s.Score >= calibration.CloseBand * top.Score && s.Score >= MinScore).Take(MaxChoices).ToList();
        return close.Count >= 2 ? (MeaningKind.Choice, close) : (MeaningKind.Suggestion, [top]);
    }
}
