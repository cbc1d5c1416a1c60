using static ChatRequests.Core.Tests.Understanding.MiniCatalog;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>Which words fill a choice: its number spelt out beside its other words, never the item's own name misread as a typo.</summary>
public class SlotWordsTests
{
    // A college's catalog: a phone whose models' names contain the item's word, a course site with terms.
    private static readonly MiniCatalog College = new(
        Item("phone", "Mobile phone", keywords: ["phone", "smartphone"], fields: [Choice("model", "Model", ["iPhone 16", "Pixel 9"])]),
        Item("site", "Course site", keywords: ["course site"], fields: [Choice("term", "Term", ["Term 1", "Term 2", "Summer school"])]));

    [Fact]
    public void TheItemsOwnWord_IsNoTypoOfAChoice()
    {
        var match = College.Read("a new phone please").Items.Single();

        Assert.False(match.Slots.ContainsKey("model"));
        Assert.Equal("iPhone 16", College.Read("a new iphone please").Items.Single().Slots["model"]);
    }

    [Theory]
    [InlineData("course site for term two", "Term 2")]
    [InlineData("a course site for term one", "Term 1")]
    public void AChoicesNumber_SpeltOut_FillsIt(string text, string term)
    {
        Assert.Equal(term, College.Read(text).Items.Single(m => m.Item.Id == "site").Slots["term"]);
    }
}
