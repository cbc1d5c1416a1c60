using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.MiniCatalog;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>
/// Rules of language that hold for a catalog the bot has never seen, here a law firm's: strong evidence for one item
/// alone, a thing asked for first, label words, command phrasings and fault words. None of these sentences is in
/// the evaluation set.
/// </summary>
public class GeneralisationRulesTests
{
    private static readonly string[] Layouts = ["UK", "US international", "German"];

    private static readonly MiniCatalog LawFirm = new(
        Item("scanner", "Document scanner", description: "A desktop scanner for paper files.", keywords: ["scanner"]),
        Item("dictation", "Dictation recorder", description: "A handheld recorder for dictating letters, with a foot pedal and transcription software for secretaries.", keywords: ["dictaphone"]),
        Item("case-access", "Case management access", "Access", "Access to the case management system to open, read or update client matters and court deadlines.", ["case system"],
            [Choice("role", "Role", ["Read only", "Fee earner"])]),
        Item("laptop", "Laptop", keywords: ["laptop", "notebook"], fields: [Choice("layout", "Keyboard layout", Layouts)]),
        Item("keyboard", "Keyboard", keywords: ["keyboard"], fields: [Choice("layout", "Keyboard layout", Layouts)]),
        Item("desktop", "Desktop PC", keywords: ["desktop", "pc"], fields: [Choice("layout", "Keyboard layout", Layouts)]),
        Item("password-reset", "Password reset", "Accounts", keywords: ["password", "locked out"]),
        Item("remote", "Vendor remote access", "Access", "A supervised remote session for a supplier's engineer to connect to one of our machines.", ["remote access", "dial in"]));

    [Theory]
    [InlineData("a handheld recorder with a foot pedal so my secretary can do transcription of my letters", "dictation")]
    [InlineData("need a handheld recorder for dictating letters", "dictation")]
    public void ManyWordsOfOneItem_AndNoRival_AreItsForm(string text, string item)
    {
        var meaning = LawFirm.Read(text);

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal(item, meaning.Items[0].Item.Id);
    }

    [Fact]
    public void AThingAskedForFirst_IsTheThing_WhateverStoryFollows()
    {
        var meaning = LawFirm.Read("my laptop is slow as treacle and takes ages to wake up, can I get a new one");

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal("laptop", meaning.Items[0].Item.Id);
    }

    [Fact]
    public void AnItemsWordAmongStrangeWords_NotAskedFor_IsStillAQuestion()
    {
        // The same words without the asking: "laptop" may be a modifier of the story's thing.
        Assert.NotEqual(MeaningKind.Item, LawFirm.Read("the clunky widget for my laptop snapped, the hinge clip came away").Kind);
    }

    [Theory]
    [InlineData("a wireless keyboard, German layout")]
    [InlineData("cordless keyboard with the UK layout")]
    public void ALayoutLabelWord_IsTheThing_WhenNothingElseSaysWhich(string text)
    {
        var meaning = LawFirm.Read(text);

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal("keyboard", meaning.Items[0].Item.Id);
    }

    [Fact]
    public void ALayoutLabelWord_BesideAnotherThing_OnlyFillsTheForm()
    {
        var meaning = LawFirm.Read("German keyboard laptop");

        Assert.Equal("laptop", meaning.Items[0].Item.Id);
        Assert.Equal("German", meaning.Items[0].Slots["layout"]);
    }

    [Theory]
    [InlineData("the engineer from the supplier needs to dial in to look at a fault on press 3", MeaningKind.Item)]
    [InlineData("the engineer from the supplier reports a fault on press 3", MeaningKind.Incident)]
    public void AFaultARequestIsToLookInto_IsWhyNotAReport(string text, MeaningKind kind)
    {
        Assert.Equal(kind, LawFirm.Read(text).Kind);
    }

    [Theory]
    [InlineData("our scanner has gone missing, I think it was stolen from reception", MeaningKind.Item)]
    [InlineData("our scanner has gone missing from reception", MeaningKind.Incident)]
    public void AThingLostOrStolen_IsReplaced(string text, MeaningKind kind)
    {
        Assert.Equal(kind, LawFirm.Read(text).Kind);
    }

    [Theory]
    [InlineData("the scanner output is faded and streaky")]
    [InlineData("the case system shows a deadline of 1900 which can't be right")]
    [InlineData("the case system screen has gone black")]
    [InlineData("my desktop pc is flashing red")]
    [InlineData("the case system is up but nothing loads")]
    [InlineData("the case system is super slow since the update")]
    [InlineData("the case system isnt right since the update")]
    [InlineData("my laptop battery swells")]
    [InlineData("my badge no longer opens the door")]
    public void FaultWords_OfAThingThatShowsNothingOrShowsItWrong(string text)
    {
        Assert.Equal(MeaningKind.Incident, LawFirm.Read(text).Kind);
    }

    [Theory]
    [InlineData("word isn't cutting it, can I get a dictaphone", "dictation")]
    [InlineData("i keep getting told my password is wrong, please reset it", "password-reset")]
    public void AnIdiomOrAnAskForTheFix_IsARequest(string text, string item)
    {
        var meaning = LawFirm.Read(text);

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal(item, meaning.Items[0].Item.Id);
    }

    [Fact]
    public void OrderAsAVerb_BesideOur_IsNoQueue()
    {
        var meaning = LawFirm.Read("can we order a scanner for our new paralegal");

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal(ChatCommand.Queue, LawFirm.Read("what are our open requests").Command);
    }

    [Theory]
    [InlineData("scratch that", MeaningKind.Command)]
    [InlineData("the scratch disk is full", MeaningKind.Unknown)]
    public void ScratchThat_Cancels_AScratchDiskDoesNot(string text, MeaningKind kind)
    {
        var meaning = LawFirm.Read(text);

        Assert.Equal(kind, meaning.Kind);
        Assert.True(kind != MeaningKind.Command || meaning.Command == ChatCommand.Cancel);
    }

    [Theory]
    [InlineData("stop REQ-000123 please, we found one", ChatCommand.Cancel)]
    [InlineData("is my dictaphone approved yet", ChatCommand.MyRequests)]
    [InlineData("wat can u do", ChatCommand.Help)]
    [InlineData("whats on offer here", ChatCommand.Browse)]
    [InlineData("IT help please", ChatCommand.Help)]
    [InlineData("i need some assistance", ChatCommand.Help)]
    [InlineData("how do i get started", ChatCommand.Help)]
    [InlineData("anything happening with my dictaphone", ChatCommand.MyRequests)]
    [InlineData("how long until my scanner comes", ChatCommand.MyRequests)]
    [InlineData("what is still open for me", ChatCommand.MyRequests)]
    [InlineData("i dont want it anymore", ChatCommand.Cancel)]
    [InlineData("call it off", ChatCommand.Cancel)]
    [InlineData("no longer needed thanks", ChatCommand.Cancel)]
    [InlineData("anything for me to review", ChatCommand.Approvals)]
    [InlineData("list everything you offer", ChatCommand.Browse)]
    public void CommandPhrasings(string text, ChatCommand command)
    {
        var meaning = LawFirm.Read(text);

        Assert.Equal(MeaningKind.Command, meaning.Kind);
        Assert.Equal(command, meaning.Command);
    }

    [Fact]
    public void TheDeviceSomethingGoesOn_IsNotWhatIsAskedFor()
    {
        var meaning = LawFirm.Read("dictaphone on my laptop");

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal("dictation", meaning.Items[0].Item.Id);
        Assert.False(LawFirm.Read("the dictaphone app on my desktop pc") is { Kind: MeaningKind.Item } m && m.Items[0].Item.Id == "desktop");
    }

    [Theory]
    [InlineData("not right now, but a dictaphone next month")]
    [InlineData("pull up REQ-000123")]
    public void NotRightNow_IsNoFault_AndPullingUpARequestWithdrawsNothing(string text)
    {
        var meaning = LawFirm.Read(text);

        Assert.NotEqual(MeaningKind.Incident, meaning.Kind);
        Assert.NotEqual(ChatCommand.Cancel, meaning.Command);
    }

    [Fact]
    public void HelpOfAKindTheCatalogOffers_IsNoHelpCommand()
    {
        var meaning = LawFirm.Read("scanner help for the mailroom");

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal("scanner", meaning.Items[0].Item.Id);
    }
}
