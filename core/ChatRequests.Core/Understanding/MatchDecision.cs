namespace ChatRequests.Core.Understanding;

/// <summary>
/// How sure the ranking is. Two judges: a rule (a named item well ahead of the runner-up, or many words fitting one
/// item and nothing else) and the calibration's probability that the top item is the one asked for. A form needs the
/// probability to clear one bar when the rule agrees and a higher one when it does not; below, several close items
/// are a choice and a lone one a question ("Did you mean a laptop charger?"); too little evidence is nothing.
/// </summary>
internal static class MatchDecision
{
    public const int MaxChoices = 5;

    /// <summary>The least score that is a match: about one misspelt word of an item's name.</summary>
    public const double MinScore = 1.5;
    /// <summary>A named winner this many times the runner-up is clear...</summary>
    private const double ClearLead = 1.35;
    /// <summary>...or this many times a runner-up that the words name less well, when they name the winner without a synonym.</summary>
    private const double NamedLead = 1.1;
    /// <summary>
    /// Unnamed, a winner needs this much evidence (several of its words, about two names' worth) and no rival within
    /// <see cref="LoneLead"/>: many words fitting one item and nothing else is as telling as its name said once.
    /// </summary>
    private const double LoneScore = 3.5;
    private const double LoneLead = 1.6;

    public static (MeaningKind Kind, IReadOnlyList<ScoredItem> Items) Decide(IReadOnlyList<ScoredItem> ranked, int queryTerms, MatchCalibration calibration, DecisionTrace? trace = null)
    {
        if (ranked.Count == 0 || ranked[0].Score < MinScore)
        {
            return (MeaningKind.Unknown, []);
        }

        var top = ranked[0];
        trace?.First = top.Index;
        var probability = calibration.Probability(MatchFeatures.Of(ranked, queryTerms));
        if (probability >= (RuleSaysForm(ranked) ? calibration.RuleFormAt : calibration.FormAt))
        {
            return (MeaningKind.Item, [top]);
        }

        trace?.Held(FormHold.WordsBelowBar);
        var close = ranked.Where(s => s.Score >= calibration.CloseBand * top.Score && s.Score >= MinScore).Take(MaxChoices).ToList();
        return close.Count >= 2 ? (MeaningKind.Choice, close) : (MeaningKind.Suggestion, [top]);
    }

    /// <summary>The rule's verdict: the top item named and clearly ahead, or unnamed with much evidence and no rival near.</summary>
    public static bool RuleSaysForm(IReadOnlyList<ScoredItem> ranked) => NamedAndClear(ranked) || Lone(ranked);

    /// <summary>Named (through a general synonym only when that is all the words say) and clearly ahead of the runner-up.</summary>
    public static bool NamedAndClear(IReadOnlyList<ScoredItem> ranked)
    {
        var (top, second) = (ranked[0], ranked.Count > 1 ? ranked[1] : null);
        var named = top.Named > 0 && (top.NamedExactly || top.Unexplained == 0);
        return named && (second is null || top.Score >= ClearLead * second.Score || (top.Named > second.Named && top.NamedExactly && top.Score >= NamedLead * second.Score));
    }

    /// <summary>Not when a choice of several words carries it: "work tablet" may be the device of anything.</summary>
    public static bool Lone(IReadOnlyList<ScoredItem> ranked)
    {
        var (top, second) = (ranked[0], ranked.Count > 1 ? ranked[1] : null);
        return top.Score >= LoneScore && !top.ByAChoice && (second is null || top.Score >= LoneLead * second.Score);
    }
}
