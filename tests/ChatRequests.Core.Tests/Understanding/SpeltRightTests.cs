using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.MiniCatalog;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>A word spelt right is no typo of a catalog word one letter away (ADR 0069); a misspelt one still is.</summary>
public class SpeltRightTests
{
    private static readonly MiniCatalog Office = new(
        Item("mouse", "Wireless mouse", keywords: ["mouse"]),
        Item("cell", "Cell tower access", category: "Network"),
        Item("days", "Leave days", category: "People", keywords: ["annual leave"]),
        Item("dock", "Docking station", keywords: ["dock"]));

    private static readonly MiniCatalog Sites = new(
        Item("badge", "Door badge", fields: [Choice("site", "Site", ["Tower", "Quay"])]),
        Item("other", "Standing desk"));

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

    [Fact]
    public void AWordSpeltRight_SaysNoChoiceItIsOneLetterFrom()
    {
        var badge = Sites.Read("a new door badge please, the reader says mine has no power").Items.Single(m => m.Item.Id == "badge");

        Assert.False(badge.Slots.ContainsKey("site"));
    }

    [Fact]
    public void AChoiceMisspelt_IsStillSaid()
    {
        var badge = Sites.Read("a new door badge please, I work in the towr").Items.Single(m => m.Item.Id == "badge");

        Assert.Equal("Tower", badge.Slots["site"]);
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
