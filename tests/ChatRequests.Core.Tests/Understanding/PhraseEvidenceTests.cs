using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.MiniCatalog;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>When a catalog phrase counts as said: its words together, and a choice only when it names the item.</summary>
public class PhraseEvidenceTests
{
    // A council's catalog: an authenticator reset asked for when someone has a new phone, remote access used from a
    // device, lab-style results access whose choices say what is ordered.
    private static readonly MiniCatalog Council = new(
        Item("mfa", "Authenticator reset", "Accounts", keywords: ["authenticator", "new phone"]),
        Item("remote", "Remote access", "Access", keywords: ["remote access", "work from home"],
            fields: [Choice("device", "Device", ["Council tablet", "Own computer"], new() { ["Council tablet"] = ["work tablet"] })]),
        Item("permits", "Parking permit records", "Access", keywords: ["permit records", "permit lookup"],
            fields: [Choice("level", "Level", ["View", "Issue permits"], new() { ["Issue permits"] = ["issue permits", "print permits"] })]),
        Item("badge", "Building badge", keywords: ["badge", "door pass"]));

    [Theory]
    [InlineData("got a new phone over the weekend")]
    [InlineData("new phone, the authenticator is gone")]
    public void APhraseWithAStopWord_IsSaid_WhenItsWordsStandTogether(string text)
    {
        var meaning = Council.Read(text);

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal("mfa", meaning.Items[0].Item.Id);
    }

    [Theory]
    [InlineData("new conference phone for the boardroom")]
    [InlineData("a new speaker phone")]
    public void APhraseWithAStopWord_IsNotSaid_WhenAnotherWordStandsBetween(string text)
    {
        Assert.NotEqual(MeaningKind.Item, Council.Read(text).Kind);
    }

    [Fact]
    public void AChoiceAlone_DoesNotNameItsItem_WhenTheThingItNamesIsNotTheItems()
    {
        // "work tablet" is the device remote access is used from; "work" of "work from home" does not vouch for it.
        Assert.NotEqual(MeaningKind.Item, Council.Read("I need a work tablet for my new job").Kind);
    }

    [Fact]
    public void AChoice_NamesItsItem_BesideAnotherOfTheItemsWords()
    {
        var meaning = Council.Read("remote access on my work tablet");

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal("remote", meaning.Items[0].Item.Id);
        Assert.Equal("Council tablet", meaning.Items[0].Slots["device"]);
    }

    [Fact]
    public void AChoice_NamesItsItem_WhenTheThingItNamesIsTheItems()
    {
        // "permits" is the item's own word: issuing them is a level of the permit records.
        var meaning = Council.Read("I have to be able to print permits for residents");

        Assert.Equal("permits", meaning.Items[0].Item.Id);
        Assert.Equal("Issue permits", meaning.Items[0].Slots["level"]);
    }
}
