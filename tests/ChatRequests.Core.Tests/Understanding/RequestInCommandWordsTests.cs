using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.MiniCatalog;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>
/// A request for a thing said in a command's words (ADR 0090), on a catalog the evaluation does not use (a regional
/// newspaper's): a swap after a cancel, how to ask for a thing, a request raised for a thing, "help" then a need; and the
/// commands beside them that chase, cancel, decide or list what was asked before, naming a thing, stay the commands.
/// </summary>
public class RequestInCommandWordsTests
{
    private static readonly MiniCatalog Newsroom = new(
        Item("cms-account", "Content management account", "Access", "An account on the content management system to write and publish stories.", ["cms", "content system"]),
        Item("photo-archive", "Photo archive access", "Access", "Access to the picture archive of past editions.", ["photo archive", "picture archive"]),
        Item("wire-feed", "News agency feed", "Software", "A seat on the news agency wire feed.", ["wire feed", "agency feed"]),
        Item("press-card", "Press card", "Access", "A press card for reporters and photographers at events.", ["press card", "press pass"]),
        Item("paywall-admin", "Paywall admin", "Access", "Admin rights on the subscriptions paywall.", ["paywall"]),
        Item("leaver", "Leaver", "Accounts", "Close a leaver's accounts and collect their badge.", ["leaver", "leaving"]),
        Item("laptop", "Laptop", keywords: ["laptop", "notebook"], fields: [Choice("model", "Model", ["Standard", "MacBook"])]),
        Item("mobile-phone", "Work mobile phone", keywords: ["mobile", "phone"], fields: [Choice("model", "Model", ["Android", "iPhone"])]),
        Item("headset", "Headset", keywords: ["headset"], fields: [Choice("type", "Type", ["Wired", "Wireless"])]));

    [Theory]
    [InlineData("cancel the android phone, get me an iphone instead", "mobile-phone")]
    [InlineData("cancel my old notebook and order me a macbook", "laptop")]
    [InlineData("cancel the dell laptop and send me a macbook", "laptop")]
    [InlineData("changed my mind about the wired headset, I want a wireless one instead", "headset")]
    public void AThingSwappedForAnother_IsTheNewThing(string text, string item) => AssertAsked(text, item);

    [Theory]
    [InlineData("how do I request a press card for the match on saturday", "press-card")]
    [InlineData("how can I get onto the photo archive", "photo-archive")]
    [InlineData("show me how to get access to the wire feed", "wire-feed")]
    [InlineData("show me how to get onto the archive, I need old front pages", "photo-archive")]
    [InlineData("how do I ask for the agency seat, the sports desk wants one", "wire-feed")]
    [InlineData("a mobile for the new night editor, how do I ask", "mobile-phone")]
    [InlineData("new sports reporter starts monday and needs a cms account, how do I ask", "cms-account")]
    [InlineData("paywall admin for the subs desk, how do I ask for that?", "paywall-admin")]
    public void HowToAskForAThing_IsTheThing(string text, string item) => AssertAsked(text, item);

    [Theory]
    [InlineData("raise a request for a press card for the new photographer", "press-card")]
    [InlineData("log a ticket to get paywall admin for the marketing team", "paywall-admin")]
    [InlineData("put in a request for 3 agency seats for the election night", "wire-feed")]
    [InlineData("help, the court reporter leaves friday, need her cms and badge closed", "leaver")]
    [InlineData("help! jo finishes on friday, need a leaver done for her", "leaver")]
    public void ARequestRaisedForAThing_IsTheThing(string text, string item) => AssertAsked(text, item);

    [Theory]
    [InlineData("I want to track who signs up, need paywall access", "paywall-admin")]
    [InlineData("my line manager approved me for the wire feed, could you set me up", "wire-feed")]
    public void ACommandWordBesideAnAsk_YieldsToTheThing(string text, string item) => AssertAsked(text, item);

    [Theory]
    [InlineData("where's my press card request", ChatCommand.MyRequests)]
    [InlineData("what did I ask for", ChatCommand.MyRequests)]
    [InlineData("any news on the laptop I asked for", ChatCommand.MyRequests)]
    [InlineData("cancel the press card one", ChatCommand.Cancel)]
    [InlineData("cancel my laptop request", ChatCommand.Cancel)]
    [InlineData("cancel my headset request, I'll get one from the shop myself", ChatCommand.Cancel)]
    [InlineData("cancel my headset order, don't get me a wireless one either", ChatCommand.Cancel)]
    [InlineData("any approvals for me", ChatCommand.Approvals)]
    [InlineData("anything waiting for me to approve", ChatCommand.Approvals)]
    [InlineData("how do I ask for something", ChatCommand.Help)]
    [InlineData("how do I use this bot", ChatCommand.Help)]
    [InlineData("help, I'm lost", ChatCommand.Help)]
    [InlineData("raise a request", ChatCommand.Browse)]
    public void ACommandNamingAThingOrNone_StaysTheCommand(string text, ChatCommand command)
    {
        var meaning = Newsroom.Read(text);

        Assert.Equal(MeaningKind.Command, meaning.Kind);
        Assert.Equal(command, meaning.Command);
    }

    private static void AssertAsked(string text, string item)
    {
        var meaning = Newsroom.Read(text);

        Assert.NotEqual(MeaningKind.Command, meaning.Kind);
        Assert.Contains(item, meaning.Items.Select(m => m.Item.Id));
    }
}
