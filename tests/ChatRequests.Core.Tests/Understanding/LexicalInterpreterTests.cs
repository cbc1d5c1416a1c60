using ChatRequests.Core.Priority;
using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.MiniCatalog;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>The failures of issue 10, each against a catalog the interpreter has never seen.</summary>
public class LexicalInterpreterTests
{
    // A clinic's catalog: a charger but no laptop, a file share and a SharePoint site, a VPN and a password reset.
    private static readonly MiniCatalog Clinic = new(
        Item("charger", "Laptop charger", keywords: ["charger", "power adapter"]),
        Item("dictaphone", "Dictaphone", keywords: ["voice recorder"]),
        Item("file-share", "Network file share access", "Access", keywords: ["shared drive", "network drive", "file share"],
            fields: [Choice("share", "Share", ["HR share", "Finance share", "Estates share"])]),
        Item("sharepoint", "SharePoint site access", "Access", keywords: ["sharepoint", "intranet site"]),
        Item("vpn", "VPN access", "Access", keywords: ["vpn", "remote access"]),
        Item("password", "Password reset", "Accounts", keywords: ["password", "forgot password", "locked out"],
            fields: [Choice("system", "System", ["Windows", "VPN", "Patient record"])]),
        Item("screen", "Monitor", keywords: ["monitor"], fields: [Choice("size", "Size", ["24-inch", "27-inch"]), Choice("site", "Site", ["Berlin office", "Lyon office", "Home"])]),
        Item("keyboard", "Keyboard", keywords: ["keyboard"], fields: [Choice("layout", "Layout", ["UK", "German (QWERTZ)", "French (AZERTY)"])]),
        Item("headset", "Headset", keywords: ["headset"]),
        Item("addon", "Office add-on", "Software", keywords: ["add-on"],
            fields: [Choice("product", "Product", ["Visio Plan 2", "Project Plan 3"]), Number("seats", "Number of licences")]));

    [Fact]
    public void APartialMatch_IsAskedAsAQuestion_NeverAConfidentForm()
    {
        var meaning = Clinic.Read("I need a new laptop");

        Assert.Equal(MeaningKind.Suggestion, meaning.Kind);
        Assert.Equal("charger", Assert.Single(meaning.Items).Item.Id);
    }

    [Theory]
    [InlineData("need a laptop bag")]
    [InlineData("can I get a coffee machine")]
    [InlineData("what's the weather like")]
    public void SomethingTheCatalogLacks_GetsNoForm(string text)
    {
        Assert.NotEqual(MeaningKind.Item, Clinic.Read(text).Kind);
    }

    [Fact]
    public void ANameSaidWhole_IsAForm()
    {
        var meaning = Clinic.Read("a charger for my laptop please");

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal("charger", meaning.Items[0].Item.Id);
    }

    [Fact]
    public void SharePoint_IsNotAFileShare()
    {
        Assert.Equal("sharepoint", Clinic.Read("SharePoint").Items[0].Item.Id);
        Assert.Equal(MeaningKind.Item, Clinic.Read("access to the quality team's sharepoint").Kind);
        var withoutSite = new MiniCatalog(Clinic.Items.Where(i => i.Id != "sharepoint").ToArray());
        Assert.NotEqual(MeaningKind.Item, withoutSite.Read("SharePoint").Kind);
    }

    [Fact]
    public void AForgottenVpnPassword_IsAPasswordReset_WithTheSystemChosen()
    {
        var meaning = Clinic.Read("I forgot my VPN password");

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal("password", meaning.Items[0].Item.Id);
        Assert.Equal("VPN", meaning.Items[0].Slots["system"]);
    }

    [Theory]
    [InlineData("could I get Visio installed", "addon", "product", "Visio Plan 2")]
    [InlineData("a 27 inch monitor", "screen", "size", "27-inch")]
    [InlineData("27in screen for the lyon office", "screen", "site", "Lyon office")]
    [InlineData("German keyboard", "keyboard", "layout", "German (QWERTZ)")]
    [InlineData("a keyboard with an azerty layout", "keyboard", "layout", "French (AZERTY)")]
    [InlineData("monitor for the Berlin office", "screen", "site", "Berlin office")]
    [InlineData("access to the HR share", "file-share", "share", "HR share")]
    [InlineData("visio for 3 licences", "addon", "seats", "3")]
    public void ChoicesAndNumbersNamedInTheWords_AreFilled(string text, string itemId, string fieldId, string value)
    {
        var match = Clinic.Read(text).Items.Single(m => m.Item.Id == itemId);

        Assert.Equal(value, match.Slots[fieldId]);
    }

    [Fact]
    public void ChoiceSynonyms_FillTheirChoice()
    {
        var catalog = new MiniCatalog(Item("pager", "Pager", keywords: ["pager", "bleep"],
            fields: [Choice("ward", "Ward", ["Ward 7B", "Maternity"], new() { ["Maternity"] = ["labour ward", "delivery suite"] })]));

        Assert.Equal("Maternity", catalog.Read("new bleep for the delivery suite").Items[0].Slots["ward"]);
        Assert.Equal("Ward 7B", catalog.Read("pager for 7b").Items[0].Slots["ward"]);
    }

    [Theory]
    [InlineData("status of my stuff", ChatCommand.MyRequests)]
    [InlineData("where is my laptop request", ChatCommand.MyRequests)]
    [InlineData("any update on my tickets?", ChatCommand.MyRequests)]
    [InlineData("hlep", ChatCommand.Help)]
    [InlineData("what can you do", ChatCommand.Help)]
    [InlineData("anything waiting for me to approve", ChatCommand.Approvals)]
    [InlineData("aprovals", ChatCommand.Approvals)]
    [InlineData("what can I order", ChatCommand.Browse)]
    [InlineData("show me the catalogue", ChatCommand.Browse)]
    [InlineData("open requests for our team", ChatCommand.Queue)]
    [InlineData("never mind", ChatCommand.Cancel)]
    [InlineData("cancel", ChatCommand.Cancel)]
    public void Commands_AreUnderstoodInEverydayWords(string text, ChatCommand command)
    {
        var meaning = Clinic.Read(text);

        Assert.Equal(MeaningKind.Command, meaning.Kind);
        Assert.Equal(command, meaning.Command);
    }

    [Fact]
    public void ARequestNumber_IsShownOrCancelled()
    {
        Assert.Equal((ChatCommand.ShowRequest, "REQ-000042"), (Clinic.Read("REQ-000042").Command!.Value, Clinic.Read("REQ-000042").RequestId));
        Assert.Equal((ChatCommand.Cancel, "REQ-000042"), (Clinic.Read("please cancel REQ-000042").Command!.Value, Clinic.Read("please cancel REQ-000042").RequestId));
    }

    [Theory]
    [InlineData("help me get a monitor", "screen")]
    [InlineData("hi, I need a headset", "headset")]
    public void CommandWords_DoNotStealCatalogMatches(string text, string itemId)
    {
        var meaning = Clinic.Read(text);

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal(itemId, meaning.Items[0].Item.Id);
    }

    [Theory]
    [InlineData("VPN keeps dropping")]
    [InlineData("my laptop won't boot")]
    [InlineData("Outlook crashes every time I open it")]
    [InlineData("the dictaphone is not working")]
    [InlineData("error when I open the HR share")]
    public void FaultReports_AreIncidents(string text)
    {
        Assert.Equal(MeaningKind.Incident, Clinic.Read(text).Kind);
    }

    [Theory]
    [InlineData("my headset broke, need a new one")]
    [InlineData("my headset broke")]
    [InlineData("lost my headset on the train")]
    public void ABrokenOrLostThing_IsARequestForAnother(string text)
    {
        var meaning = Clinic.Read(text);

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal("headset", meaning.Items[0].Item.Id);
    }

    [Fact]
    public void ABrokenThingTheCatalogLacks_IsNotAnotherItemsForm()
    {
        Assert.NotEqual(MeaningKind.Item, new MiniCatalog(Clinic.Items.Where(i => i.Id != "headset").ToArray()).Read("my headset broke").Kind);
    }

    [Theory]
    [InlineData("new lapotp charger", "charger")]
    [InlineData("pasword reset", "password")]
    [InlineData("dictaphnoe", "dictaphone")]
    [InlineData("chargers", "charger")]
    [InlineData("HEADSETS!!!", "headset")]
    public void TyposPluralsAndCase_DoNotMatter(string text, string itemId)
    {
        Assert.Equal(itemId, Clinic.Read(text).Items[0].Item.Id);
    }

    [Theory]
    [InlineData("colour printer", "Color printer")]
    [InlineData("color printer", "Colour printer")]
    [InlineData("software licence", "Software license")]
    public void BritishAndAmericanSpellings_Meet(string text, string name)
    {
        var catalog = new MiniCatalog(Item("it", name), Item("other", "Standing desk"));

        Assert.Equal(MeaningKind.Item, catalog.Read(text).Kind);
    }

    [Theory]
    [InlineData("a display please", "Monitor")]
    [InlineData("docking station", "Dock")]
    [InlineData("headphones", "Headset")]
    [InlineData("new cell phone", "Mobile phone")]
    public void CommonItSynonyms_FindAnItemNamedOtherwise(string text, string name)
    {
        var catalog = new MiniCatalog(Item("it", name), Item("other", "Standing desk"));

        Assert.Equal("it", Assert.Single(catalog.Read(text).Items).Item.Id);
    }

    [Fact]
    public void SeveralCloseItems_AreAChoiceOfAtMostFive_InCatalogOrder()
    {
        var catalog = new MiniCatalog([.. Enumerable.Range(1, 8).Select(i => Item($"cable-{i}", $"Cable type {i}"))]);

        var meaning = catalog.Read("cable");

        Assert.Equal(MeaningKind.Choice, meaning.Kind);
        Assert.Equal(["cable-1", "cable-2", "cable-3", "cable-4", "cable-5"], meaning.Items.Select(m => m.Item.Id));
    }

    [Fact]
    public void CatalogSynonyms_AreAsTellingAsTheName()
    {
        var catalog = new MiniCatalog(Item("wow", "Workstation on wheels", synonyms: ["computer on wheels", "WOW"]), Item("pc", "Desktop computer"));

        Assert.Equal("wow", catalog.Read("we need another WOW on the ward").Items[0].Item.Id);
    }

    [Theory]
    [InlineData("new headset asap", Urgency.High)]
    [InlineData("I can\u2019t work without a headset", Urgency.High)]
    [InlineData("a monitor, no rush", Urgency.Low)]
    [InlineData("a monitor", null)]
    public void Urgency_IsReadAsToday(string text, Urgency? urgency)
    {
        Assert.Equal(urgency, Clinic.Read(text).UrgencyHint);
    }

    [Fact]
    public void Nothing_IsUnknown()
    {
        Assert.Equal(MeaningKind.Unknown, Clinic.Read("blorp zzyzx").Kind);
        Assert.Equal(MeaningKind.Unknown, Clinic.Read("").Kind);
        Assert.Equal(MeaningKind.Unknown, new MiniCatalog().Read("monitor").Kind);
    }

    [Fact]
    public void AHugeMessage_IsReadFromItsBeginning()
    {
        var meaning = Clinic.Read("a 27 inch monitor please " + string.Concat(Enumerable.Repeat("blah wibble ", 100_000)));

        Assert.Equal("27-inch", meaning.Items[0].Slots["size"]);
    }

    [Fact]
    public void TheSameWords_AlwaysMeanTheSame()
    {
        Assert.Equal(Clinic.Read("access").Items.Select(m => m.Item.Id), Clinic.Read("access").Items.Select(m => m.Item.Id));
    }

    [Fact]
    public void AnotherListOfItems_IsIndexedAgain()
    {
        var catalog = new ChangingCatalog { Items = [Item("a", "Headset")] };
        var interpreter = new LexicalInterpreter(catalog);
        Assert.Equal("a", interpreter.Interpret("headset").Items[0].Item.Id);

        catalog.Items = [Item("b", "Headset")];

        Assert.Equal("b", interpreter.Interpret("headset").Items[0].Item.Id);
    }

    private sealed class ChangingCatalog : Catalog.ICatalog
    {
        public IReadOnlyList<Catalog.CatalogItem> Items { get; set; } = [];

        public Catalog.CatalogItem? Find(string itemId) => Items.FirstOrDefault(i => i.Id == itemId);
    }
}
