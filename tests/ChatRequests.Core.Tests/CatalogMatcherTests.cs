using ChatRequests.Core.Catalog;
using ChatRequests.Core.Priority;

namespace ChatRequests.Core.Tests;

/// <summary>The older surface over the lexical interpreter, kept for the bot until it asks the interpreter itself.</summary>
public class CatalogMatcherTests
{
    private static readonly IReadOnlyList<CatalogItem> Items = SampleData.Items;

    [Fact]
    public void Match_AForm_IsTheBestItem()
    {
        var match = CatalogMatcher.Match("I need a new laptop", Items);

        Assert.Equal("laptop-standard", match.Best?.Id);
        Assert.Empty(match.Candidates);
    }

    [Fact]
    public void Match_AChoice_IsTheCandidates()
    {
        var match = CatalogMatcher.Match("access", Items);

        Assert.Null(match.Best);
        Assert.Equal(4, match.Candidates.Count);
    }

    [Fact]
    public void Match_AQuestion_IsTheOneCandidate()
    {
        var items = new List<CatalogItem> { new() { Id = "charger", Name = "Laptop charger", Category = "Devices" } };

        var match = CatalogMatcher.Match("I need a new laptop", items);

        Assert.Null(match.Best);
        Assert.Equal(["charger"], match.Candidates.Select(i => i.Id));
    }

    [Theory]
    [InlineData("help")]
    [InlineData("my laptop won't boot")]
    [InlineData("blorp zzyzx")]
    public void Match_ACommandAFaultOrNothing_IsEmpty(string text)
    {
        Assert.True(CatalogMatcher.Match(text, Items).IsEmpty);
    }

    [Fact]
    public void Match_NothingFound_StillReadsTheUrgency()
    {
        var match = CatalogMatcher.Match("help, asap!", Items);

        Assert.True(match.IsEmpty);
        Assert.Equal(Urgency.High, match.UrgencyHint);
        Assert.Equal(Urgency.Low, CatalogMatcher.FindUrgencyHint("no rush"));
    }

    [Fact]
    public void Match_EmptyCatalog_GivesNothing()
    {
        Assert.True(CatalogMatcher.Match("laptop", []).IsEmpty);
    }
}
