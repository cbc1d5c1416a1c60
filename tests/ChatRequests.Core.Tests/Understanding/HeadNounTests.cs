using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.MiniCatalog;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>
/// What is asked for is the head of the words, not a word that describes it: "laptop arm" is an arm, "a kettle for
/// the office" is a kettle. An item's word used as a modifier is a question, never a confident form.
/// </summary>
public class HeadNounTests
{
    // A library's catalog: its monitor's description mentions an arm; its wiki item describes pages; its office suite
    // is named "office".
    private static readonly MiniCatalog Library = new(
        Item("laptop", "Laptop", keywords: ["laptop", "notebook"]),
        Item("screen", "Monitor", description: "A 27-inch display on an adjustable arm.", keywords: ["monitor"]),
        Item("wiki", "Wiki space access", "Access", description: "Access to a team's wiki space, to read or edit its pages.", keywords: ["wiki"]),
        Item("suite", "Office suite licence", "Software", keywords: ["office", "word processor", "spreadsheets"]),
        Item("gpu", "GPU allocation", "Research", keywords: ["gpu", "cuda"]),
        Item("archive", "Archive storage", "Research", keywords: ["archive"], fields: [Choice("keep", "Retention", ["1 year", "5 years"])]),
        Item("charger", "Laptop charger", keywords: ["charger"]),
        Item("phone", "Mobile phone", keywords: ["phone", "mobile"]));

    [Fact]
    public void ANounTheCatalogOnlyDescribes_AfterAnItemsWord_IsAnotherThing()
    {
        // "arm" is in the monitor's description, but no item offers one.
        Assert.NotEqual(MeaningKind.Item, Library.Read("laptop arm").Kind);
    }

    [Fact]
    public void ANounTheWinnersOwnTextHas_IsAPartOfIt()
    {
        var meaning = Library.Read("edit the wiki pages");

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal("wiki", meaning.Items[0].Item.Id);
    }

    [Theory]
    [InlineData("a kettle for the office")]
    [InlineData("whiteboard for our office please")]
    public void AnItemNamedOnlyAfterFor_IsWhatTheUnknownThingIsFor(string text)
    {
        Assert.NotEqual(MeaningKind.Item, Library.Read(text).Kind);
    }

    [Fact]
    public void AnItemNamedBeforeFor_IsStillTheItem()
    {
        var meaning = Library.Read("a laptop for the office");

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal("laptop", meaning.Items[0].Item.Id);
    }

    [Fact]
    public void AnAmountOfAnItem_IsTheItem()
    {
        var meaning = Library.Read("gpu time for my thesis");

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal("gpu", meaning.Items[0].Item.Id);
    }

    [Theory]
    [InlineData("archive kept for 5 years")]
    [InlineData("an archive for five years")]
    public void HowLongAfterFor_IsNoPurpose(string text)
    {
        var meaning = Library.Read(text);

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal("archive", meaning.Items[0].Item.Id);
        Assert.Equal("5 years", meaning.Items[0].Slots["keep"]);
    }

    [Theory]
    [InlineData("a heart monitor")]
    [InlineData("baby monitor")]
    public void AnUnknownKindBeforeTheOneWordThatNamesTheItem_IsAnotherThing(string text)
    {
        Assert.NotEqual(MeaningKind.Item, Library.Read(text).Kind);
    }

    [Theory]
    [InlineData("a phone charger")]
    [InlineData("can I get a new desk phone")]
    public void AnotherThingTheItemIsNotFor_BeforeItsWord_IsAnotherKind(string text)
    {
        Assert.NotEqual(MeaningKind.Item, Library.Read(text).Kind);
    }

    [Theory]
    [InlineData("a decent monitor")]
    [InlineData("a Dell monitor")]
    [InlineData("a curved monitor")]
    [InlineData("an adjustable monitor")]
    [InlineData("a laptop charger", "charger")]
    [InlineData("a work laptop", "laptop")]
    [InlineData("to try cuda on the cluster", "gpu")]
    public void AQualityOrAVerbBeforeTheItemsWord_LeavesTheItem(string text, string itemId = "screen")
    {
        var meaning = Library.Read(text);

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal(itemId, meaning.Items[0].Item.Id);
    }

    [Theory]
    [InlineData("an icu tablet", "tablet")]
    [InlineData("a ward pager", "pager")]
    public void AnAnswerOrAnotherItemsModifier_BeforeTheItemsWord_LeavesTheItem(string text, string itemId)
    {
        var ward = Choice("ward", "Ward", ["ICU", "Maternity"]);
        var clinic = new MiniCatalog(
            Item("pager", "Pager", keywords: ["pager"], fields: [ward]),
            Item("tablet", "Clinical tablet", keywords: ["tablet"], fields: [ward]),
            Item("board", "Ward status board", keywords: ["status board"], fields: [ward]));

        var meaning = clinic.Read(text);

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal(itemId, meaning.Items[0].Item.Id);
    }
}
