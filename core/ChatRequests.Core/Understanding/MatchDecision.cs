namespace ChatRequests.Core.Understanding;

/// <summary>
/// How sure the ranking is: a named item well ahead is a form; several close ones a choice; a lone partial match
/// (a word shared with an item, "laptop" against "Laptop charger") a question; too little, nothing.
/// </summary>
internal static class MatchDecision
{
    public const int MaxChoices = 5;

    /// <summary>The least score that is a match: about one misspelt word of an item's name.</summary>
    private const double MinScore = 1.5;
    /// <summary>A named winner must score this many times the runner-up to be taken without asking...</summary>
    private const double ClearLead = 1.35;
    /// <summary>...or this many times a runner-up that the words name less well, when they name the winner without a synonym.</summary>
    private const double NamedLead = 1.1;
    /// <summary>Runners-up within this fraction of the top score are offered beside it.</summary>
    private const double CloseBand = 0.6;
    /// <summary>
    /// Unnamed, a winner needs this much evidence (several of its words, about two names' worth) and no rival within
    /// <see cref="LoneLead"/>: many words fitting one item and nothing else is as telling as its name said once.
    /// </summary>
    private const double LoneScore = 3.5;
    private const double LoneLead = 1.6;

    public static (MeaningKind Kind, IReadOnlyList<ScoredItem> Items) Decide(IReadOnlyList<ScoredItem> ranked)
    {
        if (ranked.Count == 0 || ranked[0].Score < MinScore)
        {
            return (MeaningKind.Unknown, []);
        }

        var top = ranked[0];
        var second = ranked.Count > 1 ? ranked[1] : null;
        // Named through a general synonym only ("display" for a "Monitor"): a form only when that is all the words say.
        var named = top.Named > 0 && (top.NamedExactly || top.Unexplained == 0);
        if (named && (second is null || top.Score >= ClearLead * second.Score || (top.Named > second.Named && top.NamedExactly && top.Score >= NamedLead * second.Score)))
        {
            return (MeaningKind.Item, [top]);
        }

        // Not when a choice of several words carries it: "work tablet" may be the device of anything.
        if (top.Score >= LoneScore && !top.ByAChoice && (second is null || top.Score >= LoneLead * second.Score))
        {
            return (MeaningKind.Item, [top]);
        }

        var close = ranked.Where(s => s.Score >= CloseBand * top.Score && s.Score >= MinScore).Take(MaxChoices).ToList();
        return close.Count >= 2 ? (MeaningKind.Choice, close) : (MeaningKind.Suggestion, [top]);
    }
}
