using System.Net;
using System.Text.Json.Nodes;
using ChatRequests.Teams.Connector;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Messaging;
using ChatRequests.Bot.Tests.Fakes;
using ChatRequests.Testing;
using ChatRequests.Embedded.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>
/// What a turn costs in calls to the real adapters (counted by decorators around them): no work for an activity that
/// needs none, each thing looked up once, and a write only when something changed.
/// </summary>
public sealed class TurnCostTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    private AdapterCalls Calls => _bot.Services.GetRequiredService<AdapterCalls>();

    // Without the periodic sweepers (SLA, digests, access reviews): their first run at start reads the directory and the
    // store at a moment of its own, which a test counting a turn's calls would take for the turn's (CI of 42c3e21: the SLA
    // sweep's governance settings read between the clear and the activities). Nor the intake's preparation at start-up,
    // which reads the catalog's items once in the background (CI of 23403df: "catalog.Items" between the clear and the
    // activities); the first message builds what it would have. The relay stays. The preparation is private to the encoder's
    // registration, so it is found by its name, and a start without it fails loudly should the name change.
    public async Task InitializeAsync() => _bot = await BotApp.StartAsync(services: s =>
    {
        var preparation = s.SingleOrDefault(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "IntakePreparation")
            ?? throw new InvalidOperationException("The intake's preparation at start-up (IntakePreparation) is not registered under that name any more.");
        s.Remove(preparation);
        foreach (var sweeper in s.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.IsSubclassOf(typeof(PeriodicWorker)) == true).ToList())
        {
            s.Remove(sweeper);
        }

        s.AddCountingAdapters();
    });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task ActivitiesThatNeedNothing_AreAnswered200AtOnce_WithoutADirectoryCallOrAStoreCall()
    {
        Calls.Clear();

        foreach (var type in new[] { ActivityTypes.Typing, ActivityTypes.MessageReaction, "event", "endOfConversation", "somethingNew" })
        {
            using var response = await _bot.Teams.PostAsync(From(Persona.Megan, type));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Empty(Calls.All);
        Assert.Empty(_bot.Connector.Requests);
    }

    [Fact]
    public async Task ConversationReference_IsWrittenWhenNew_NotOnEveryTurn()
    {
        var chat = Persona.Megan.PersonalChatId;
        Calls.Clear();

        foreach (var text in new[] { "help", "my requests", "help" })
        {
            (await _bot.Teams.SayAsync(Persona.Megan, text)).EnsureSuccessStatusCode();
        }

        // Read once, written once; the later turns find it unchanged in memory and cost the store nothing.
        Assert.Equal([$"conversations.Find:{chat}", $"conversations.Upsert:{chat}"], Calls.StartingWith("conversations."));
        Assert.Empty(Calls.StartingWith("requests."));
        Assert.Equal(3, Calls.Count($"directory.FindPerson:{Persona.Megan.AadObjectId}"));
    }

    [Fact]
    public async Task ConversationReference_WhenTeamsMovesTheConversation_IsWrittenAtOnce()
    {
        var chat = Persona.Megan.PersonalChatId;
        (await _bot.Teams.SayAsync(Persona.Megan, "help")).EnsureSuccessStatusCode();
        await using var moved = await FakeTeamsConnector.StartAsync();
        Calls.Clear();

        (await new TeamsDriver(_bot.Http, moved).SayAsync(Persona.Megan, "help")).EnsureSuccessStatusCode();

        Assert.Equal(1, Calls.Count($"conversations.Upsert:{chat}"));
        var stored = await _bot.Services.GetRequiredService<IConversationStore>().FindAsync(chat);
        Assert.Equal(moved.ServiceUrl, stored?.ServiceUrl);
        await moved.WaitForAsync(c => c.Requests.Count > 0, description: "the answer sent to where the conversation moved");
    }

    [Fact]
    public async Task ConversationUpdate_RemembersTheConversation_WithoutLookingUpTheSender()
    {
        Calls.Clear();

        using var response = await _bot.Teams.PostAsync(From(Persona.Megan, ActivityTypes.ConversationUpdate));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The host's timers read the directory on their own schedule (every SLA sweep reads the retention settings, the
        // digest and access reviews list teams), whenever they run; the turn itself looks nobody up.
        Assert.DoesNotContain(Calls.StartingWith("directory."), c => c is not ("directory.GetGovernanceSettings" or "directory.ListTeams"));
        Assert.Equal(1, Calls.Count($"conversations.Upsert:{Persona.Megan.PersonalChatId}"));
        Assert.Empty(_bot.Connector.Requests);
    }

    [Fact]
    public async Task Submit_LooksUpTheRequesterAndTheCatalogItemOnce()
    {
        (await _bot.Teams.SayAsync(Persona.Megan, "I need a new laptop")).EnsureSuccessStatusCode();
        var form = await NoticeAsync(_bot.Connector, Persona.Megan, "Standard laptop");
        Calls.Clear();

        var confirmation = await _bot.Teams.ClickOnCardAsync(Persona.Megan, Persona.Megan.PersonalChatId, form, "intake.submit", LaptopInputs);

        Assert.NotNull(RequestNumberIn(confirmation.CardText));
        Assert.Equal(1, Calls.Count($"directory.FindPerson:{Persona.Megan.AadObjectId}"));
        Assert.Equal(1, Calls.Count("catalog.Find:laptop-standard"));
    }

    [Fact]
    public async Task FormWithErrors_IsShownAgain_AfterOneCatalogLookup()
    {
        (await _bot.Teams.SayAsync(Persona.Megan, "I need a new laptop")).EnsureSuccessStatusCode();
        var form = await NoticeAsync(_bot.Connector, Persona.Megan, "Standard laptop");
        Calls.Clear();

        var answer = await _bot.Teams.ClickOnCardAsync(Persona.Megan, Persona.Megan.PersonalChatId, form, "intake.submit",
            new JsonObject { ["justification"] = "", ["urgency"] = "High" });

        Assert.Contains("intake.submit", CardReader.Verbs(answer.Card));
        Assert.Contains("Standard laptop", answer.CardText);
        Assert.Equal(1, Calls.Count("catalog.Find:laptop-standard"));
        Assert.Empty(Calls.StartingWith("requests."));
    }

    /// <summary>An activity of <paramref name="type"/> from the person in their personal chat, as Teams sends it.</summary>
    private Activity From(Persona who, string type) => new()
    {
        Type = type,
        Id = Guid.NewGuid().ToString("N"),
        Timestamp = DateTimeOffset.UtcNow,
        ServiceUrl = _bot.Connector.ServiceUrl,
        ChannelId = "msteams",
        From = new ChannelAccount { Id = who.TeamsId, Name = who.Name, AadObjectId = who.AadObjectId },
        Recipient = new ChannelAccount { Id = TeamsDriver.BotId, Name = "ChatRequests" },
        Conversation = new ConversationAccount { Id = who.PersonalChatId, ConversationType = "personal", TenantId = _bot.Connector.TenantId },
        ChannelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = _bot.Connector.TenantId } },
    };
}
