using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.MiniCatalog;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>
/// The calibrated match decision (ADR 0037) on a veterinary practice's catalog written for these tests, none of it in
/// the evaluation set: the features read from a ranking, the two bars of the decision (with and without the rule of
/// the named, clear winner), and the fitted calibration end to end.
/// </summary>
public class CalibratedMatchTests
{
    private static readonly MiniCatalog Vets = new(
        Item("laptop-charger", "Laptop charger", description: "A spare charger for a practice laptop.", keywords: ["charger"]),
        Item("kennel-camera", "Kennel camera", description: "A camera to watch the recovery kennels from reception.", keywords: ["kennel cam"]),
        Item("label-printer", "Label printer", description: "Prints labels for medicine bottles and sample pots.", keywords: ["label printer"]),
        Item("xray-viewer", "X-ray viewer licence", "Software", "A licence for the digital X-ray viewer in a consult room.", ["xray software", "radiography viewer"]),
        Item("practice-system", "Practice management account", "Access", "An account on the practice management system for appointments and clinical notes.", ["pms login", "appointments system"]),
        Item("consult-pc", "Consult room PC", description: "A desktop PC for a consult room.", keywords: ["consult pc"]));

    private static readonly int Features = MatchFeatures.Names.Length;

    private static Reading Read(string text) => new LexicalInterpreter(Vets).Read(text);

    private static double Feature(Reading reading, string name) =>
        MatchFeatures.Of(reading.Ranked, reading.QueryTerms)[Array.IndexOf(MatchFeatures.Names, name)];

    private static MatchCalibration Constant(double probability, double formAt, double ruleFormAt) =>
        new([Math.Log(probability / (1 - probability)), .. new double[Features - 1]], formAt, ruleFormAt, 0.6);

    [Fact]
    public void Covered_IsTheShareOfTheBestSaidNameOfTheItem()
    {
        Assert.Equal(0.5, Read("a laptop please").Ranked[0].Covered, 3);
        Assert.Equal(1.0, Read("a laptop charger please").Ranked[0].Covered, 3);
    }

    [Fact]
    public void Features_AreOneForEachName_AndTheLeadIsCappedWithNoRunnerUp()
    {
        var reading = Read("kennel camera for the cat ward");

        Assert.Equal(Features, MatchFeatures.Of(reading.Ranked, reading.QueryTerms).Length);
        Assert.Equal(1.0, Feature(reading, "bias"));
        Assert.Equal(1.0, Feature(reading, "named"));
        Assert.Equal(1.0, Feature(reading, "named exactly"));
        Assert.InRange(Feature(reading, "log lead"), 0.01, Math.Log(4) + 1e-9);
    }

    [Fact]
    public void AWordSaidThatTheItemDoesNotExplain_CountsAsUnexplained()
    {
        var plain = Read("label printer");
        var rambling = Read("label printer for the pharmacy fridge shelf");

        Assert.Equal(0, Feature(plain, "unexplained share"));
        Assert.True(Feature(rambling, "unexplained share") > 0);
        Assert.Equal(1.0, Feature(plain, "all explained"));
    }

    [Fact]
    public void WithNoWeightsAndNoBarForTheRule_TheDecisionIsTheRuleAlone()
    {
        var rule = new MatchCalibration(new double[Features], 2, 0, 0.6);

        Assert.Equal(MeaningKind.Item, LexicalInterpreter.Decide(Read("the kennel camera please"), rule).Kind);
        Assert.NotEqual(MeaningKind.Item, LexicalInterpreter.Decide(Read("a laptop please"), rule).Kind);
    }

    [Fact]
    public void ABarAboveTheProbability_MakesTheRulesFormAQuestion()
    {
        var reading = Read("the kennel camera please");

        Assert.True(MatchDecision.RuleSaysForm(reading.Ranked));
        Assert.Equal(MeaningKind.Item, LexicalInterpreter.Decide(reading, Constant(0.7, 0.9, 0.6)).Kind);
        Assert.Equal(MeaningKind.Suggestion, LexicalInterpreter.Decide(reading, Constant(0.5, 0.9, 0.6)).Kind);
    }

    [Fact]
    public void AProbabilityAboveTheHigherBar_IsAFormWithoutTheRule()
    {
        var reading = Read("a laptop please");

        Assert.False(MatchDecision.RuleSaysForm(reading.Ranked));
        Assert.NotEqual(MeaningKind.Item, LexicalInterpreter.Decide(reading, Constant(0.8, 0.9, 0.3)).Kind);
        Assert.Equal(MeaningKind.Item, LexicalInterpreter.Decide(reading, Constant(0.95, 0.9, 0.3)).Kind);
    }

    [Fact]
    public void BelowTheBar_CloseItemsWithinTheBandAreAChoice()
    {
        var reading = Read("printer or viewer for the consult room");
        var wide = new MatchCalibration(new double[Features], 2, 2, 0.1);

        var meaning = LexicalInterpreter.Decide(reading, wide);

        Assert.Equal(MeaningKind.Choice, meaning.Kind);
        Assert.InRange(meaning.Items.Count, 2, MatchDecision.MaxChoices);
    }

    [Fact]
    public void TooLittleEvidence_IsNothing_WhateverTheCalibration()
    {
        Assert.Equal(MeaningKind.Unknown, LexicalInterpreter.Decide(Read("a new fridge for the staff room"), Constant(0.99, 0.5, 0.5)).Kind);
    }

    [Theory]
    [InlineData("kennel camera for the dog ward", "kennel-camera")]
    [InlineData("need the xray viewer software in consult 2", "xray-viewer")]
    [InlineData("a label printer for the dispensary", "label-printer")]
    public void TheFittedCalibration_GivesAClearlyNamedItemItsForm(string text, string id)
    {
        var meaning = Vets.Read(text);

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal(id, meaning.Items[0].Item.Id);
    }

    [Theory]
    [InlineData("a new laptop for the nurse")]
    [InlineData("a camera for the car park")]
    public void TheFittedCalibration_GivesAPartialMatchNoForm(string text)
    {
        Assert.NotEqual(MeaningKind.Item, Vets.Read(text).Kind);
    }
}
