using static ChatRequests.Core.Tests.Understanding.MiniCatalog;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>
/// A typo that lands on another English word (ADR 0072): read as the catalog's word where it completes one of the
/// catalog's names or keywords of several words whose other words were said; elsewhere the word is itself (ADR 0069).
/// </summary>
public class TypoOntoAWordTests
{
    // Each typo's item comes after another item its other words fit as well, so only the typo read puts it first.
    private static readonly MiniCatalog Office = new(
        Item("mobile", "Mobile phone", keywords: ["mobile", "smartphone"]),
        Item("desk-phone", "Desk phone", keywords: ["desk phone", "extension"]),
        Item("shipping-labels", "Shipping labels", keywords: ["labels"]),
        Item("label-printer", "Label printer", keywords: ["label printer"]),
        Item("rota", "On call rota", keywords: ["on call rota"]),
        Item("directory", "Switchboard directory update", keywords: ["on call list", "switchboard"]),
        Item("dock", "Docking station", keywords: ["dock"]));

    [Theory]
    [InlineData("can i get a new deck phone for the front office", "desk-phone")]
    [InlineData("we need a label painter for the lab", "label-printer")]
    [InlineData("please add me to the on call lust", "directory")]
    public void AnEnglishWord_CompletingANameWithTheWordsBesideIt_IsThatName(string text, string item)
    {
        var meaning = Office.Read(text);

        Assert.Equal(item, meaning.Items.First().Item.Id);
    }

    [Theory]
    [InlineData("a painter to redo the walls in the office")]
    [InlineData("the deck outside the canteen is slippery")]
    public void AnEnglishWord_WithNoneOfTheNamesOtherWords_IsItself(string text)
    {
        var meaning = Office.Read(text);

        Assert.DoesNotContain(meaning.Items, m => m.Item.Id is "label-printer" or "desk-phone");
    }

    [Fact]
    public void AnEnglishWord_OneEditFromAOneWordKeyword_IsItself()
    {
        // A one-word keyword has no other words to be said beside the typo: "duck" stays a duck, not the dock.
        var meaning = Office.Read("the duck pond by the car park needs clearing");

        Assert.DoesNotContain(meaning.Items, m => m.Item.Id == "dock");
    }
}
