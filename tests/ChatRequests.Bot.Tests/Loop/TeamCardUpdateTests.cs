using System.Text.Json.Nodes;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Storage;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>
/// An agent's click on the team card: the invoke answer shows the new card to the agent who clicked, and only to them;
/// the channel message everyone else reads is brought to the same state by one update (PUT) per change (ADR 0012).
/// </summary>
public sealed class TeamCardUpdateTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task AgentClicks_TheChannelShowsEveryoneTheClickedState_OneCardUpdatedOncePerChange()
    {
        var (teams, connector) = (_bot.Teams, _bot.Connector);
        var (requestId, _) = await RequestMouseAsync(teams, connector, Persona.Megan);
        var (thread, card) = await TeamCardAsync(connector, Persona.HardwareChannel, requestId);
        await OutboxDrainedAsync(requestId);
        Assert.Equal(0, PutsTo(thread));

        var assigned = await teams.ClickOnCardAsync(Persona.Adele, thread, card, "agent.assign");
        await OutboxDrainedAsync(requestId);

        Assert.Contains("Adele Vance", assigned.CardText);
        Assert.Equal(assigned.CardText, CardReader.AllText(TheOneTeamCard(requestId)));
        Assert.Equal(1, PutsTo(thread));

        var inProgress = await teams.ClickOnCardAsync(Persona.Adele, thread, assigned.Card, "agent.status",
            new JsonObject { ["status"] = "InProgress", ["note"] = "Unboxing it" });
        await OutboxDrainedAsync(requestId);

        Assert.Contains("Unboxing it", inProgress.CardText);
        Assert.Equal(inProgress.CardText, CardReader.AllText(TheOneTeamCard(requestId)));
        Assert.Equal(2, PutsTo(thread));
    }

    /// <summary>The request's card in the hardware channel as everyone there reads it; there must be exactly one.</summary>
    private JsonObject TheOneTeamCard(string requestId)
    {
        var cards = _bot.Connector.Conversations
            .Where(c => c.Id.StartsWith(Persona.HardwareChannel + ";", StringComparison.Ordinal))
            .SelectMany(c => c.Activities)
            .Select(FakeTeamsConnector.CardOf)
            .OfType<JsonObject>()
            .Where(card => CardReader.Verbs(card).Any(v => v.StartsWith("agent.", StringComparison.Ordinal))
                           && CardReader.AllText(card).Contains(requestId, StringComparison.Ordinal));
        return Assert.Single(cards);
    }

    private int PutsTo(string thread) =>
        _bot.Connector.RequestsTo(FakeConnectorRoute.UpdateActivity).Count(r => r.ConversationId == thread && r.Succeeded);

    private Task OutboxDrainedAsync(string requestId) =>
        StoredWhenAsync(_bot.Services.GetRequiredService<IRequestStore>(), requestId, r => r.Outbox.Count == 0, "the outbox drained");
}
