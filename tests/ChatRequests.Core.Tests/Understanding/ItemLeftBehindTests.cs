using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.MiniCatalog;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>
/// The words name an item only as what the asker has, leaves or dislikes (ADR 0092): after "instead of", "dont like",
/// "rather than", or as the thing that "doesnt" do what is needed, while another thing is asked for first. That is a
/// question, never the item's form; the same words with the item asked for are its form.
/// </summary>
public class ItemLeftBehindTests
{
    // A regional newspaper's catalog: one layout product, one headset, one photo archive.
    private static readonly MiniCatalog Newsroom = new(
        Item("layout", "Page layout licence", "Software", "A seat of the page layout software for the subs desk.", keywords: ["indesign", "page layout"]),
        Item("headset", "Headset", description: "A headset for calls and interviews.", keywords: ["headset", "plantronics"]),
        Item("archive", "Photo archive access", "Access", "Access to the picture library.", keywords: ["photo archive", "picture library"]));

    [Theory]
    [InlineData("scribus seat for the subs desk instead of indesign")]
    [InlineData("quark licence for me please, i dont get on with indesign")]
    [InlineData("scribus for the features team, indesign doesnt export what we need")]
    [InlineData("a desk mic for phone interviews instead of the plantronics")]
    public void AnotherThingAskedAndTheItemLeftBehind_IsNoForm(string text)
    {
        Assert.NotEqual(MeaningKind.Item, Newsroom.Read(text).Kind);
    }

    [Theory]
    [InlineData("indesign seat for me instead of the shared one", "layout")]
    [InlineData("a plantronics headset please, i dont like earbuds", "headset")]
    [InlineData("fed up with retyping pages, can i get indesign", "layout")]
    [InlineData("indesign seat for the subs desk please", "layout")]
    public void TheItemAskedForWithTheSameWords_IsItsForm(string text, string item)
    {
        var meaning = Newsroom.Read(text);

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal(item, meaning.Items[0].Item.Id);
    }
}
