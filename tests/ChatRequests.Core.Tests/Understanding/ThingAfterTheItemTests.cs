using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.MiniCatalog;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>
/// A word after the item's name makes the item another thing's ("a tablet stand", "pager case") only when that word is a
/// thing (ADR 0094): a word of place or manner, a verb taking a person, or the subject of a modal or negated verb after it
/// leaves the form.
/// </summary>
public class ThingAfterTheItemTests
{
    // A ferry operator's catalog, none of the evaluation's.
    private static readonly MiniCatalog Ferry = new(
        Item("deck-tablet", "Deck tablet", description: "A rugged tablet for the deck crew's checks.", keywords: ["deck tablet", "rugged tablet"]),
        Item("extension", "Phone extension", "Telephony", keywords: ["extension", "phone number"]),
        Item("pager", "Crew pager", keywords: ["pager", "bleeper"]),
        Item("booking", "Cabin booking system access", "Access", keywords: ["cabin booking", "booking system"]),
        Item("laptop", "Standard laptop", keywords: ["laptop", "notebook"]));

    [Theory]
    [InlineData("can my extension follow me to the new office", "extension")]
    [InlineData("I handle the groups desk, my booking system access must be widened to amend sailings", "booking")]
    [InlineData("I left my pager anywhere on deck, can I get another", "pager")]
    public void ItemAskedWithAWordAfterItThatNamesNoOtherThing_IsItsForm(string text, string item)
    {
        var meaning = Ferry.Read(text);

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal(item, meaning.Items[0].Item.Id);
    }

    [Theory]
    [InlineData("can I get a laptop bag")]
    [InlineData("a tablet stand for the deck office")]
    [InlineData("pager case please, mine split")]
    public void AThingForTheItemAsked_IsNoForm(string text)
    {
        Assert.NotEqual(MeaningKind.Item, Ferry.Read(text).Kind);
    }
}
