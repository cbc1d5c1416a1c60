using System.Text.Json.Nodes;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Testing;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop.Access;

/// <summary>
/// A refused or failed click keeps the card people were looking at: a message naming the request, or the same card
/// brought up to date with a short banner. Buttons that can only fail are not offered, and the requester's
/// confirmation refreshes itself when the request moves on.
/// </summary>
public sealed class KeptCardTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task TeamQueue_OffersAgentsNoCancel_WhileTheRequestersOwnListDoes()
    {
        var (requestId, _) = await RequestMouseAsync(_bot.Teams, _bot.Connector, Persona.Megan);
        await TeamCardAsync(_bot.Connector, Persona.HardwareChannel, requestId);

        (await _bot.Teams.SayInChannelAsync(Persona.Adele, Persona.HardwareChannel, "queue")).EnsureSuccessStatusCode();
        var queue = await _bot.Connector.WaitForAsync(c => c.LatestCardIn(Persona.HardwareChannel));
        var count = _bot.Connector.ActivitiesIn(Persona.Megan.PersonalChatId).Count;
        (await _bot.Teams.SayAsync(Persona.Megan, "my requests")).EnsureSuccessStatusCode();
        var mine = await _bot.Connector.WaitForAsync(c => c.ActivitiesIn(Persona.Megan.PersonalChatId).Skip(count)
            .Select(FakeTeamsConnector.CardOf).LastOrDefault(card => card is not null && CardReader.AllText(card).Contains("Your requests")));

        Assert.Contains(requestId, CardReader.AllText(queue));
        Assert.Contains("requests.show", CardReader.Verbs(queue));
        Assert.DoesNotContain("requester.cancel", CardReader.Verbs(queue));
        Assert.Contains("requester.cancel", CardReader.Verbs(mine));
    }

    [Fact]
    public async Task CancelOnTheConfirmationOfAClosedRequest_IsAMessageNamingTheNumber()
    {
        var (requestId, confirmation) = await RequestMouseAsync(_bot.Teams, _bot.Connector, Persona.Megan);
        (await _bot.Teams.SayAsync(Persona.Megan, $"cancel {requestId}")).EnsureSuccessStatusCode();
        await NoticeAsync(_bot.Connector, Persona.Megan, requestId, "cancelled");

        var again = await _bot.Teams.ClickOnCardAsync(Persona.Megan, Persona.Megan.PersonalChatId, confirmation, "requester.cancel");

        Assert.Equal(Refusal.MessageType, again.Body["type"]?.GetValue<string>());
        Assert.Contains(requestId, again.Message);
        Assert.Contains("cancelled", again.Message);
    }

    [Fact]
    public async Task RequestersConfirmation_RefreshesItselfForThemOnly_AndDropsCancelOnceTheRequestIsClosed()
    {
        var (requestId, confirmation) = await RequestMouseAsync(_bot.Teams, _bot.Connector, Persona.Megan);
        var refresh = confirmation["refresh"]?.AsObject() ?? throw new InvalidOperationException($"No refresh on {confirmation.ToJsonString()}");
        Assert.Equal([Persona.Megan.TeamsId], refresh["userIds"]!.AsArray().Select(id => id!.GetValue<string>()));
        Assert.Equal("Action.Execute", refresh["action"]?["type"]?.GetValue<string>());
        var verb = refresh["action"]!["verb"]!.GetValue<string>();
        var data = refresh["action"]!["data"]!.AsObject();
        Assert.Contains("requester.cancel", CardReader.Verbs(confirmation));

        (await _bot.Teams.SayAsync(Persona.Megan, $"cancel {requestId}")).EnsureSuccessStatusCode();
        await NoticeAsync(_bot.Connector, Persona.Megan, requestId, "cancelled");
        var opened = await _bot.Teams.ClickAsync(Persona.Megan, Persona.Megan.PersonalChatId, verb, data.DeepClone().AsObject(), trigger: "automatic");

        Assert.Contains(requestId, opened.CardText);
        Assert.Contains("cancelled", opened.CardText);
        Assert.DoesNotContain("requester.cancel", CardReader.Verbs(opened.Card));
        foreach (var who in new[] { Persona.Diego, Persona.Christie, Persona.Stranger })
        {
            var forged = await _bot.Teams.ClickAsync(who, who.PersonalChatId, verb, data.DeepClone().AsObject(), trigger: "automatic");
            Refusal.ShowsNothing(forged, Refusal.MouseSecrets);
        }
    }

    [Fact]
    public async Task BadCardData_IsAMessage()
    {
        var (requestId, _) = await RequestMouseAsync(_bot.Teams, _bot.Connector, Persona.Megan);
        var (thread, _) = await TeamCardAsync(_bot.Connector, Persona.HardwareChannel, requestId);

        var answer = await _bot.Teams.ClickAsync(Persona.Adele, thread, "agent.assign", new JsonObject { ["requestId"] = new JsonArray(1, 2) });

        Assert.Contains("requestId", answer.Message);
    }

    [Fact]
    public async Task RefusedClickOnTheTeamCard_ByAnAgentOfTheTeam_KeepsTheCardUpToDate_WithTheReasonInATextRun()
    {
        var (requestId, _) = await RequestMouseAsync(_bot.Teams, _bot.Connector, Persona.Megan);
        var (thread, card) = await TeamCardAsync(_bot.Connector, Persona.HardwareChannel, requestId);
        var assigned = await _bot.Teams.ClickOnCardAsync(Persona.Lidia, thread, card, "agent.assign");

        var stale = await _bot.Teams.ClickOnCardAsync(Persona.Adele, thread, assigned.Card, "agent.resolve", new JsonObject { ["resolution"] = "  " });

        var banner = stale.Card["body"]![0]!.AsObject();
        var run = Assert.Single(banner["items"]!.AsArray());
        Assert.Equal("RichTextBlock", run!["type"]!.GetValue<string>());
        Assert.Contains("resolution notes", CardReader.AllText(banner));
        Assert.Contains("Lidia Holloway", stale.CardText);
        Assert.Contains(requestId, stale.CardText);
    }

    [Fact]
    public async Task ClickOnTheApprovalsListForARequestAlreadyDecided_KeepsTheListWithABanner()
    {
        var first = await RequestLaptopAsync(_bot.Teams, _bot.Connector, Persona.Megan);
        var second = await RequestLaptopAsync(_bot.Teams, _bot.Connector, Persona.Diego, "laptop please");
        await ApprovalCardAsync(_bot.Connector, Persona.Alex, second);
        (await _bot.Teams.SayAsync(Persona.Alex, "approvals")).EnsureSuccessStatusCode();
        var list = await _bot.Connector.WaitForAsync(c => c.LatestCardIn(Persona.Alex.PersonalChatId) is { } card
            && CardReader.AllText(card).Contains(second) ? card : null);
        var (alexChat, approval) = await ApprovalCardAsync(_bot.Connector, Persona.Alex, first);
        await _bot.Teams.ClickOnCardAsync(Persona.Alex, alexChat, approval, "approval.approve");

        var listAction = CardReader.FindAction(list, "approval.reject")!;
        var data = listAction["data"]!.DeepClone().AsObject();
        data["requestId"] = first;
        data["comment"] = "Changed my mind";
        var stale = await _bot.Teams.ClickAsync(Persona.Alex, Persona.Alex.PersonalChatId, "approval.reject", data);

        Assert.Contains("Already approved by Alex Wilber", stale.CardText);
        Assert.Contains(first, stale.CardText);
        Assert.Contains("Waiting for your approval (1)", stale.CardText);
        Assert.Contains(second, stale.CardText);
    }
}
