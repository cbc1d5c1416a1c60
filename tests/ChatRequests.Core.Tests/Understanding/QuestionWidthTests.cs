using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.MiniCatalog;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>
/// A question ("Did you mean …") offers one item; where other candidates stand beside it, it is a choice of it and the
/// next ones, at most three (ADR 0068), on a warehouse's catalog written for these tests (none of it in the evaluation
/// set): a handheld scanner and its spare batteries, a label printer, office things.
/// </summary>
public class QuestionWidthTests
{
    private static readonly MiniCatalog Warehouse = new(
        Item("handheld", "Rugged handheld", "Warehouse", "A rugged handheld scanner for picking and goods in.", ["handheld", "scanner gun", "rf gun"]),
        Item("handheld-battery", "Handheld spare battery", "Warehouse", "Spare batteries and charging cradles for the rugged handhelds.", ["spare battery", "battery pack", "charging cradle"]),
        Item("label-printer", "Label printer", "Warehouse", "A desktop label printer for shipping labels.", ["label printer", "zebra"]),
        Item("desk-phone", "Desk phone", "Office", "A desk phone with a direct line.", ["desk phone", "handset"]),
        Item("laptop", "Laptop", "Office", "A standard laptop.", ["laptop", "notebook"]),
        Item("monitor", "Monitor", "Office", "A monitor for a desk.", ["monitor", "screen"]));

    private static readonly int Features = MatchFeatures.Names.Length;

    /// <summary>No form (a bar above the probability) and a band so narrow that only the top item is close: a question before.</summary>
    private static readonly MatchCalibration NarrowBand = new([0, .. new double[Features - 1]], 0.9, 0.9, 0.99);

    [Fact]
    public void AQuestionWithAnotherRankedItemBesideIt_IsAChoiceOfBoth_TheQuestionsItemFirst()
    {
        var reading = new LexicalInterpreter(Warehouse).Read("a battery for the rf gun");

        var meaning = LexicalInterpreter.Decide(reading, NarrowBand);

        Assert.True(reading.Ranked[1].Score >= MatchDecision.MinScore);
        Assert.Equal(MeaningKind.Choice, meaning.Kind);
        Assert.Equal(["handheld-battery", "handheld"], meaning.Items.Select(m => m.Item.Id));
    }

    [Fact]
    public void AQuestionWithNoOtherCandidate_StaysAQuestion()
    {
        var meaning = Warehouse.Read("need a laptop bag");

        Assert.Equal(MeaningKind.Suggestion, meaning.Kind);
        Assert.Equal("laptop", Assert.Single(meaning.Items).Item.Id);
    }
}
