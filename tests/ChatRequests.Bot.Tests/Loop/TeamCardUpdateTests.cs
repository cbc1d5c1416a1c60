using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Core.Telemetry;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>
/// An agent's click on the team card: the invoke answer shows the new card to the agent who clicked, and only to them;
/// the channel message everyone else reads is brought to the same state by one update (PUT) per change (ADR 0012), and
/// none when the card would show what it already shows (<c>LastSentCards</c>).
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

    [Fact]
    public async Task TeamCardShownAgain_WithNothingChanged_IsNotUpdated_AndTheNextChangeIs()
    {
        var (teams, connector) = (_bot.Teams, _bot.Connector);
        var (requestId, _) = await RequestMouseAsync(teams, connector, Persona.Megan);
        var (thread, card) = await TeamCardAsync(connector, Persona.HardwareChannel, requestId);
        var assigned = await teams.ClickOnCardAsync(Persona.Adele, thread, card, "agent.assign");
        await OutboxDrainedAsync(requestId);
        Assert.Equal(1, PutsTo(thread));

        // As a step that runs after the request moved on, or whose change the card does not show (its event's completion).
        var notifier = _bot.Services.GetRequiredService<INotifier>();
        await notifier.ShowTeamCardAsync((await Store.GetAsync(requestId))!);
        await notifier.ShowTeamCardAsync((await Store.GetAsync(requestId))!);
        Assert.Equal(1, PutsTo(thread));

        var inProgress = await teams.ClickOnCardAsync(Persona.Adele, thread, assigned.Card, "agent.status",
            new JsonObject { ["status"] = "InProgress", ["note"] = "Unboxing it" });
        await OutboxDrainedAsync(requestId);
        Assert.Equal(2, PutsTo(thread));
        Assert.Equal(inProgress.CardText, CardReader.AllText(TheOneTeamCard(requestId)));
    }

    [Fact]
    public async Task TeamCardShownAgain_FromTheSameInputs_IsNotEvenBuilt()
    {
        var (teams, connector) = (_bot.Teams, _bot.Connector);
        var (requestId, _) = await RequestMouseAsync(teams, connector, Persona.Megan);
        var (thread, card) = await TeamCardAsync(connector, Persona.HardwareChannel, requestId);
        await teams.ClickOnCardAsync(Persona.Adele, thread, card, "agent.assign");
        var assigned = await OutboxDrainedAsync(requestId);
        var notifier = _bot.Services.GetRequiredService<INotifier>();
        using var notBuilt = new CounterWatch(TelemetryNames.Instruments.UnchangedUpdatesNotBuilt);

        // The relay's update for the assignment sent this card from these inputs: the same request, team and refresh again.
        await notifier.ShowTeamCardAsync(assigned);
        await notifier.ShowTeamCardAsync((await Store.GetAsync(requestId))!);

        Assert.Equal(1, PutsTo(thread));
        // Other tests of this process may count theirs too, never fewer.
        Assert.True(notBuilt.Total >= 2, $"{notBuilt.Total} updates skipped before building the card");
    }

    [Fact]
    public async Task AfterAnUpdateTheConnectorRefused_TheCardShownBeforeItIsSentAgain()
    {
        var (teams, connector) = (_bot.Teams, _bot.Connector);
        var (requestId, _) = await RequestMouseAsync(teams, connector, Persona.Megan);
        var (thread, card) = await TeamCardAsync(connector, Persona.HardwareChannel, requestId);
        await OutboxDrainedAsync(requestId);
        var unassigned = (await Store.GetAsync(requestId))!;
        await teams.ClickOnCardAsync(Persona.Adele, thread, card, "agent.assign");
        var assigned = await OutboxDrainedAsync(requestId);
        var notifier = _bot.Services.GetRequiredService<INotifier>();
        Assert.Equal(1, PutsTo(thread));

        // An update answered with an error (or not answered: a timeout) may or may not have reached the message, so what
        // the channel shows is no longer known: the assigned card, the one sent before, is sent again rather than skipped.
        connector.FailNext(1, 400);
        await Assert.ThrowsAnyAsync<Exception>(() => notifier.ShowTeamCardAsync(unassigned));
        await notifier.ShowTeamCardAsync(assigned);

        Assert.Equal(2, PutsTo(thread));
        Assert.Contains("Adele Vance", CardReader.AllText(TheOneTeamCard(requestId)));
    }

    /// <summary>Sums what one counter of the application's meter records while it is watched.</summary>
    private sealed class CounterWatch : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _total;

        public CounterWatch(string instrumentName)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == TelemetryNames.Source && instrument.Name == instrumentName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
            _listener.Start();
        }

        public long Total => Interlocked.Read(ref _total);

        public void Dispose() => _listener.Dispose();
    }

    private IRequestStore Store => _bot.Services.GetRequiredService<IRequestStore>();

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

    private Task<ServiceRequest> OutboxDrainedAsync(string requestId) =>
        StoredWhenAsync(_bot.Services.GetRequiredService<IRequestStore>(), requestId, r => r.Outbox.Count == 0, "the outbox drained");
}
