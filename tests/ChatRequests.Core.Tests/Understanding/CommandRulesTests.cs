using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.MiniCatalog;
using static ChatRequests.Core.Tests.Understanding.TheatreCatalog;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>
/// Rules of how people ask the bot itself, on a catalog the rules were not written for (a theatre company's): nouns
/// and verbs of approving, taking back, asks made earlier, a team's queue, the catalog as a whole, only a command said.
/// </summary>
public class CommandRulesTests
{
    [Theory]
    [InlineData("approvals waiting")]
    [InlineData("anything sitting there for my ok?")]
    [InlineData("stuff from the crew I need to ok")]
    public void ApprovalNounsAndTheirOk_AreApprovals_EvenBesideAnItemsWord(string text)
    {
        AssertCommand(ChatCommand.Approvals, text);
    }

    [Theory]
    [InlineData("no stop, wrong venue")]
    [InlineData("nope, not that one")]
    [InlineData("ah no, leave it")]
    [InlineData("I don't want that")]
    [InlineData("stop this request")]
    [InlineData("I made a mistake, please delete my request")]
    public void TakingItBack_IsCancel(string text)
    {
        AssertCommand(ChatCommand.Cancel, text);
    }

    [Theory]
    [InlineData("any movement on the radio mic I asked for?")]
    [InlineData("did the box office login I requested get sorted")]
    [InlineData("everything I've asked IT for so far")]
    [InlineData("i am waiting long time for my laptop, when it comes?")]
    [InlineData("what requests do I have")]
    [InlineData("my reqs")]
    [InlineData("check status")]
    public void AQuestionAboutAnEarlierAsk_IsTheirRequests_WhateverItemItNames(string text)
    {
        AssertCommand(ChatCommand.MyRequests, text);
    }

    [Fact]
    public void AnEarlierAsk_NotAskedAbout_LeavesTheItem()
    {
        AssertItem("radio-mic", "I asked my manager and she says I can have a radio mic for the tour");
    }

    [Theory]
    [InlineData("box office team queue please")]
    [InlineData("unassigned jobs for the lighting team")]
    [InlineData("what's come in for my team to work on?")]
    [InlineData("tickets for my team")]
    public void ATeamsQueue_IsTheQueue(string text)
    {
        AssertCommand(ChatCommand.Queue, text);
    }

    [Fact]
    public void AFaultInAQueue_IsAnIncident()
    {
        Assert.Equal(MeaningKind.Incident, Theatre.Read("the print queue is stuck again").Kind);
    }

    [Fact]
    public void MyTeamAskingForAThing_IsTheThing()
    {
        AssertItem("mailing-list", "my team needs a mailing list for the tour");
    }

    [Theory]
    [InlineData("list the services for crew")]
    [InlineData("give me the menu")]
    [InlineData("which hardware can the crew ask for?")]
    [InlineData("what does IT offer here")]
    [InlineData("what can a stage manager order?")]
    [InlineData("what is possible to order?")]
    public void AQuestionAboutTheCatalogAsAWhole_IsBrowse(string text)
    {
        AssertCommand(ChatCommand.Browse, text);
    }

    [Theory]
    [InlineData("which radio mic can I order", "radio-mic")]
    [InlineData("what do I need to get a radio mic", "radio-mic")]
    public void AQuestionAboutOneItem_IsTheItem(string text, string item)
    {
        Assert.Contains(Theatre.Read(text).Items, m => m.Item.Id == item);
    }

    [Theory]
    [InlineData("tell me what you're for")]
    [InlineData("what's this?")]
    [InlineData("can I speak to a human")]
    [InlineData("um, what am I supposed to type here")]
    [InlineData("first time using this, where do I start")]
    [InlineData("Hello, I am new here. How I can use this?")]
    [InlineData("what this bot can do?")]
    [InlineData("i dont understand what to do")]
    public void OnlyAQuestionAboutTheBot_IsHelp_EvenWhenAWordLooksLikeAnItem(string text)
    {
        AssertCommand(ChatCommand.Help, text);
    }

    [Fact]
    public void AQuestionAboutSomethingElse_IsNotHelp()
    {
        Assert.Equal(MeaningKind.Unknown, Theatre.Read("what's the weather like in Leeds").Kind);
    }

    // Trade slang and small phrasings of commands8's development set (eval/intake/dev/), said here in other words.
    [Theory]
    [InlineData("ditch my request")]
    [InlineData("bin that ticket, thanks")]
    [InlineData("axe my last order")]
    [InlineData("pull my old ticket")]
    [InlineData("please pull that request")]
    public void SlangForWithdrawingARequest_IsCancel(string text)
    {
        AssertCommand(ChatCommand.Cancel, text);
    }

    [Fact]
    public void PullingUpARequest_ShowsItsRequests_NotCancel()
    {
        AssertCommand(ChatCommand.MyRequests, "pull up my last ticket");
    }

    [Fact]
    public void SlangForWithdrawing_WithoutARequest_IsNoCancel()
    {
        AssertItem("mixer", "bin the old mixer and get me a new sound desk");
    }

    [Theory]
    [InlineData("I'm on the box office, how do I use this bot")]
    [InlineData("how does this thing work, I run the bar till")]
    public void AskingHowToUseTheBot_IsHelp_ThoughAnItemIsNamedAroundIt(string text)
    {
        AssertCommand(ChatCommand.Help, text);
    }

    [Theory]
    [InlineData("show us the list of what we can get as a crew team")]
    [InlineData("show the equipment and services we can order for the box office")]
    public void WhatATeamMayAskFor_IsBrowse_NotTheQueue(string text)
    {
        AssertCommand(ChatCommand.Browse, text);
    }

    [Fact]
    public void WorkQueuedUpForTheTeam_IsTheQueue_ThoughTheWorkIsNamed()
    {
        AssertCommand(ChatCommand.Queue, "what work is queued up for our box office team");
    }

    // Phrasings of commands9's development set (eval/intake/dev/), said here in other words: taking a request back,
    // chasing it, an approval's "okay", what a team may ask for, being lost or asking how to get things from the bot,
    // the jobs a team has open. Then commands10's: a request taken back with "forget" or "kill off", approvals that wait on
    // the person's go-ahead, a person stuck, how to ask at all, an earlier ask chased after a tale of it.
    [Theory]
    [InlineData(ChatCommand.Cancel, "take back my request for the radio mic")]
    [InlineData(ChatCommand.Cancel, "please take my request back")]
    [InlineData(ChatCommand.MyRequests, "any joy with my radio mic thing")]
    [InlineData(ChatCommand.MyRequests, "i put a request in on tuesday, heard nothing")]
    [InlineData(ChatCommand.MyRequests, "did it go anywhere, what I sent in on friday")]
    [InlineData(ChatCommand.Approvals, "anything from the crew for me to okay?")]
    [InlineData(ChatCommand.Browse, "what are we allowed to ask for on tour")]
    [InlineData(ChatCommand.Help, "I'm a bit lost")]
    [InlineData(ChatCommand.Help, "how do I get things out of you")]
    [InlineData(ChatCommand.Help, "what do I type to get a laptop")]
    [InlineData(ChatCommand.Queue, "what jobs have we got open")]
    [InlineData(ChatCommand.Cancel, "forget the mixer request I made, we borrowed one")]
    [InlineData(ChatCommand.Cancel, "could you kill off REQ-000812")]
    [InlineData(ChatCommand.Approvals, "any mixer requests needing my go-ahead")]
    [InlineData(ChatCommand.Help, "help, I'm stuck, first time here")]
    [InlineData(ChatCommand.Help, "I don't understand how to request something here")]
    [InlineData(ChatCommand.MyRequests, "I requested a laptop weeks ago and nothing happened, where is it")]
    public void EverydayWordsForTheBotsCommands_AreThoseCommands_ThoughAnItemsWordIsSaid(ChatCommand command, string text)
    {
        AssertCommand(command, text);
    }

    [Fact]
    public void AQueueOfPeopleBesideANewThing_IsNoCommand()
    {
        Assert.NotEqual(MeaningKind.Command, Theatre.Read("the queue of people at the bar is huge, we need another till").Kind);
    }

    [Fact]
    public void WithdrawingAThingTheCatalogKnows_LeavesItsForm()
    {
        AssertItem("mixer", "I need to withdraw the sound desk from the studio");
    }

    [Theory]
    [InlineData("the cancel button on the box office system crashes it")]
    [InlineData("status of the box office system: it keeps crashing")]
    public void AFaultToldInACommandsWords_IsAnIncident(string text)
    {
        Assert.Equal(MeaningKind.Incident, Theatre.Read(text).Kind);
    }

    // On a catalog that itself speaks of cancelling, "cancel <a thing>" yields to the thing's form (ADR 0045); "the
    // headset one" is one of the person's requests, named by its thing.
    [Theory]
    [InlineData("cancel the headset one")]
    [InlineData("cancel the laptop one please")]
    public void ARequestNamedByItsThing_IsCancelled_NotTheThingsForm(string text)
    {
        var desk = new MiniCatalog(
            Item("headset", "Headset", description: "A headset for calls.", keywords: ["headset", "phone headset"]),
            Item("laptop", "Laptop", keywords: ["laptop", "notebook"]),
            Item("licence-removal", "Licence removal", "Software", "Cancel a software licence you no longer use.", ["cancel licence"]));

        AssertCommand(ChatCommand.Cancel, text, desk);
    }

    [Fact]
    public void RequestsAssignedToMyTeam_AreTheQueue_ThoughTheCatalogSpeaksOfAssigning()
    {
        var crew = new MiniCatalog(
            Item("rota", "Crew rota", "Access", "Shows the shifts assigned to each crew member.", ["rota", "shift assigned"]),
            Item("laptop", "Laptop", keywords: ["laptop"]));

        AssertCommand(ChatCommand.Queue, "requests assigned to my team please", crew);
    }

    [Fact]
    public void WithdrawingAThingTwoItemsKnow_OffersThem_NotTheCancel()
    {
        var records = new MiniCatalog(
            Item("file-retrieval", "Archive retrieval", "Records", "Get paper files back from the archive.", ["archive", "paper files"]),
            Item("archiving", "Archive deposit", "Records", "Send paper files to the archive.", ["archive", "paper files"]),
            Item("laptop", "Laptop", keywords: ["laptop"]));

        var meaning = records.Read("I need to withdraw the files from archive");

        Assert.NotEqual(MeaningKind.Command, meaning.Kind);
        Assert.Contains(meaning.Items, m => m.Item.Id == "file-retrieval");
        Assert.Contains(meaning.Items, m => m.Item.Id == "archiving");
    }

    // commands11's: on a catalog whose words sit inside the commands' ("listing" in "list", "booking" in "book", "lost
    // property" before "help"), the bot asked what it can do, how to work it, for a guide; the catalog listed for a team or
    // asked what a team may order; approvals nothing is named for ("anything to okay", "rubber stamp", "my green light");
    // a request got rid of.
    public static TheoryData<ChatCommand, string> InNewTradesWords => new()
    {
        { ChatCommand.Help, "could you tell me what you are able to do, I am a new clerk" },
        { ChatCommand.Help, "how do I work this thing, first shift today" },
        { ChatCommand.Help, "is there a guide for this bot" },
        { ChatCommand.Help, "not sure how I'm supposed to ask for things through this" },
        { ChatCommand.Help, "I'm the new listing officer and frankly lost, help" },
        { ChatCommand.Browse, "list the services for the listing team" },
        { ChatCommand.Browse, "show us the full list of stuff we can get" },
        { ChatCommand.Browse, "what can the listing team order" },
        { ChatCommand.Browse, "list of things I can book or order from you" },
        { ChatCommand.Approvals, "do I have anything to okay for the listing team" },
        { ChatCommand.Approvals, "got anything for me to rubber stamp?" },
        { ChatCommand.Approvals, "any requests waiting for my green light" },
        { ChatCommand.Cancel, "please get rid of my last request" },
        { ChatCommand.Cancel, "scrap my last request, the listing clerk found one" },
        { ChatCommand.Browse, "list of services please, for a listing officer" },
    };

    [Theory]
    [MemberData(nameof(InNewTradesWords))]
    public void CommandsInTheWordsOfNewTrades_AreThoseCommands_BesideTheCatalogsWords(ChatCommand command, string text)
    {
        var court = new MiniCatalog(
            Item("listing", "Listing and court diary access", "Access", "See and change the court lists.", ["listing", "court diary", "cause list"]),
            Item("lost-property", "Lost property log", "Access", "Record lost property handed in.", ["lost property", "lost"]),
            Item("booking", "Room booking", "Access", "Book a consultation room.", ["booking", "room booking"]),
            Item("laptop", "Laptop", keywords: ["laptop", "notebook"]));

        AssertCommand(command, text, court);
    }

    private static void AssertCommand(ChatCommand command, string text, MiniCatalog? catalog = null)
    {
        var meaning = (catalog ?? Theatre).Read(text);

        Assert.Equal(MeaningKind.Command, meaning.Kind);
        Assert.Equal(command, meaning.Command);
    }

    private static void AssertItem(string item, string text)
    {
        var meaning = Theatre.Read(text);

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal(item, meaning.Items[0].Item.Id);
    }
}
