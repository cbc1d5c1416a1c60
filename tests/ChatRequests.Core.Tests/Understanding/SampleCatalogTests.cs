using ChatRequests.Core.Priority;
using ChatRequests.Core.Understanding;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>The sample catalog as people ask for its items (what the bot always understood, and still does).</summary>
public class SampleCatalogTests
{
    private static readonly MiniCatalog Sample = new([.. SampleData.Items]);

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
    public void EverydayWords_FindTheItem(string text, string itemId)
    {
        var meaning = Sample.Read(text);

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal(itemId, Assert.Single(meaning.Items).Item.Id);
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
    public void SmallTypos_StillFindTheItem(string text, string itemId)
    {
        Assert.Equal(itemId, Form(text));
    }

    [Theory]
    [InlineData("monitors", "monitor")]
    [InlineData("licences", "software-licence")]
    [InlineData("two docking stations", "docking-station")]
    [InlineData("HEADSETS!!!", "headset")]
    public void PluralsAndCase_DoNotMatter(string text, string itemId)
    {
        Assert.Equal(itemId, Form(text));
    }

    [Theory]
    [InlineData("dok")]
    [InlineData("vnp")]
    public void TyposInShortWords_AreNotGuessed(string text)
    {
        Assert.Equal(MeaningKind.Unknown, Sample.Read(text).Kind);
    }

    [Fact]
    public void AnAmbiguousWord_OffersTheCloseItems()
    {
        var meaning = Sample.Read("access");

        Assert.Equal(MeaningKind.Choice, meaning.Kind);
        Assert.Equal(
            ["application-access", "shared-folder-access", "shared-mailbox-access", "vpn-access"],
            meaning.Items.Select(m => m.Item.Id).Order());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("blorp zzyzx quux")]
    [InlineData("what's the weather like?")]
    [InlineData("I need it please")]
    public void NothingRecognisable_IsUnknown(string text)
    {
        Assert.Equal(MeaningKind.Unknown, Sample.Read(text).Kind);
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
    public void Urgency_IsReadFromTheWords(string text, Urgency? expected)
    {
        Assert.Equal(expected, Sample.Read(text).UrgencyHint);
    }

    [Fact]
    public void UrgencyWords_DoNotChangeTheItem()
    {
        var meaning = Sample.Read("URGENT: my headset broke, I can't work!");

        Assert.Equal("headset", meaning.Items[0].Item.Id);
        Assert.Equal(Urgency.High, meaning.UrgencyHint);
    }

    private static string? Form(string text) => Sample.Read(text) is { Kind: MeaningKind.Item } meaning ? meaning.Items[0].Item.Id : null;
}
