using System.Globalization;
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
    public async Task Digest_AtTheStartOfTheWorkingDay_ListsTheAgentsOverdueRequest_Once_AcrossARestart()
    {
        string requestId;
        await using (var first = await StartAsync())
        {
            (requestId, _) = await RequestMouseAsync(first.Teams, first.Connector, Persona.Megan);
            var store = first.Services.GetRequiredService<IRequestStore>();
            var request = await StoredWhenAsync(store, requestId, r => r.Assignee is not null && r.Outbox.Count == 0, "assigned and delivered");

            // The team is always open: its day starts at 08:00 UTC. The first 08:00 after the target is missed.
            var past = request.DueAt.AddHours(1);
            var morning = new DateTimeOffset(past.UtcDateTime.Date, TimeSpan.Zero).AddHours(8);
            _clock.AdjustTime(morning < past ? morning.AddDays(1) : morning);
            var digest = first.Services.GetRequiredService<DailyDigest>();
            Assert.Equal(1, await digest.SendDueAsync());
            await digest.SendDueAsync();
        }

        // Restarted within the day's window: the ledger kept that today's digest went out.
        _clock.Advance(TimeSpan.FromMinutes(30));
        await using var bot = await StartAsync();
        await bot.Services.GetRequiredService<DailyDigest>().SendDueAsync();

        var cards = bot.Connector.CardsSentTo(Persona.Adele.AadObjectId).Where(c => CardReader.AllText(c).Contains("your requests for")).ToList();
        var card = Assert.Single(cards);
        Assert.Contains("Overdue", CardReader.AllText(card));
        Assert.Contains(requestId, CardReader.AllText(card));
        Assert.Contains("agent.open", CardReader.Verbs(card));
        Assert.DoesNotContain(bot.Connector.CardsSentTo(Persona.Lidia.AadObjectId), c => CardReader.AllText(c).Contains("your requests for"));
    }

    [Fact]
    public async Task AwayUntilADay_TheAnswerSaysUntilWhen_AndTheMarkEndsByItself()
    {
        await using var bot = await StartAsync();
        var store = bot.Services.GetRequiredService<IRequestStore>();
        var back = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime).AddDays(3);
        await bot.Teams.SayAsync(Persona.Adele, $"away until {back:yyyy-MM-dd}");
        // The sample Hardware team has no calendar: its day starts at midnight UTC.
        var told = await NoticeAsync(bot.Connector, Persona.Adele, "no new requests are assigned to you automatically until");
        Assert.Contains(back.ToString("dddd d MMMM", CultureInfo.InvariantCulture) + ", 00:00 (UTC time)", CardReader.AllText(told));

        var (whileAway, _) = await RequestMouseAsync(bot.Teams, bot.Connector, Persona.Megan);
        await StoredWhenAsync(store, whileAway, r => r.Assignee?.Id == Persona.Lidia.AadObjectId, "Lidia, while Adele is away");

        // Her day: nobody said "available", yet the next request is hers again (round robin goes on after Lidia).
        _clock.AdjustTime(new DateTimeOffset(back.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(1));
        var (afterwards, _) = await RequestMouseAsync(bot.Teams, bot.Connector, Persona.Megan);
        await StoredWhenAsync(store, afterwards, r => r.Assignee?.Id == Persona.Adele.AadObjectId, "Adele, her mark ended");
    }

    [Fact]
    public async Task ApprovedAgainAfterAnItemChange_StaysWithItsAssignee_AndAVipsLevel3FiresOnce()
    {
        var isaiah = new Persona("00000000-0000-0000-0000-0000000000d1", "Isaiah Langer"); // Finance approver group
        Files.EditOrganisation(organisation => organisation["escalation"] = new JsonObject { ["vips"] = new JsonArray(Persona.Megan.AadObjectId) });
        await using var bot = await StartAsync();
        var (teams, connector) = (bot.Teams, bot.Connector);
        var store = bot.Services.GetRequiredService<IRequestStore>();
        var requestId = await RequestLaptopAsync(teams, connector, Persona.Megan);
        var (alexChat, approval) = await ApprovalCardAsync(connector, Persona.Alex, requestId);
        await teams.ClickOnCardAsync(Persona.Alex, alexChat, approval, "approval.approve");
        await StoredWhenAsync(store, requestId, r => r.Assignee is not null && r.HasReached(Escalation.SeniorManagement) && r.Outbox.Count == 0,
            "assigned automatically, and level 3 for a VIP");

        // Out of stock: Adele offers the developer laptop; Megan picks it, dearer, so it is approved again.
        var (thread, card) = await TeamCardAsync(connector, Persona.HardwareChannel, requestId, text => text.Contains("Adele Vance"));
        await teams.ClickOnCardAsync(Persona.Adele, thread, card, "agent.outofstock", new JsonObject { ["alternative1"] = "laptop-developer" });
        await NoticeAsync(connector, Persona.Megan, requestId, "Standard laptop is out of stock");
        await teams.ClickAsync(Persona.Megan, Persona.Megan.PersonalChatId, "requester.choose", Data(requestId, ("itemId", "laptop-developer")));
        var alexCard = await connector.WaitForAsync(
            c => c.CardsSentTo(Persona.Alex.AadObjectId).LastOrDefault(x => CardReader.AllText(x).Contains("Developer laptop") && CardReader.Verbs(x).Contains("approval.approve")),
            description: "Alex's approval card of the new item");
        await teams.ClickOnCardAsync(Persona.Alex, connector.PersonalChatWith(Persona.Alex.AadObjectId)!, alexCard, "approval.approve");
        var (isaiahChat, isaiahCard) = await ApprovalCardAsync(connector, isaiah, requestId);
        await teams.ClickOnCardAsync(isaiah, isaiahChat, isaiahCard, "approval.approve");

        // Back with Adele, not assigned a second time; level 3 stands once.
        var back = await StoredWhenAsync(store, requestId, r => r.State == RequestState.Assigned && r.ItemName == "Developer laptop" && r.Outbox.Count == 0, "back with the team");
        Assert.Equal(Persona.Adele.AadObjectId, back.Assignee?.Id);
        Assert.Single(back.History, h => h.Comment?.StartsWith("Assigned automatically", StringComparison.Ordinal) == true);
        Assert.Equal("Approved again; back with Adele Vance", back.History.Last(h => h.Action == AuditAction.Assign).Comment);
        Assert.Single(back.Escalations, e => e.Level == Escalation.SeniorManagement);
        Assert.Equal(Persona.Adele.AadObjectId, await bot.Services.GetRequiredService<IAssignmentStore>().FindLastTurnAsync("team-hardware"));
        await TeamCardAsync(connector, Persona.HardwareChannel, requestId, text => text.Contains("Developer laptop") && text.Contains("Assigned"));
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
