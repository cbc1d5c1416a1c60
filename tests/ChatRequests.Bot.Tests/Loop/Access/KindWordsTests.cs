using System.Text.Json.Nodes;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Testing;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop.Access;

/// <summary>What the bot says after a click or a command: what was sent, what can be done next, in words people read.</summary>
public sealed class KindWordsTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task AnswerSent_ShowsTheAnswerThatWasSent()
    {
        var (thread, card) = await AssignedMouseAsync(Persona.Adele);
        await _bot.Teams.ClickOnCardAsync(Persona.Adele, thread, card, "agent.ask", new JsonObject { ["question"] = "Wired or wireless?" });
        var question = await NoticeAsync(_bot.Connector, Persona.Megan, "Wired or wireless?");

        var sent = await _bot.Teams.ClickOnCardAsync(Persona.Megan, Persona.Megan.PersonalChatId, question, "requester.answer",
            new JsonObject { ["answer"] = "Wireless, with a USB-C dongle" });

        Assert.Contains("Answer sent", sent.CardText);
        Assert.Contains("Wireless, with a USB-C dongle", sent.CardText);
        Assert.DoesNotContain("requester.answer", CardReader.Verbs(sent.Card));
    }

    [Fact]
    public async Task ReopenedRequest_OffersTheAssigneeItsActionsAgain_AndKeepsTheEarlierResolutionInTheHistoryOnly()
    {
        var (thread, card) = await AssignedMouseAsync(Persona.Lidia);
        await _bot.Teams.ClickOnCardAsync(Persona.Lidia, thread, card, "agent.resolve", new JsonObject { ["resolution"] = "Left one on your desk" });
        var resolved = await NoticeAsync(_bot.Connector, Persona.Megan, "Left one on your desk");
        await _bot.Teams.ClickOnCardAsync(Persona.Megan, Persona.Megan.PersonalChatId, resolved, "requester.reopen",
            new JsonObject { ["feedback"] = "There was nothing on my desk" });
        var requestId = RequestNumberIn(CardReader.AllText(resolved))!;
        var (_, reopened) = await TeamCardAsync(_bot.Connector, Persona.HardwareChannel, requestId, text => text.Contains("Reopened"));

        Assert.Contains("agent.status", CardReader.Verbs(reopened));
        Assert.Contains("agent.ask", CardReader.Verbs(reopened));
        Assert.Contains("agent.resolve", CardReader.Verbs(reopened));
        Assert.DoesNotContain("Left one on your desk", CardReader.AllText(reopened));
        var again = await _bot.Teams.ClickOnCardAsync(Persona.Lidia, thread, reopened, "agent.resolve",
            new JsonObject { ["resolution"] = "Handed it over in person" });
        Assert.Contains("Fulfilled", again.CardText);

        var count = _bot.Connector.ActivitiesIn(Persona.Megan.PersonalChatId).Count;
        (await _bot.Teams.SayAsync(Persona.Megan, requestId)).EnsureSuccessStatusCode();
        // The details card, not the resolved notice that the relay may post in between.
        var detail = await _bot.Connector.WaitForAsync(c => c.ActivitiesIn(Persona.Megan.PersonalChatId).Skip(count)
            .Select(FakeTeamsConnector.CardOf).LastOrDefault(card => card is not null && CardReader.AllText(card).Contains("History")));
        Assert.Contains("Left one on your desk", CardReader.AllText(detail));
        Assert.Contains("Handed it over in person", CardReader.AllText(detail));
    }

    [Fact]
    public async Task HelpInATeamChannel_ListsTheAgentsCommands_NotTheEmployeeHelp()
    {
        (await _bot.Teams.SayInChannelAsync(Persona.Adele, Persona.HardwareChannel, "help")).EnsureSuccessStatusCode();

        var reply = await _bot.Connector.WaitForAsync(c => c.ActivitiesIn(Persona.HardwareChannel).LastOrDefault());
        var text = reply.Text ?? CardReader.AllText(FakeTeamsConnector.CardOf(reply));
        Assert.Contains("queue", text);
        Assert.Contains("REQ-", text);
        Assert.Contains("help", text);
        Assert.DoesNotContain("my requests", text);
        Assert.DoesNotContain("new request", text);
    }

    [Fact]
    public async Task AlreadyDecided_SaysWhenInWordsWithoutAUtcStamp()
    {
        var requestId = await RequestLaptopAsync(_bot.Teams, _bot.Connector, Persona.Megan);
        var (alexChat, approval) = await ApprovalCardAsync(_bot.Connector, Persona.Alex, requestId);
        await _bot.Teams.ClickOnCardAsync(Persona.Alex, alexChat, approval, "approval.approve");

        var late = await _bot.Teams.ClickOnCardAsync(Persona.Alex, alexChat, approval, "approval.reject", new JsonObject { ["comment"] = "No" });

        var banner = CardReader.AllText(late.Card["body"]![0]);
        Assert.Contains("Already approved by Alex Wilber just now", banner);
        Assert.DoesNotContain("UTC", banner);
    }

    /// <summary>Megan's mouse request, assigned to <paramref name="agent"/>: the thread of its team card and the card.</summary>
    private async Task<(string Thread, JsonObject Card)> AssignedMouseAsync(Persona agent)
    {
        var (requestId, _) = await RequestMouseAsync(_bot.Teams, _bot.Connector, Persona.Megan);
        var (thread, card) = await TeamCardAsync(_bot.Connector, Persona.HardwareChannel, requestId);
        var assigned = await _bot.Teams.ClickOnCardAsync(agent, thread, card, "agent.assign");
        return (thread, assigned.Card);
    }
}
