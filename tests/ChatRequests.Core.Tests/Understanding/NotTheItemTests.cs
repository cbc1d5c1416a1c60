using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.MiniCatalog;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>
/// The words name an item and yet ask for something it is not (ADR 0091): a thing asked for first and the item only
/// after "for" (a part, supply or accessory of the item's thing), or the item's telling word said only after "not".
/// Both are a question; the same words asking for the item are its form.
/// </summary>
public class NotTheItemTests
{
    // A land survey firm's catalog: the receiver's description mentions batteries and tripods, which no item offers.
    private static readonly MiniCatalog Survey = new(
        Item("drone", "Survey drone", description: "A mapping drone with its controller, registered to the firm.", keywords: ["survey drone", "mapping drone", "uav"]),
        Item("receiver", "GNSS receiver", description: "A GNSS rover with two batteries and a carbon tripod.", keywords: ["gnss", "gps rover"]),
        Item("calc", "Graphing calculator", "Office", keywords: ["graphing calculator"]),
        Item("cad", "Revit licence", "Software", keywords: ["revit"]),
        Item("tablet", "Field tablet", keywords: ["field tablet", "rugged tablet"]));

    [Theory]
    [InlineData("batteries for the survey drone, ours are worn out")]
    [InlineData("a tripod for my gps rover")]
    public void AThingTheItemIsNot_AskedForTheItem_IsNoForm(string text)
    {
        Assert.NotEqual(MeaningKind.Item, Survey.Read(text).Kind);
    }

    [Theory]
    [InlineData("a survey drone for the new site team", "drone")]
    [InlineData("gps rover for the new site team", "receiver")]
    public void TheItemAskedForSomeone_IsItsForm(string text, string item)
    {
        var meaning = Survey.Read(text);

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal(item, meaning.Items[0].Item.Id);
    }

    [Theory]
    [InlineData("basic calculators for the trainees, not graphing")]
    [InlineData("a licence for a modelling tool, not revit")]
    public void TheItemsTellingWordSaidOnlyAsNotWanted_IsNoForm(string text)
    {
        Assert.NotEqual(MeaningKind.Item, Survey.Read(text).Kind);
    }

    [Theory]
    [InlineData("graphing calculators for the trainees", "calc")]
    [InlineData("a revit licence, not a trial", "cad")]
    public void TheItemsTellingWordSaidAsWanted_IsItsForm(string text, string item)
    {
        var meaning = Survey.Read(text);

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal(item, meaning.Items[0].Item.Id);
    }
}
