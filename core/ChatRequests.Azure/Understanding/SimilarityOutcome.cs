using ChatRequests.Core.Catalog;
using ChatRequests.Core.Understanding;

namespace ChatRequests.Azure.Understanding;

/// <summary>An item and how close the message's vector is to the item's (cosine similarity).</summary>
public sealed record ItemSimilarity(CatalogItem Item, double Similarity);

/// <summary>
/// Combines the lexical meaning with the embedding similarities into the same outcomes (Item, Choice, Suggestion,
/// Unknown). Commands and incidents never get here. Items the words matched as a winner or a choice get a small bonus. An explicit lexical winner stays, unless the model is sure of
/// another item and finds the winner far off: then the person is asked to choose between the two.
/// </summary>
public static class SimilarityOutcome
{
    private const int MaxChoices = 5;

    public static Meaning Decide(Meaning lexical, IReadOnlyList<ItemSimilarity> similarities, SimilarityCalibration calibration)
    {
        var named = lexical.Items.ToDictionary(m => m.Item.Id, StringComparer.Ordinal);
        // A lexical suggestion is a partial match ("laptop" in "laptop charger"): it earns no bonus towards a form.
        var bonus = lexical.Kind is MeaningKind.Item or MeaningKind.Choice ? calibration.LexicalBonus : 0;
        var ranked = similarities
            .Select(s => WithBonus(s, named.ContainsKey(s.Item.Id) ? bonus : 0))
            .OrderByDescending(s => s.Score)
            .ToList();
        if (ranked.Count == 0)
        {
            return lexical;
        }

        return lexical.Kind == MeaningKind.Item
            ? KeepOrQuestionWinner(lexical, ranked, named, calibration)
            : FromSimilarities(lexical, ranked, named, calibration);
    }

    private static Meaning KeepOrQuestionWinner(
        Meaning lexical, List<Scored> ranked, Dictionary<string, ItemMatch> named, SimilarityCalibration calibration)
    {
        var winner = lexical.Items[0];
        var winnerScore = ranked.FirstOrDefault(s => s.Item.Id == winner.Item.Id)?.Score ?? 0;
        var best = ranked[0];
        var modelIsSureOfAnother = best.Item.Id != winner.Item.Id
            && best.Score >= calibration.ItemSimilarity
            && best.Score - winnerScore >= calibration.ClearMargin
            && winnerScore < calibration.SuggestionSimilarity;
        return modelIsSureOfAnother
            ? lexical with { Kind = MeaningKind.Choice, Items = [Match(best, named), winner with { Score = winnerScore }] }
            : lexical;
    }

    private static Meaning FromSimilarities(
        Meaning lexical, List<Scored> ranked, Dictionary<string, ItemMatch> named, SimilarityCalibration calibration)
    {
        var best = ranked[0];
        var second = ranked.Count > 1 ? ranked[1].Score : double.NegativeInfinity;
        if (best.Score >= calibration.ItemSimilarity && best.Score - second >= calibration.ClearMargin)
        {
            return lexical with { Kind = MeaningKind.Item, Items = [Match(best, named)] };
        }

        var close = ranked
            .TakeWhile(s => s.Score >= calibration.SuggestionSimilarity && best.Score - s.Score <= calibration.ChoiceWindow)
            .Take(MaxChoices)
            .Select(s => Match(s, named))
            .ToList();
        return close.Count switch
        {
            0 when lexical.Kind is MeaningKind.Choice or MeaningKind.Suggestion => lexical,
            0 => lexical with { Kind = MeaningKind.Unknown, Items = [] },
            1 => lexical with { Kind = MeaningKind.Suggestion, Items = close },
            _ => lexical with { Kind = MeaningKind.Choice, Items = close },
        };
    }

    // Form values come from the words only: an item the lexical reading named keeps the slots it read.
    private static ItemMatch Match(Scored scored, Dictionary<string, ItemMatch> named) =>
        named.TryGetValue(scored.Item.Id, out var lexical)
            ? lexical with { Score = scored.Score }
            : new ItemMatch(scored.Item, scored.Score, new Dictionary<string, string>());

    private static Scored WithBonus(ItemSimilarity similarity, double bonus) => new(similarity.Item, similarity.Similarity + bonus);

    private sealed record Scored(CatalogItem Item, double Score);
}
