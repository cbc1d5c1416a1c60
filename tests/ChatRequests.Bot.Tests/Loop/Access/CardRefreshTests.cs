using System.Text.Json.Nodes;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Testing;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop.Access;

/// <summary>
/// The approval and team cards refresh themselves (Universal Actions): Teams sends their refresh action by itself when
/// someone the card names looks at it, and the bot answers, over HTTP, with the card as the request is now for that
/// person: the decision to take while it waits for them, how it was decided once it was, the channel's card with the
/// agents' buttons for the team, without them for others who may view it, and a plain card naming nothing for anyone else.
/// </summary>
public sealed class CardRefreshTests : IAsyncLifetime
{
    private static readonly Persona[] Outsiders = [Persona.Diego, Persona.Christie, Persona.Stranger];
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task ApprovalCard_RefreshesForItsApprover_AndShowsTheDecisionOnceTaken()
    {
        await HeardFromAsync(Persona.Alex);
        var requestId = await RequestLaptopAsync(_bot.Teams, _bot.Connector, Persona.Megan);
        // The chat Alex opened with the bot, where the bot now posts to him.
        var alexChat = Persona.Alex.PersonalChatId;
        var approval = await _bot.Connector.WaitForAsync(c => c.ActivitiesIn(alexChat).Select(FakeTeamsConnector.CardOf)
            .LastOrDefault(card => card is not null && CardReader.AllText(card).Contains(requestId)), description: "Alex's approval card");
        var (verb, data) = RefreshOf(approval, [Persona.Alex.TeamsId]);
        Assert.Equal("approval.refresh", verb);
        Assert.Equal(new JsonObject { ["requestId"] = requestId, ["stage"] = 0 }.ToJsonString(), data.ToJsonString());

        var waiting = await RefreshAsync(Persona.Alex, alexChat, verb, data);
        await _bot.Teams.ClickOnCardAsync(Persona.Alex, alexChat, approval, "approval.approve");
        var decided = await RefreshAsync(Persona.Alex, alexChat, verb, data);

        Assert.Contains("approval.approve", CardReader.Verbs(waiting.Card));
        RefreshOf(waiting.Card, [Persona.Alex.TeamsId]);
        Assert.Contains("Approved by you", decided.CardText);
        Assert.DoesNotContain("approval.approve", CardReader.Verbs(decided.Card));
        Assert.DoesNotContain("approval.reject", CardReader.Verbs(decided.Card));
    }

    [Fact]
    public async Task ApprovalCard_ForAnApproverTheBotHasNotHeardFrom_RefreshesForTheirChat_WithoutNames()
    {
        var requestId = await RequestLaptopAsync(_bot.Teams, _bot.Connector, Persona.Megan);
        var (alexChat, approval) = await ApprovalCardAsync(_bot.Connector, Persona.Alex, requestId);

        var refresh = approval["refresh"]?.AsObject() ?? throw new InvalidOperationException($"No refresh on {approval.ToJsonString()}");
        var answer = await RefreshAsync(Persona.Alex, alexChat, refresh["action"]!["verb"]!.GetValue<string>(), refresh["action"]!["data"]!.AsObject());

        Assert.False(refresh.ContainsKey("userIds"));
        Assert.Contains("approval.approve", CardReader.Verbs(answer.Card));
        // From the refresh on, the bot knows Alex by the id Teams sent: the card he sees now names him.
        RefreshOf(answer.Card, [Persona.Alex.TeamsId]);
    }

    [Fact]
    public async Task ApprovalCardRefresh_ForTheRequester_ShowsItWithoutButtons_AndForAnyoneElseNothing()
    {
        var requestId = await RequestLaptopAsync(_bot.Teams, _bot.Connector, Persona.Megan);
        var (alexChat, approval) = await ApprovalCardAsync(_bot.Connector, Persona.Alex, requestId);
        var (verb, data) = RefreshOf(approval, null);

        var requester = await RefreshAsync(Persona.Megan, Persona.Megan.PersonalChatId, verb, data);
        var outsiders = new List<JsonObject>();
        foreach (var who in Outsiders)
        {
            outsiders.Add(Refusal.ShowsNothing(await RefreshAsync(who, who.PersonalChatId, verb, data), Refusal.LaptopSecrets));
        }

        var unknown = Refusal.ShowsNothing(
            await RefreshAsync(Persona.Alex, alexChat, verb, new JsonObject { ["requestId"] = "REQ-999999", ["stage"] = 0 }), Refusal.LaptopSecrets);
        var noSuchStage = Refusal.ShowsNothing(
            await RefreshAsync(Persona.Alex, alexChat, verb, new JsonObject { ["requestId"] = requestId, ["stage"] = 7 }), Refusal.LaptopSecrets);
        var nonsense = Refusal.ShowsNothing(
            await RefreshAsync(Persona.Alex, alexChat, verb, new JsonObject { ["requestId"] = requestId, ["stage"] = new JsonArray() }), Refusal.LaptopSecrets);

        Assert.Contains(requestId, requester.CardText);
        Assert.Contains("Waiting for Alex Wilber", requester.CardText);
        Assert.Empty(CardReader.Verbs(requester.Card));
        Assert.Null(requester.Card["refresh"]);
        // The same plain card whoever asks and whatever was asked: a refusal tells apart nothing.
        Assert.All([.. outsiders, noSuchStage, nonsense], card => Assert.Equal(unknown.ToJsonString(), card.ToJsonString()));
    }

    [Fact]
    public async Task TeamCard_RefreshesForTheTeam_WithTheRequestAsItIsNow_AndButtonsOnlyForThoseWhoWorkIt()
    {
        await HeardFromAsync(Persona.Adele);
        await HeardFromAsync(Persona.Grady);
        var (requestId, _) = await RequestMouseAsync(_bot.Teams, _bot.Connector, Persona.Megan);
        var (thread, card) = await TeamCardAsync(_bot.Connector, Persona.HardwareChannel, requestId);
        // The members and the lead the bot knows the Teams ids of (Lidia has not written to it yet).
        var (verb, data) = RefreshOf(card, [Persona.Adele.TeamsId, Persona.Grady.TeamsId]);
        Assert.Equal("team.refresh", verb);
        Assert.Equal(new JsonObject { ["requestId"] = requestId }.ToJsonString(), data.ToJsonString());

        var assigned = await _bot.Teams.ClickOnCardAsync(Persona.Lidia, thread, card, "agent.assign");
        var agent = await RefreshAsync(Persona.Adele, thread, verb, data);
        var lead = await RefreshAsync(Persona.Grady, thread, verb, data);
        var requester = await RefreshAsync(Persona.Megan, Persona.Megan.PersonalChatId, verb, data);

        // The answer to a click refreshes for the one who clicked: nobody else sees it.
        RefreshOf(assigned.Card, [Persona.Lidia.TeamsId]);
        foreach (var answer in new[] { agent, lead })
        {
            Assert.Contains("Lidia Holloway", answer.CardText);
            Assert.Contains("agent.resolve", CardReader.Verbs(answer.Card));
        }

        Assert.Contains("Lidia Holloway", requester.CardText);
        Assert.Empty(CardReader.Verbs(requester.Card));
        foreach (var who in Outsiders)
        {
            Refusal.ShowsNothing(await RefreshAsync(who, who.PersonalChatId, verb, data), Refusal.MouseSecrets);
        }
    }

    [Fact]
    public async Task TeamCardRefresh_OnceTheRequestIsClosed_ShowsHowItEnded_AndRefreshesNoMore()
    {
        var (requestId, _) = await RequestMouseAsync(_bot.Teams, _bot.Connector, Persona.Megan);
        var (thread, card) = await TeamCardAsync(_bot.Connector, Persona.HardwareChannel, requestId);
        var (verb, data) = RefreshOf(card, null);

        (await _bot.Teams.SayAsync(Persona.Megan, $"cancel {requestId}")).EnsureSuccessStatusCode();
        await NoticeAsync(_bot.Connector, Persona.Megan, requestId, "cancelled");
        var cancelled = await RefreshAsync(Persona.Adele, thread, verb, data);

        Assert.Contains("Cancelled by Megan Bowen", cancelled.CardText);
        Assert.Empty(CardReader.Verbs(cancelled.Card));
        Assert.Null(cancelled.Card["refresh"]);
    }

    /// <summary>The person writes to the bot in their personal chat: from then on the bot knows their Teams id.</summary>
    private async Task HeardFromAsync(Persona who)
    {
        var before = _bot.Connector.ActivitiesIn(who.PersonalChatId).Count;
        (await _bot.Teams.SayAsync(who, "help")).EnsureSuccessStatusCode();
        await _bot.Connector.WaitForAsync(c => c.ActivitiesIn(who.PersonalChatId).Count > before, description: $"the help for {who.Name}");
    }

    /// <summary>What Teams sends by itself when the person looks at the card: its refresh action, trigger "automatic".</summary>
    private Task<InvokeResult> RefreshAsync(Persona who, string conversationId, string verb, JsonObject data) =>
        _bot.Teams.ClickAsync(who, conversationId, verb, data.DeepClone().AsObject(), trigger: "automatic");

    /// <summary>The card's refresh action; with <paramref name="userIds"/>, checks whom it names (in any order).</summary>
    private static (string Verb, JsonObject Data) RefreshOf(JsonObject card, string[]? userIds)
    {
        var refresh = card["refresh"]?.AsObject() ?? throw new InvalidOperationException($"No refresh on {card.ToJsonString()}");
        Assert.Equal("Action.Execute", refresh["action"]?["type"]?.GetValue<string>());
        if (userIds is not null)
        {
            Assert.Equal(userIds.Order(), refresh["userIds"]!.AsArray().Select(id => id!.GetValue<string>()).Order());
        }

        return (refresh["action"]!["verb"]!.GetValue<string>(), refresh["action"]!["data"]!.AsObject());
    }
}
