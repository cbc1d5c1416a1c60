using ChatRequests.Azure.Understanding;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Understanding;
using static ChatRequests.Azure.Tests.Understanding.IntakeTestKit;

namespace ChatRequests.Azure.Tests.Understanding;

/// <summary>How similarities and the lexical reading combine (default calibration: item 0.62, margin 0.06, suggestion 0.45).</summary>
public sealed class SimilarityOutcomeTests
{
    private static readonly SimilarityCalibration Calibration = new();
    private static readonly Dictionary<string, string> NoSlots = [];

    [Fact]
    public void NoLexicalWinner_AClearlyClosestItem_IsTheItem_AndTheWordsUrgencyStays()
    {
        var lexical = new Meaning { Kind = MeaningKind.Unknown, UrgencyHint = Urgency.High };

        var meaning = Decide(lexical, (Laptop, 0.71), (Charger, 0.52), (Vpn, 0.10));

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal(Laptop, Assert.Single(meaning.Items).Item);
        Assert.Equal(Urgency.High, meaning.UrgencyHint);
    }

    [Fact]
    public void TwoCloseItems_AreAChoice_BestFirst()
    {
        var meaning = Decide(new Meaning { Kind = MeaningKind.Unknown }, (Charger, 0.66), (Laptop, 0.68), (Vpn, 0.2));

        Assert.Equal(MeaningKind.Choice, meaning.Kind);
        Assert.Equal([Laptop, Charger], meaning.Items.Select(m => m.Item));
    }

    [Fact]
    public void OneItemCloseButNotSure_IsAQuestion()
    {
        var meaning = Decide(new Meaning { Kind = MeaningKind.Unknown }, (Laptop, 0.5), (Charger, 0.3), (Vpn, 0.2));

        Assert.Equal(MeaningKind.Suggestion, meaning.Kind);
        Assert.Equal(Laptop, Assert.Single(meaning.Items).Item);
    }

    [Fact]
    public void NothingClose_KeepsALexicalSuggestion_ElseUnknown()
    {
        var suggestion = new Meaning { Kind = MeaningKind.Suggestion, Items = [new ItemMatch(Charger, 1, NoSlots)] };

        Assert.Same(suggestion, Decide(suggestion, (Laptop, 0.2), (Charger, 0.3), (Vpn, 0.1)));
        Assert.Equal(MeaningKind.Unknown, Decide(new Meaning { Kind = MeaningKind.Unknown }, (Laptop, 0.2), (Charger, 0.3)).Kind);
    }

    [Fact]
    public void AnItemAmongTheWordsChoice_GetsTheBonus_AndKeepsTheSlotsTheWordsFilled()
    {
        var slots = new Dictionary<string, string> { ["wattage"] = "65 W" };
        var lexical = new Meaning { Kind = MeaningKind.Choice, Items = [new ItemMatch(Charger, 1, slots), new ItemMatch(Vpn, 1, NoSlots)] };

        // 0.60 alone is short of a form; 0.60 + 0.05 = 0.65 is one, clear of the laptop's 0.55.
        var meaning = Decide(lexical, (Charger, 0.60), (Laptop, 0.55), (Vpn, 0.1));

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        var match = Assert.Single(meaning.Items);
        Assert.Equal(Charger, match.Item);
        Assert.Same(slots, match.Slots);
    }

    [Fact]
    public void ALexicalSuggestion_APartialMatch_GetsNoBonusTowardsAForm()
    {
        var lexical = new Meaning { Kind = MeaningKind.Suggestion, Items = [new ItemMatch(Charger, 1, NoSlots)] };

        var meaning = Decide(lexical, (Charger, 0.60), (Laptop, 0.40), (Vpn, 0.1));

        Assert.Equal(MeaningKind.Suggestion, meaning.Kind);
        Assert.Equal(Charger, Assert.Single(meaning.Items).Item);
    }

    [Fact]
    public void ALexicalWinner_StaysAgainstAWeakOrCloseSimilarity()
    {
        var winner = new Meaning { Kind = MeaningKind.Item, Items = [new ItemMatch(Charger, 1, NoSlots)] };

        Assert.Same(winner, Decide(winner, (Laptop, 0.58), (Charger, 0.2)));   // the other one is not sure enough
        Assert.Same(winner, Decide(winner, (Laptop, 0.80), (Charger, 0.50)));  // the winner is close too
    }

    [Fact]
    public void ALexicalWinner_FarOff_WhileTheModelIsSureOfAnother_BecomesAChoiceOfTheTwo()
    {
        var winner = new Meaning { Kind = MeaningKind.Item, Items = [new ItemMatch(Charger, 1, NoSlots)] };

        var meaning = Decide(winner, (Laptop, 0.80), (Charger, 0.20), (Vpn, 0.1));

        Assert.Equal(MeaningKind.Choice, meaning.Kind);
        Assert.Equal([Laptop, Charger], meaning.Items.Select(m => m.Item));
    }

    [Fact]
    public void AChoice_HasFiveItemsAtMost()
    {
        var items = Enumerable.Range(0, 8).Select(i => (Laptop with { Id = $"item-{i}" }, 0.60 - i * 0.005)).ToArray();

        var meaning = Decide(new Meaning { Kind = MeaningKind.Unknown }, items);

        Assert.Equal(MeaningKind.Choice, meaning.Kind);
        Assert.Equal(["item-0", "item-1", "item-2", "item-3", "item-4"], meaning.Items.Select(m => m.Item.Id));
    }

    private static Meaning Decide(Meaning lexical, params (CatalogItem Item, double Similarity)[] similarities) =>
        SimilarityOutcome.Decide(lexical, [.. similarities.Select(s => new ItemSimilarity(s.Item, s.Similarity))], Calibration);
}
