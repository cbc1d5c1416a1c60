using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.TheatreCatalog;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>
/// The shapes of commands that K's development set (<c>CommandDevelopmentSet.json</c>) showed missing, each checked on
/// another catalog (a theatre company's) in other words: a need taken back, a withdrawing verb on a request, how to talk
/// to the bot, how a thing stands, work to pick up; and the asks that only look like commands.
/// </summary>
public class CommandShapeTests
{
    [Theory]
    [InlineData("we don't need the radio mics any more")]
    [InlineData("I no longer need the sound mixer")]
    [InlineData("actually do not want the laptop after all")]
    [InlineData("kindly retract my request")]
    [InlineData("could you withdraw the ticket I raised this morning")]
    [InlineData("please close my ticket #4410")]
    public void ANeedTakenBack_OrAWithdrawnRequest_IsCancel(string text)
    {
        AssertCommand(ChatCommand.Cancel, text);
    }

    [Theory]
    [InlineData("manual?")]
    [InlineData("any tips")]
    [InlineData("so how am I supposed to talk to you")]
    [InlineData("what should I write here")]
    public void HowToTalkToTheBot_IsHelp(string text)
    {
        AssertCommand(ChatCommand.Help, text);
    }

    [Theory]
    [InlineData("the situation with my order?")]
    [InlineData("what stage is my radio mic request at")]
    public void HowTheirThingStands_IsTheirRequests(string text)
    {
        AssertCommand(ChatCommand.MyRequests, text);
    }

    [Theory]
    [InlineData("anything I can pick up?")]
    [InlineData("what's new for the lighting team")]
    public void WorkWaitingForATeam_IsTheQueue(string text)
    {
        AssertCommand(ChatCommand.Queue, text);
    }

    [Theory]
    [InlineData("lodge a ticket")]
    [InlineData("I want to file a request")]
    public void StartingAnAsk_IsBrowse(string text)
    {
        AssertCommand(ChatCommand.Browse, text);
    }

    [Theory]
    [InlineData("request number 4410 please", "REQ-004410")]
    [InlineData("ticket 000318?", "REQ-000318")]
    public void ARequestNumberInWords_IsThatRequest(string text, string id)
    {
        var meaning = Theatre.Read(text);

        Assert.Equal(ChatCommand.ShowRequest, meaning.Command);
        Assert.Equal(id, meaning.RequestId);
    }

    [Theory]
    [InlineData("help me get a radio mic for the tour", "radio-mic")]
    [InlineData("my director approved it, I need a show control licence", "show-control")]
    [InlineData("please remove the ticket scanner from the foyer and give me a bar till", "bar-till")]
    [InlineData("add the crew to the mailing list, the stage manager is waiting for me to do it", "mailing-list")]
    public void AnAskThatLooksLikeACommand_IsTheItem(string text, string item)
    {
        var meaning = Theatre.Read(text);

        Assert.NotEqual(MeaningKind.Command, meaning.Kind);
        Assert.Contains(meaning.Items, m => m.Item.Id == item);
    }

    [Theory]
    [InlineData("help me find a rehearsal room")]
    [InlineData("who approves overtime requests?")]
    public void AnAskForNothingTheCatalogHas_IsNoCommand(string text)
    {
        Assert.NotEqual(MeaningKind.Command, Theatre.Read(text).Kind);
    }

    [Theory]
    [InlineData("the laptop is doing weird things")]
    [InlineData("there's an echo on the radio mics")]
    public void StrangeBehaviour_IsAnIncident(string text)
    {
        Assert.Equal(MeaningKind.Incident, Theatre.Read(text).Kind);
    }

    [Theory]
    [InlineData("any shows waiting for me to decide on?", ChatCommand.Approvals)]
    [InlineData("what do I still have open", ChatCommand.MyRequests)]
    [InlineData("services?", ChatCommand.Browse)]
    [InlineData("what jobs does it handle", ChatCommand.Help)]
    [InlineData("what am I meant to write", ChatCommand.Help)]
    public void MoreShapesOfTheSameCommands_AreUnderstood(string text, ChatCommand command)
    {
        AssertCommand(command, text);
    }

    [Theory]
    [InlineData("the show control pc shows cues from yesterday's run")]
    [InlineData("ticket scanner still shows the matinee")]
    [InlineData("box office is down, we're selling on paper manually")]
    [InlineData("the bar till has a black screen")]
    public void WhatAThingShowsThatIsOld_OrADownThingWorkedAround_IsAnIncident(string text)
    {
        Assert.Equal(MeaningKind.Incident, Theatre.Read(text).Kind);
    }

    [Theory]
    [InlineData("laptop for the tour, no need for a bag", "laptop")]
    [InlineData("our crew need one more radio mic to sign off sound checks", "radio-mic")]
    public void AnAskThatOnlyMentionsCancelOrApprovalWords_IsTheItem(string text, string item)
    {
        var meaning = Theatre.Read(text);

        Assert.NotEqual(MeaningKind.Command, meaning.Kind);
        Assert.Contains(meaning.Items, m => m.Item.Id == item);
    }

    private static void AssertCommand(ChatCommand command, string text)
    {
        var meaning = Theatre.Read(text);

        Assert.Equal(MeaningKind.Command, meaning.Kind);
        Assert.Equal(command, meaning.Command);
    }
}
