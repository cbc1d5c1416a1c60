namespace ChatRequests.Core.Understanding;

/// <summary>
/// What says whether the top of a ranking is the item asked for, in terms that mean the same in any catalog: how much
/// evidence, how far ahead of the runner-up, whether the words name the item (and in their own words), how much of
/// the message the item leaves unexplained. The calibration weighs them (<see cref="MatchCalibration"/>).
/// </summary>
internal static class MatchFeatures
{
    /// <summary>The names of the features, in the order of <see cref="Of"/> and of the calibration's weights.</summary>
    public static readonly string[] Names =
    [
        "bias", "log score", "log lead", "named", "named exactly", "log named", "unexplained share", "all explained",
        "by a choice", "names more than runner-up", "log query terms", "named x log lead", "clear lead", "lone lead",
        "log runner-up named", "log close rivals", "covered", "runner-up covered",
    ];

    /// <summary>A lead with no runner-up counts as this many times the score (about a name against a category word).</summary>
    private const double NoRival = 4.0;

    public static double[] Of(IReadOnlyList<ScoredItem> ranked, int queryTerms)
    {
        var top = ranked[0];
        var second = ranked.Count > 1 ? ranked[1] : null;
        var lead = Math.Log(Math.Min(NoRival, second is null ? NoRival : top.Score / second.Score));
        // Named through a general synonym only ("display" for a "Monitor") names it when that is all the words say.
        var named = top.Named > 0 && (top.NamedExactly || top.Unexplained == 0) ? 1.0 : 0.0;
        var terms = Math.Max(1, queryTerms);
        return
        [
            1,
            Math.Log(top.Score),
            lead,
            named,
            top.NamedExactly ? 1 : 0,
            Math.Log(1 + top.Named),
            Math.Min(1, (double)top.Unexplained / terms),
            top.Unexplained == 0 ? 1 : 0,
            top.ByAChoice ? 1 : 0,
            second is null || top.Named > second.Named ? 1 : 0,
            Math.Log(terms),
            named * lead,
            MatchDecision.NamedAndClear(ranked) ? 1 : 0,
            MatchDecision.Lone(ranked) ? 1 : 0,
            Math.Log(1 + (second?.Named ?? 0)),
            Math.Log(1 + ranked.Skip(1).TakeWhile(s => s.Score >= 0.8 * top.Score).Count()),
            top.Covered,
            second?.Covered ?? 0,
        ];
    }
}
