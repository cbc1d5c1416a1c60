using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.MiniCatalog;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>A word spelt right is no typo of a catalog word one letter away (ADR 0069); a misspelt one still is.</summary>
public class SpeltRightTests
{
    private static readonly MiniCatalog Office = new(
        Item("mouse", "Wireless mouse", keywords: ["mouse"]),
        Item("cell", "Cell phone", keywords: ["mobile"]),
        Item("days", "Leave days", category: "People", keywords: ["annual leave"]),
        Item("dock", "Docking station", keywords: ["dock"]));

    [Theory]
    [InlineData("house", "mous")]
    [InlineData("dell", "cell")]
    [InlineData("says", "day")]
    [InlineData("lock", "dock")]
    public void AnEnglishWord_IsNoTypoOfACatalogWord(string typed, string term)
    {
        var index = new CatalogIndex(Office.Items);

        Assert.DoesNotContain(index.Near(Tokens.Read(typed)[0]), n => n.Term == term);
    }

    [Theory]
    [InlineData("mosue", "mous")]
    [InlineData("moues", "mous")]
    [InlineData("dcok", "dock")]
    public void AMisspeltWord_IsStillATypo(string typed, string term)
    {
        var index = new CatalogIndex(Office.Items);

        Assert.Contains(index.Near(Tokens.Read(typed)[0]), n => n.Term == term && n.Quality >= Similarity.OneEdit);
    }

    [Fact]
    public void WorkingFromHome_IsNoMouse()
    {
        var meaning = Office.Read("how do i get onto the network from my house");

        Assert.DoesNotContain(meaning.Items, c => c.Item.Id == "mouse");
    }

    [Theory]
    [InlineData("house", true)]
    [InlineData("what", true)]
    [InlineData("aachen", true)]
    [InlineData("zurich", true)]
    [InlineData("moniter", false)]
    [InlineData("hedset", false)]
    [InlineData("House", false)]
    [InlineData("the", false)]
    [InlineData("zzzzzzzz", false)]
    public void TheEnglishWords_AreWordsSpeltRight(string word, bool english)
    {
        Assert.Equal(english, EnglishWords.Contains(word));
    }
}
