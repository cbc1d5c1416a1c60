using System.Text.Json.Nodes;
using ChatRequests.Core.Assignment;
using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Sla;
using ChatRequests.Core.Storage;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>
/// Assignment by workload through the whole bot, on a Hardware Service that assigns round robin and re-announces after 4
/// hours: the automatic assignment and a reassignment from the card, a request nobody can take re-announced once across
/// a restart, and the daily digest at the start of the day.
/// </summary>
public sealed class AssignmentLoopTests : LoopBench
{
    public AssignmentLoopTests() => Files.EditOrganisation(organisation =>
    {
        var hardware = organisation["teams"]!.AsArray().Single(t => (string?)t!["id"] == "team-hardware")!;
        hardware["assignment"] = new JsonObject { ["mode"] = "roundRobin", ["reannounceAfterHours"] = 4 };
    });

    [Fact]
    public async Task Approved_IsAssignedAutomatically_ThenReassignedFromTheCard_AndEachAssigneeIsToldInChat()
    {
        await using var bot = await StartAsync();
        var (requestId, _) = await RequestMouseAsync(bot.Teams, bot.Connector, Persona.Megan);

        // Round robin starts with the team's first member; she hears it in her chat with the request's card.
        var (thread, card) = await TeamCardAsync(bot.Connector, Persona.HardwareChannel, requestId, text => text.Contains("Adele Vance"));
        var told = await bot.Connector.WaitForAsync(
            c => c.CardsSentTo(Persona.Adele.AadObjectId).FirstOrDefault(x => CardReader.AllText(x).Contains("assigned to you automatically")),
            description: "Adele told in chat");
        Assert.Contains(requestId, CardReader.AllText(told));
        var store = bot.Services.GetRequiredService<IRequestStore>();
        var assigned = await StoredWhenAsync(store, requestId, r => r.Assignee is not null, "assigned");
        Assert.Contains(assigned.History, h => h.Comment == "Assigned automatically to Adele Vance (round robin)");

        // Adele gives it to Lidia, picked by name on the card: the answer shows Lidia, who is told in her chat.
        Assert.Equal(["Lidia Holloway"], ReassignChoices(card).Select(c => c.Title));
        var reassigned = await bot.Teams.ClickOnCardAsync(
            Persona.Adele, thread, card, "agent.reassign", new JsonObject { ["assignee"] = Persona.Lidia.AadObjectId });
        Assert.Contains("Lidia Holloway", reassigned.CardText);
        var lidiaTold = await bot.Connector.WaitForAsync(
            c => c.CardsSentTo(Persona.Lidia.AadObjectId).FirstOrDefault(x => CardReader.AllText(x).Contains($"Adele Vance gave {requestId} to you")),
            description: "Lidia told in chat");
        Assert.Contains("Standard mouse", CardReader.AllText(lidiaTold));
        var request = (await store.GetAsync(requestId))!;
        Assert.Equal(Persona.Lidia.AadObjectId, request.Assignee?.Id);
        Assert.Contains(request.History, h => h.Action == AuditAction.Reassign && h.Comment == "Reassigned from Adele Vance to Lidia Holloway by Adele Vance");
    }

    [Fact]
    public async Task Reassign_ToSomeoneOutsideTheTeam_OrByAStranger_IsRefused_AndChangesNothing()
    {
        await using var bot = await StartAsync();
        var (requestId, _) = await RequestMouseAsync(bot.Teams, bot.Connector, Persona.Megan);
        var (thread, card) = await TeamCardAsync(bot.Connector, Persona.HardwareChannel, requestId, text => text.Contains("Adele Vance"));

        var outsider = await bot.Teams.ClickOnCardAsync(Persona.Adele, thread, card, "agent.reassign", new JsonObject { ["assignee"] = Persona.Alex.AadObjectId });
        var stranger = await bot.Teams.ClickOnCardAsync(Persona.Christie, thread, card, "agent.reassign", new JsonObject { ["assignee"] = Persona.Lidia.AadObjectId });

        Assert.Contains("Choose one of the members of Hardware Service", outsider.CardText);
        // The same words as for a request that does not exist: nothing about this one.
        Assert.Equal($"I can't find {requestId} among the requests you can see. Type 'my requests' to see yours.", stranger.Message);
        var request = (await bot.Services.GetRequiredService<IRequestStore>().GetAsync(requestId))!;
        Assert.Equal(Persona.Adele.AadObjectId, request.Assignee?.Id);
    }

    [Fact]
    public async Task NobodyAvailable_TheCardSaysWhy_AndItIsReannouncedOnceAcrossARestart()
    {
        string requestId;
        await using (var first = await StartAsync())
        {
            // Both agents say they are off; the request reaches the team with nobody to take it.
            await first.Teams.SayAsync(Persona.Adele, "I'm off today");
            await NoticeAsync(first.Connector, Persona.Adele, "no new requests are assigned to you");
            await first.Teams.SayAsync(Persona.Lidia, "unavailable");
            await NoticeAsync(first.Connector, Persona.Lidia, "no new requests are assigned to you");
            (requestId, _) = await RequestMouseAsync(first.Teams, first.Connector, Persona.Megan);
            await TeamCardAsync(first.Connector, Persona.HardwareChannel, requestId,
                text => text.Contains("Nobody available to assign automatically: Adele Vance marked themselves unavailable, Lidia Holloway marked themselves unavailable."));
            // Stopped once the relay is done: a post left for the next run would go to this run's loopback Teams, gone by then.
            await StoredWhenAsync(first.Services.GetRequiredService<IRequestStore>(), requestId, r => r.Outbox.Count == 0, "the relay delivered");
        }

        await using var second = await StartAsync();
        // The new run's loopback Teams lives at another address: a message in the channel tells the bot where it is now.
        (await second.Teams.SayInChannelAsync(Persona.Lidia, Persona.HardwareChannel, "help")).EnsureSuccessStatusCode();
        var store = second.Services.GetRequiredService<IRequestStore>();
        var sweep = second.Services.GetRequiredService<SlaSweep>();
        _clock.AdjustTime(_clock.GetUtcNow() + TimeSpan.FromHours(3));
        Assert.Equal(0, (await sweep.SweepAsync()).Reannouncements);
        _clock.AdjustTime(_clock.GetUtcNow() + TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await sweep.SweepAsync()).Reannouncements);
        Assert.Equal(0, (await sweep.SweepAsync()).Reannouncements);
        second.Services.GetRequiredService<IRelaySignal>().Wake();

        var again = await second.Connector.WaitForAsync(
            c => c.Conversations.Where(x => x.Id.StartsWith(Persona.HardwareChannel, StringComparison.Ordinal))
                .SelectMany(x => x.Activities).Select(FakeTeamsConnector.CardOf)
                .FirstOrDefault(x => x is not null && CardReader.AllText(x).Contains("Still unassigned after 4 working hours")),
            description: "the request posted in the channel again");
        Assert.Contains(requestId, CardReader.AllText(again));
        var request = await StoredWhenAsync(store, requestId, r => r.Outbox.Count == 0 && r.ReannounceAt is not null, "the next re-announce set");
        Assert.Single(request.History, h => h.Action == AuditAction.Reannounce);
        Assert.Equal(request.ReannouncedAt!.Value.AddHours(4), request.ReannounceAt);

        // Taken from the re-announced card: no more re-announcing.
        await second.Teams.SayAsync(Persona.Lidia, "back at work");
        await NoticeAsync(second.Connector, Persona.Lidia, "Welcome back");
        var thread = second.Connector.Conversations.First(x => x.Activities.Any(a => FakeTeamsConnector.CardOf(a) is { } c && CardReader.AllText(c).Contains("Still unassigned"))).Id;
        await second.Teams.ClickOnCardAsync(Persona.Lidia, thread, again, "agent.assign");
        _clock.AdjustTime(_clock.GetUtcNow() + TimeSpan.FromHours(5));
        Assert.Equal(0, (await sweep.SweepAsync()).Reannouncements);
    }

    [Fact]
    public async Task Digest_AtTheStartOfTheWorkingDay_ListsTheAgentsOverdueRequest_Once()
    {
        await using var bot = await StartAsync();
        var (requestId, _) = await RequestMouseAsync(bot.Teams, bot.Connector, Persona.Megan);
        var store = bot.Services.GetRequiredService<IRequestStore>();
        var request = await StoredWhenAsync(store, requestId, r => r.Assignee is not null && r.Outbox.Count == 0, "assigned and delivered");

        // The team is always open: its day starts at 08:00 UTC. The first 08:00 after the target is missed.
        var past = request.DueAt.AddHours(1);
        var morning = new DateTimeOffset(past.UtcDateTime.Date, TimeSpan.Zero).AddHours(8);
        _clock.AdjustTime(morning < past ? morning.AddDays(1) : morning);
        var digest = bot.Services.GetRequiredService<DailyDigest>();
        Assert.Equal(1, await digest.SendDueAsync());
        await digest.SendDueAsync();

        var cards = bot.Connector.CardsSentTo(Persona.Adele.AadObjectId).Where(c => CardReader.AllText(c).Contains("your requests for")).ToList();
        var card = Assert.Single(cards);
        Assert.Contains("Overdue", CardReader.AllText(card));
        Assert.Contains(requestId, CardReader.AllText(card));
        Assert.Contains("agent.open", CardReader.Verbs(card));
        Assert.DoesNotContain(bot.Connector.CardsSentTo(Persona.Lidia.AadObjectId), c => CardReader.AllText(c).Contains("your requests for"));
    }

    private static IReadOnlyList<(string Title, string Value)> ReassignChoices(JsonObject card) =>
        [.. (CardReader.FindAction(card, "agent.reassign") is null ? [] : FindChoices(card))];

    private static IEnumerable<(string, string)> FindChoices(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["id"] == "assignee" => o["choices"]!.AsArray().Select(c => ((string)c!["title"]!, (string)c!["value"]!)),
        JsonObject o => o.SelectMany(p => FindChoices(p.Value)),
        JsonArray a => a.SelectMany(FindChoices),
        _ => [],
    };
}
