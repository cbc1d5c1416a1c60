namespace ChatRequests.Core.Understanding;

/// <summary>
/// The match decision when the sentence encoder has read the message (ADR 0041): sentence meaning leads beside the
/// words. The candidates are the items the words rank and the items nearest the message's meaning; a logistic model of
/// "this candidate is the one asked for" over features of both (<see cref="Features"/>) orders them; the most likely
/// is a form when its probability clears the calibration's bar (a lower one when the words' rule says form for it),
/// else the candidates within the band of it are a choice (at most five), a lone one a question. The guards that keep
/// people safe are not here but after it, for every decision (<see cref="LexicalInterpreter"/>): a part named where
/// only its whole exists is a question; a fault report is an incident; a command the words name is never read with the
/// encoder at all.
/// </summary>
internal static class SentenceLead
{
    /// <summary>How many of the words' best items and of the encoder's nearest items are candidates.</summary>
    private const int WordCandidates = 5;
    private const int MeaningCandidates = 3;

    /// <summary>The least cosine at which the encoder's nearest items are candidates beside the words'.</summary>
    private const float CandidateFrom = 0.35f;

    /// <summary>
    /// With nothing the words rank, the least cosine of the nearest item for anything to be offered: on the tuning part
    /// the best cosine of an item sentence is above it in about three of four, of a "none" sentence in about one of three.
    /// </summary>
    private const float AloneFrom = 0.5f;

    /// <summary>
    /// From this probability of the words' own calibration, with its rule saying form, the words are decisive and the
    /// message is not encoded (the encoder costs milliseconds; see ADR 0041 for what it changes on these).
    /// </summary>
    public const double DecisiveAt = 0.9;

    /// <summary>The names of the features, in the order of <see cref="Features"/> and of the calibration's weights.</summary>
    public static readonly string[] Names =
    [
        "bias", "log score", "share of top score", "words' top", "named", "named exactly", "covered", "part named",
        "unexplained share", "by a choice", "rule form", "cosine", "cosine lead", "nearest", "log cosine rank",
        "best cosine", "log query terms",
    ];

    // Positions in Features (and Names) that SureFeatures reads back.
    private const int LogScoreAt = 1, PartNamedAt = 7, CosineAt = 11, CosineLeadAt = 12, NearestAt = 13, BestCosineAt = 15;

    /// <summary>Whether the words settle the match without the encoder: their rule says form and their calibration is sure.</summary>
    public static bool WordsAreDecisive(IReadOnlyList<ScoredItem> ranked, int queryTerms, double decisiveAt) =>
        ranked.Count > 0 && ranked[0].Score >= MatchDecision.MinScore && MatchDecision.RuleSaysForm(ranked)
        && MatchCalibration.Fitted.Probability(MatchFeatures.Of(ranked, queryTerms)) >= decisiveAt;

    public static (MeaningKind Kind, IReadOnlyList<ScoredItem> Items) Decide(Reading reading, float[] cosines, MatchCalibration calibration, DecisionTrace? trace = null)
    {
        var (ranked, queryTerms) = (reading.Ranked, reading.QueryTerms);
        var judged = Judged(ranked, queryTerms, cosines, calibration);
        if (judged.Count == 0)
        {
            return (MeaningKind.Unknown, []);
        }

        var best = judged[0];
        trace?.First = best.Item.Index;
        // Whether the words and the meaning agree is read only where it decides: below the other bars, above the agreed one.
        var sureness = calibration.Sureness(SureFeatures(judged, reading, cosines, calibration.SureExtra));
        if (sureness >= calibration.SureFormAt(best.Rule, agreed: false)
            || (sureness >= calibration.SureFormAt(best.Rule, agreed: true) && Agreed(judged, reading, cosines)))
        {
            return (MeaningKind.Item, [best.Item]);
        }

        trace?.Held(sureness >= calibration.SureFormAt(best.Rule, agreed: true) ? NotAgreedBecause(judged, reading, cosines) : FormHold.SurenessBelowBars);
        var close = judged.Where(j => j.Probability >= calibration.CloseBand * best.Probability).Take(MatchDecision.MaxChoices).Select(j => j.Item).ToList();
        return Offered(close, Nearest(cosines, CandidateFrom), ranked);
    }

    /// <summary>
    /// Whether the first candidate is the one the words rank first and the one nearest in meaning, and the thing the words
    /// ask for is its own (<see cref="AskHead.Against"/>): the sign of a form that is safe below the other bars (ADR 0055).
    /// </summary>
    public static bool Agreed(List<(ScoredItem Item, double Probability, bool Rule)> judged, Reading reading, float[] cosines) =>
        NotAgreedBecause(judged, reading, cosines) == FormHold.None;

    /// <summary>Which part of the agreement failed (<see cref="FormHold.None"/> when none did): the census reads it too (ADR 0094).</summary>
    private static FormHold NotAgreedBecause(List<(ScoredItem Item, double Probability, bool Rule)> judged, Reading reading, float[] cosines)
    {
        var first = judged[0].Item.Index;
        var ranked = reading.Ranked;
        return !(ranked.Count > 0 && ranked[0].Score >= MatchDecision.MinScore && ranked[0].Index == first) ? FormHold.AgreedBarWordsTop
            : Nearest(cosines, float.MinValue) is not [var nearest, ..] || nearest != first ? FormHold.AgreedBarNearest
            : !AskHead.IsItsOwnAlone(reading.Words, reading.Index, first) ? FormHold.AgreedBarAskHead
            : FormHold.None;
    }

    /// <summary>
    /// What is offered when there is no form: the close candidates, and the items nearest in meaning that they lack
    /// (ADR 0052), at most <see cref="MatchDecision.MaxChoices"/>; a lone one is a question.
    /// </summary>
    private static (MeaningKind Kind, IReadOnlyList<ScoredItem> Items) Offered(List<ScoredItem> close, IEnumerable<int> nearest, IReadOnlyList<ScoredItem> ranked)
    {
        var offered = close.Concat(nearest.Where(i => close.All(c => c.Index != i)).Select(i => Scored(ranked, i))).Take(MatchDecision.MaxChoices).ToList();
        return offered.Count >= 2 ? (MeaningKind.Choice, offered) : (MeaningKind.Suggestion, offered);
    }

    /// <summary>
    /// For a message nothing was decided for (no candidate, no command, no fault): the items nearest it in meaning, from
    /// the candidates' <see cref="CandidateFrom"/>, as a choice or a question instead of the catalog (ADR 0052); none when none is that near.
    /// </summary>
    public static (MeaningKind Kind, IReadOnlyList<ScoredItem> Items) NearestOnly(IReadOnlyList<ScoredItem> ranked, float[] cosines) =>
        Nearest(cosines, CandidateFrom) is [_, ..] nearest ? Offered([], nearest, ranked) : (MeaningKind.Unknown, []);

    /// <summary>An item as the words scored it, or unscored when they did not rank it.</summary>
    private static ScoredItem Scored(IReadOnlyList<ScoredItem> ranked, int index) =>
        ranked.FirstOrDefault(s => s.Index == index) ?? new ScoredItem(index, 0, 0, null, false, 0);

    /// <summary>The items nearest the message in meaning, at least <paramref name="from"/>, nearest first.</summary>
    private static List<int> Nearest(float[] cosines, float from) =>
        [.. Enumerable.Range(0, cosines.Length).Where(i => cosines[i] >= from).OrderByDescending(i => cosines[i]).ThenBy(i => i).Take(MeaningCandidates)];

    /// <summary>The candidates, most likely first, with their probability and whether the words' rule says form for them.</summary>
    public static List<(ScoredItem Item, double Probability, bool Rule)> Judged(IReadOnlyList<ScoredItem> ranked, int queryTerms, float[] cosines, MatchCalibration calibration) =>
        [.. Candidates(ranked, cosines)
            .Select(c => (c, calibration.Probability(Features(c, ranked, queryTerms, cosines)), IsRuleForm(c, ranked)))
            .OrderByDescending(j => j.Item2)];

    /// <summary>
    /// What says whether the first candidate is the one asked for: how likely it is and how far ahead of the second
    /// (log odds), whether the words' rule says form for it, its cosine and lead, and, when it is the words' top, the
    /// words' own features of their decision (<see cref="MatchFeatures"/>); last, the evaluation's <see cref="ISurenessExtra"/> features, if any.
    /// </summary>
    public static double[] SureFeatures(List<(ScoredItem Item, double Probability, bool Rule)> judged, Reading reading, float[] cosines, ISurenessExtra? extra)
    {
        var (ranked, queryTerms) = (reading.Ranked, reading.QueryTerms);
        var (best, second) = (judged[0], judged.Count > 1 ? judged[1].Probability : 0);
        var odds = LogOdds(best.Probability);
        var wordsTop = ranked.Count > 0 && ranked[0].Score >= MatchDecision.MinScore && ranked[0].Index == best.Item.Index;
        var candidate = Features(best.Item, ranked, queryTerms, cosines);
        return
        [
            1,
            odds,
            odds - LogOdds(second),
            best.Rule ? 1 : 0,
            wordsTop ? 1 : 0,
            candidate[CosineAt],
            candidate[CosineLeadAt],
            candidate[NearestAt],
            candidate[BestCosineAt],
            Math.Log(judged.Count(j => j.Probability >= 0.5 * best.Probability)),
            wordsTop ? 0 : candidate[LogScoreAt],
            wordsTop ? 0 : candidate[PartNamedAt],
            .. wordsTop ? MatchFeatures.Of(ranked, queryTerms)[1..] : new double[MatchFeatures.Names.Length - 1],
            .. extra is null ? Array.Empty<double>() : extra.Features(judged, reading),
        ];
    }

    private static double LogOdds(double p)
    {
        var clamped = Math.Clamp(p, 1e-4, 1 - 1e-4);
        return Math.Log(clamped / (1 - clamped));
    }

    /// <summary>The words' best items and the encoder's nearest, once each; none when neither says enough.</summary>
    public static List<ScoredItem> Candidates(IReadOnlyList<ScoredItem> ranked, float[] cosines)
    {
        var candidates = ranked.Where(s => s.Score >= MatchDecision.MinScore).Take(WordCandidates).ToList();
        var nearest = Nearest(cosines, CandidateFrom);
        if (candidates.Count == 0 && (nearest.Count == 0 || cosines[nearest[0]] < AloneFrom))
        {
            return [];
        }

        candidates.AddRange(nearest.Where(i => candidates.All(c => c.Index != i)).Select(i => Scored(ranked, i)));
        return candidates;
    }

    /// <summary>What says whether a candidate is the item asked for, by the words and by the meaning, in any catalog's terms.</summary>
    public static double[] Features(ScoredItem candidate, IReadOnlyList<ScoredItem> ranked, int queryTerms, float[] cosines)
    {
        var top = ranked.Count > 0 && ranked[0].Score >= MatchDecision.MinScore ? ranked[0] : null;
        var own = cosines[candidate.Index];
        var (other, rank, best) = (float.MinValue, 0, float.MinValue);
        for (var i = 0; i < cosines.Length; i++)
        {
            best = Math.Max(best, cosines[i]);
            if (i != candidate.Index)
            {
                other = Math.Max(other, cosines[i]);
                rank += cosines[i] > own ? 1 : 0;
            }
        }

        var terms = Math.Max(1, queryTerms);
        var named = candidate.Named > 0 && (candidate.NamedExactly || candidate.Unexplained == 0);
        return
        [
            1,
            Math.Log(1 + candidate.Score),
            top is null ? 0 : candidate.Score / top.Score,
            top is not null && top.Index == candidate.Index ? 1 : 0,
            named ? 1 : 0,
            candidate.NamedExactly ? 1 : 0,
            candidate.Covered,
            candidate.Covered is > 0 and < 1 && candidate.Named == 0 ? 1 : 0,
            candidate.Score > 0 ? Math.Min(1, (double)candidate.Unexplained / terms) : 1,
            candidate.ByAChoice ? 1 : 0,
            IsRuleForm(candidate, ranked) ? 1 : 0,
            own,
            cosines.Length > 1 ? own - other : own,
            rank == 0 ? 1 : 0,
            Math.Log(1 + rank),
            best,
            Math.Log(terms),
        ];
    }

    private static bool IsRuleForm(ScoredItem candidate, IReadOnlyList<ScoredItem> ranked) =>
        ranked.Count > 0 && ranked[0].Index == candidate.Index && ranked[0].Score >= MatchDecision.MinScore && MatchDecision.RuleSaysForm(ranked);
}
