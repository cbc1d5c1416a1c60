using System.Text.Json.Nodes;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>
/// A step Teams refuses for good parks at once, and the owning team hears of it over HTTP: a card in its channel with
/// Retry and Dismiss that its lead and agents may click, that a stranger's click cannot touch, that a second click leaves
/// as it is, and that everyone sees settled; the lead's "parked" list. The first retry of any event is ten minutes away,
/// so only a person's Retry can make the step run again within these tests.
/// </summary>
public sealed class ParkedStepLoopTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() =>
        _bot = await BotApp.StartAsync(new Dictionary<string, string?> { ["Fulfilment:FirstRetryDelay"] = "00:10:00" });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private IRequestStore Store => _bot.Services.GetRequiredService<IRequestStore>();

    [Fact]
    public async Task TeamCardRefused_Parks_TheLeadRetriesOnceTheChannelIsBack_AndTheTeamCardArrives()
    {
        var (teams, connector) = (_bot.Teams, _bot.Connector);
        connector.FailNext(new FakeFailure(403, Count: 1)
        {
            ErrorCode = "BotNotInConversationRoster",
            When = r => r.Route == FakeConnectorRoute.CreateConversation && r.Parameters?.IsGroup == true,
        });

        var (requestId, _) = await RequestMouseAsync(teams, connector, Persona.Megan);
        var (thread, parked) = await ParkedCardAsync(requestId);

        var text = CardReader.AllText(parked);
        Assert.Contains("posting the card in the team's channel", text, StringComparison.Ordinal);
        Assert.Contains("the bot is not allowed in that chat or channel (403)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("BotNotInConversationRoster", text, StringComparison.Ordinal);
        Assert.Equal(["parked.retry", "parked.dismiss"], CardReader.Verbs(parked));

        var retried = await teams.ClickOnCardAsync(Persona.Grady, thread, parked, "parked.retry");

        Assert.Contains("Retried by Grady Archie", retried.CardText, StringComparison.Ordinal);
        Assert.Empty(CardReader.Verbs(retried.Card));
        var (_, teamCard) = await TeamCardAsync(connector, Persona.HardwareChannel, requestId, t => t.Contains("Assign to me", StringComparison.Ordinal));
        Assert.Contains(requestId, CardReader.AllText(teamCard), StringComparison.Ordinal);
        await ParkedCardAsync(requestId, t => t.Contains("Retried by Grady Archie", StringComparison.Ordinal));
        var stored = await StoredWhenAsync(Store, requestId, r => r.Outbox.Count == 0, "the retried step and its notices done");
        Assert.Equal(
            [(AuditAction.EventParked, "ChatRequests"), (AuditAction.EventRetried, "Grady Archie")],
            stored.History.Where(h => h.Action == AuditAction.EventParked || h.Action == AuditAction.EventRetried).Select(h => (h.Action, h.Actor.Name)));

        var again = await teams.ClickOnCardAsync(Persona.Adele, thread, parked, "parked.retry");

        Assert.Contains("Grady Archie already retried this step; nothing was changed.", again.CardText, StringComparison.Ordinal);
        Assert.Equal(stored.Version, (await Store.GetAsync(requestId))!.Version);
    }

    [Fact]
    public async Task ApprovalCardRefused_Parks_AStrangerIsToldNothing_AnAgentDismissesIt()
    {
        var (teams, connector) = (_bot.Teams, _bot.Connector);
        connector.FailNext(new FakeFailure(400, Count: 1)
        {
            ErrorCode = "BadArgument",
            When = r => r.Route == FakeConnectorRoute.SendToConversation && r.Body?.ToJsonString().Contains("approval.approve", StringComparison.Ordinal) == true,
        });

        var requestId = await RequestLaptopAsync(teams, connector, Persona.Megan);
        var (thread, parked) = await ParkedCardAsync(requestId);
        Assert.Contains("The approval card to the approvers", CardReader.AllText(parked), StringComparison.Ordinal);
        var version = (await StoredWhenAsync(Store, requestId, r => r.Outbox.All(e => e.IsParked), "only the parked step left")).Version;

        var refused = await teams.ClickOnCardAsync(Persona.Stranger, thread, parked, "parked.dismiss");
        var unknown = await teams.ClickAsync(Persona.Stranger, thread, "parked.dismiss", new JsonObject { ["requestId"] = "REQ-999999", ["parkId"] = "1" });

        Assert.Equal(unknown.Message.Replace("REQ-999999", requestId, StringComparison.Ordinal), refused.Message);
        Assert.DoesNotContain("laptop", refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(version, (await Store.GetAsync(requestId))!.Version);

        var dismissed = await teams.ClickOnCardAsync(Persona.Adele, thread, parked, "parked.dismiss");

        Assert.Contains("Dismissed by Adele Vance", dismissed.CardText, StringComparison.Ordinal);
        var stored = await StoredWhenAsync(Store, requestId, r => r.Outbox.Count == 0, "the dismissed step gone and its card updated");
        Assert.Equal((AuditAction.EventDismissed, "Adele Vance"), (stored.History[^1].Action, stored.History[^1].Actor.Name));
        await ParkedCardAsync(requestId, t => t.Contains("Dismissed by Adele Vance", StringComparison.Ordinal));
        Assert.Null(connector.PersonalChatWith(Persona.Alex.AadObjectId) is { } chat
            ? connector.ActivitiesIn(chat).Select(FakeTeamsConnector.CardOf).FirstOrDefault(c => c is not null && CardReader.AllText(c).Contains(requestId, StringComparison.Ordinal))
            : null);
    }

    [Fact]
    public async Task Parked_ListsTheLeadsTeamsSteps_AndIsNoCommandForAnyoneElse()
    {
        var (teams, connector) = (_bot.Teams, _bot.Connector);
        connector.FailNext(new FakeFailure(403, Count: 1)
        {
            When = r => r.Route == FakeConnectorRoute.CreateConversation && r.Parameters?.IsGroup == true,
        });
        var (requestId, _) = await RequestMouseAsync(teams, connector, Persona.Megan);
        await ParkedCardAsync(requestId);

        (await teams.SayAsync(Persona.Grady, "what is stuck?")).EnsureSuccessStatusCode();
        var list = await NoticeAsync(connector, Persona.Grady, "Parked steps", requestId);
        (await teams.SayAsync(Persona.Adele, "parked")).EnsureSuccessStatusCode();
        var agentsAnswer = await connector.WaitForAsync(c => c.LatestCardIn(Persona.Adele.PersonalChatId), description: "the answer to an agent's 'parked'");

        Assert.Equal(["parked.retry", "parked.dismiss"], CardReader.Verbs(list));
        Assert.DoesNotContain("parked.retry", CardReader.Verbs(agentsAnswer));
        Assert.DoesNotContain(requestId, CardReader.AllText(agentsAnswer), StringComparison.Ordinal);
    }

    /// <summary>The card of the request's parked step in the Hardware channel (optionally once it says <paramref name="until"/>).</summary>
    private async Task<(string ThreadId, JsonObject Card)> ParkedCardAsync(string requestId, Func<string, bool>? until = null) =>
        await TeamCardAsync(
            _bot.Connector, Persona.HardwareChannel, requestId,
            t => t.Contains("a step", StringComparison.Ordinal) && t.Contains("could not be done", StringComparison.Ordinal) && (until is null || until(t)));
}
