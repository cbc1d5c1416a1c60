using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.MiniCatalog;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>
/// What makes a match weak or strong on a catalog the bot has never seen, here a touring theatre company's: the thing
/// asked for is the noun after the asking verb, what a thing must not have names no item, a product only one item
/// offers names that item, and a word of when or how after a name is no other thing. None of these sentences is in
/// the evaluation set.
/// </summary>
public class WeakMatchRulesTests
{
    private static readonly MiniCatalog Theatre = new(
        Item("laptop", "Laptop", description: "A laptop for the office or the road.", keywords: ["laptop"]),
        Item("radio", "Two-way radio", description: "A handheld radio for stage crew and front of house.", keywords: ["walkie talkie", "crew radio"]),
        Item("lighting-software", "Lighting design software", "Software", "Software to plot the lighting rig of a show.",
            ["lighting plot"], [Choice("product", "Product", ["Vectorworks Spotlight", "Capture Studio"])]),
        Item("box-office", "Box office login", "Access", "A login to the ticketing system to sell and refund tickets.", ["ticketing"]),
        Item("kit-move", "Kit move", "Moves", "Moving the show's IT kit to the next venue.", ["move"]));

    [Theory]
    [InlineData("could I get a webcam, the one in my laptop is useless")]
    [InlineData("usb stick for moving files between laptops")]
    public void ALoneWordOfAnItem_IsNoForm_WhenTheThingAskedForIsAnotherNoun(string text)
    {
        Assert.NotEqual(MeaningKind.Item, Theatre.Read(text).Kind);
    }

    [Theory]
    [InlineData("could I get a laptop, the one I have is useless")]
    [InlineData("need a new laptop for touring, mine is dead")]
    public void TheThingAskedFor_IsStillItsForm(string text)
    {
        var meaning = Theatre.Read(text);

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal("laptop", meaning.Items[0].Item.Id);
    }

    [Fact]
    public void WhatAThingMustNotHave_NamesNoItem()
    {
        var meaning = Theatre.Read("ear defenders for the crew, the plain kind with no crew radio or cable");

        Assert.False(meaning.Kind == MeaningKind.Item && meaning.Items[0].Item.Id == "radio");
        Assert.Equal("radio", Theatre.Read("a crew radio for the get-in tonight").Items[0].Item.Id);
    }

    [Fact]
    public void AProductOnlyOneItemOffers_IsThatItemsForm()
    {
        var meaning = Theatre.Read("Vectorworks Spotlight for two years please");

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal("lighting-software", meaning.Items[0].Item.Id);
        Assert.Equal("Vectorworks Spotlight", meaning.Items[0].Slots["product"]);
    }

    [Fact]
    public void AWordOfWhenAfterTheName_IsNoOtherThing()
    {
        var meaning = Theatre.Read("the whole kit has to move overnight to Leeds");

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal("kit-move", meaning.Items[0].Item.Id);
    }
}
