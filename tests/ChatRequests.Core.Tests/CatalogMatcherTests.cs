using ChatRequests.Core.Catalog;
using ChatRequests.Core.Priority;

namespace ChatRequests.Core.Tests;

public class CatalogMatcherTests
{
    private static readonly IReadOnlyList<CatalogItem> Items = SampleData.Items;

    [Theory]
    [InlineData("I need a new laptop", "laptop-standard")]
    [InlineData("notebook", "laptop-standard")]
    [InlineData("Can I get a new computer please?", "laptop-standard")]
    [InlineData("I need a developer laptop", "laptop-developer")]
    [InlineData("dev laptop with 32GB RAM", "laptop-developer")]
    [InlineData("my headset broke, need a new one", "headset")]
    [InlineData("headphones", "headset")]
    [InlineData("access to the finance share", "shared-folder-access")]
    [InlineData("I need write access to the network drive", "shared-folder-access")]
    [InlineData("I need to read the finance reports", "finance-share-read")]
    [InlineData("Can I get access to Jira?", "application-access")]
    [InlineData("salesforce account", "application-access")]
    [InlineData("VPN", "vpn-access")]
    [InlineData("I forgot my password", "password-reset")]
    [InlineData("I'm locked out", "password-reset")]
    [InlineData("second screen please", "monitor")]
    [InlineData("docking station", "docking-station")]
    [InlineData("a dock for my desk", "docking-station")]
    [InlineData("wireless mouse", "mouse")]
    [InlineData("new iPhone", "mobile-phone")]
    [InlineData("Visual Studio licence", "software-licence")]
    [InlineData("adobe acrobat", "software-licence")]
    [InlineData("Power BI", "m365-addon")]
    [InlineData("visio", "m365-addon")]
    [InlineData("new starter account for our new hire", "new-starter-account")]
    [InlineData("onboarding", "new-starter-account")]
    [InlineData("access to the shared mailbox", "shared-mailbox-access")]
    [InlineData("I need a new laptop, urgent, in the Berlin office", "laptop-standard")]
    [InlineData("a docking station for the London office", "docking-station")]
    public void Match_EverydayWords_FindTheItem(string text, string itemId)
    {
        var match = CatalogMatcher.Match(text, Items);

        Assert.Equal(itemId, match.Best?.Id);
        Assert.Empty(match.Candidates);
    }

    [Theory]
    [InlineData("new lapotp", "laptop-standard")]
    [InlineData("labtop", "laptop-standard")]
    [InlineData("notbook", "laptop-standard")]
    [InlineData("headest", "headset")]
    [InlineData("mose", "mouse")]
    [InlineData("moniter", "monitor")]
    [InlineData("pasword reset", "password-reset")]
    [InlineData("salesforse", "application-access")]
    [InlineData("docking staton", "docking-station")]
    [InlineData("visual studoi licnece", "software-licence")]
    public void Match_SmallTypos_StillFindTheItem(string text, string itemId)
    {
        Assert.Equal(itemId, CatalogMatcher.Match(text, Items).Best?.Id);
    }

    [Theory]
    [InlineData("monitors", "monitor")]
    [InlineData("licences", "software-licence")]
    [InlineData("two docking stations", "docking-station")]
    [InlineData("HEADSETS!!!", "headset")]
    public void Match_PluralsAndCase_DoNotMatter(string text, string itemId)
    {
        Assert.Equal(itemId, CatalogMatcher.Match(text, Items).Best?.Id);
    }

    [Theory]
    [InlineData("dok")]
    [InlineData("vnp")]
    public void Match_TyposInShortWords_AreNotGuessed(string text)
    {
        Assert.True(CatalogMatcher.Match(text, Items).IsEmpty);
    }

    [Fact]
    public void Match_AmbiguousWord_OffersTheCloseCandidatesInCatalogOrder()
    {
        var match = CatalogMatcher.Match("access", Items);

        Assert.Null(match.Best);
        Assert.Equal(
            ["shared-folder-access", "application-access", "vpn-access", "shared-mailbox-access"],
            match.Candidates.Select(i => i.Id));
    }

    [Fact]
    public void Match_ManyCloseItems_OffersAtMostFive()
    {
        var items = Enumerable.Range(1, 8)
            .Select(i => new CatalogItem { Id = $"cable-{i}", Name = $"Cable type {i}", Category = "Hardware" })
            .ToList();

        var match = CatalogMatcher.Match("cable", items);

        Assert.Null(match.Best);
        Assert.Equal(["cable-1", "cable-2", "cable-3", "cable-4", "cable-5"], match.Candidates.Select(i => i.Id));
    }

    [Fact]
    public void Match_PhraseKeyword_OutscoresTheSameWordsApart()
    {
        var items = new List<CatalogItem>
        {
            new() { Id = "words", Name = "Finance reports", Category = "Software", Keywords = ["share"] },
            new() { Id = "phrase", Name = "Folder", Category = "Access", Keywords = ["finance share"] },
        };

        var match = CatalogMatcher.Match("finance share", items);

        Assert.Equal("phrase", match.Best?.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("hello")]
    [InlineData("blorp zzyzx quux")]
    [InlineData("what's the weather like?")]
    [InlineData("I need it please")]
    public void Match_NothingRecognisable_GivesNothing(string text)
    {
        var match = CatalogMatcher.Match(text, Items);

        Assert.True(match.IsEmpty);
        Assert.Null(match.Best);
        Assert.Empty(match.Candidates);
    }

    [Fact]
    public void Match_EmptyCatalog_GivesNothing()
    {
        Assert.True(CatalogMatcher.Match("laptop", []).IsEmpty);
    }

    [Fact]
    public void Match_IsDeterministic()
    {
        var first = CatalogMatcher.Match("access", Items);
        var second = CatalogMatcher.Match("access", Items);

        Assert.Equal(first.Candidates, second.Candidates);
        Assert.Equal(CatalogMatcher.Match("new lapotp", Items).Best, CatalogMatcher.Match("new lapotp", Items).Best);
    }

    [Theory]
    [InlineData("I need a laptop, it's urgent", Urgency.High)]
    [InlineData("new headset asap", Urgency.High)]
    [InlineData("I need VPN access today", Urgency.High)]
    [InlineData("I'm blocked without the finance share", Urgency.High)]
    [InlineData("my laptop died and I can't work", Urgency.High)]
    [InlineData("I can\u2019t work without a headset", Urgency.High)]
    [InlineData("password reset as soon as possible", Urgency.High)]
    [InlineData("a monitor for next week", Urgency.Low)]
    [InlineData("new mouse, no rush", Urgency.Low)]
    [InlineData("docking station whenever you can", Urgency.Low)]
    [InlineData("not urgent, but a second screen would help", Urgency.Low)]
    [InlineData("not urgent today but I'm blocked on Jira", Urgency.High)]
    [InlineData("I need a new laptop", null)]
    [InlineData("I work in the urgency department", null)]
    public void Match_ReadsUrgencyHints(string text, Urgency? expected)
    {
        Assert.Equal(expected, CatalogMatcher.Match(text, Items).UrgencyHint);
        Assert.Equal(expected, CatalogMatcher.FindUrgencyHint(text));
    }

    [Fact]
    public void Match_UrgencyWords_DoNotChangeTheItem()
    {
        var match = CatalogMatcher.Match("URGENT: my headset broke, I can't work!", Items);

        Assert.Equal("headset", match.Best?.Id);
        Assert.Equal(Urgency.High, match.UrgencyHint);
    }

    [Fact]
    public void Match_NothingFound_StillReadsTheUrgency()
    {
        var match = CatalogMatcher.Match("help, asap!", Items);

        Assert.True(match.IsEmpty);
        Assert.Equal(Urgency.High, match.UrgencyHint);
    }
}
