using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop.Audit;

/// <summary>
/// A request's history and its verification over HTTP: its viewers read the timeline, an auditor (named in the
/// organisation file's governance) reads and verifies any request; everyone else is told what an unknown number is told,
/// in chat and on a forged "Older entries" click.
/// </summary>
public sealed class HistoryLoopTests : LoopBench
{
    public HistoryLoopTests() => Files.EditOrganisation(organisation =>
        organisation["governance"] = new JsonObject { ["auditors"] = new JsonArray(Persona.Diego.AadObjectId) });

    [Fact]
    public async Task TheRequesterReadsTheTimeline_AStrangerLearnsNothing_AnAuditorReadsAndVerifies()
    {
        await using var bot = await StartAsync();
        var requestId = await RequestLaptopAsync(bot.Teams, bot.Connector, Persona.Megan);
        var (alexChat, approval) = await ApprovalCardAsync(bot.Connector, Persona.Alex, requestId);
        await bot.Teams.ClickOnCardAsync(Persona.Alex, alexChat, approval, "approval.approve", new JsonObject { ["comment"] = "Go ahead" });
        await StoredWhenAsync(bot.Services.GetRequiredService<IRequestStore>(), requestId, r => r.Outbox.Count == 0, "approved and delivered");
        await NoticeAsync(bot.Connector, Persona.Megan, "Approved", requestId);

        var megan = await ReplyAsync(bot, Persona.Megan, $"show the history of {requestId}");
        var christie = await ReplyAsync(bot, Persona.Christie, $"history {requestId}");
        var unknown = await ReplyAsync(bot, Persona.Christie, "history REQ-999999");
        var diego = await ReplyAsync(bot, Persona.Diego, $"audit trail of {requestId}");
        var verified = await ReplyAsync(bot, Persona.Diego, $"verify {requestId}");
        var refused = await ReplyAsync(bot, Persona.Megan, $"verify {requestId}");

        Assert.Contains($"History of {requestId}", megan, StringComparison.Ordinal);
        Assert.Contains("Submitted", megan, StringComparison.Ordinal);
        Assert.Contains("Justification: I need a new laptop, mine is dying", megan, StringComparison.Ordinal);
        Assert.Contains("Alex Wilber", megan, StringComparison.Ordinal);
        Assert.Contains("\"Go ahead\"", megan, StringComparison.Ordinal);
        Assert.Equal($"I can't find {requestId} among the requests you can see. Type 'my requests' to see yours.", christie);
        Assert.Equal(unknown.Replace("REQ-999999", requestId, StringComparison.Ordinal), christie);
        Assert.Contains("\"Go ahead\"", diego, StringComparison.Ordinal);
        Assert.Contains($"The history of {requestId} is intact:", verified, StringComparison.Ordinal);
        Assert.Contains("chain verified", verified, StringComparison.Ordinal);
        Assert.Equal($"I can't find {requestId} among the requests you can see. Type 'my requests' to see yours.", refused);
    }

    [Fact]
    public async Task AnAuditorVerifyingATamperedRequest_IsToldWhichEntryBrokeAndHow()
    {
        await using var bot = await StartAsync();
        var requestId = await RequestLaptopAsync(bot.Teams, bot.Connector, Persona.Megan);
        var (alexChat, approval) = await ApprovalCardAsync(bot.Connector, Persona.Alex, requestId);
        await bot.Teams.ClickOnCardAsync(Persona.Alex, alexChat, approval, "approval.approve", new JsonObject { ["comment"] = "Go ahead" });
        var store = bot.Services.GetRequiredService<IRequestStore>();
        var stored = await StoredWhenAsync(store, requestId, r => r.Outbox.Count == 0, "approved and delivered");
        var index = stored.History.ToList().FindIndex(h => h.Comment == "Go ahead");

        // Someone with the database edits the approver's comment in place.
        var json = JsonSerializer.SerializeToNode(stored, RequestJson.Options)!;
        json["history"]![index]!["comment"] = "Approved, and buy two";
        var tampered = json.Deserialize<ServiceRequest>(RequestJson.Options)!;
        tampered.Version = stored.Version;
        await store.SaveAsync(tampered);

        var verdict = await ReplyAsync(bot, Persona.Diego, $"verify {requestId}");

        Assert.Contains(
            $"The history of {requestId} is broken at entry {index + 1} of {stored.History.Count}: its content was changed after it was written.",
            verdict, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOlderEntriesClick_ShowsThatPageToAViewer_AndNothingToAStranger()
    {
        await using var bot = await StartAsync();
        var requestId = await RequestLaptopAsync(bot.Teams, bot.Connector, Persona.Megan);

        var page = await bot.Teams.ClickAsync(Persona.Megan, Persona.Megan.PersonalChatId, "history.page", Data(requestId, ("page", "0")));
        var stranger = await bot.Teams.ClickAsync(Persona.Christie, Persona.Christie.PersonalChatId, "history.page", Data(requestId, ("page", "0")));

        Assert.Contains($"History of {requestId}", page.CardText, StringComparison.Ordinal);
        Assert.Equal($"I can't find {requestId} among the requests you can see. Type 'my requests' to see yours.", stranger.Message);
    }

    [Fact]
    public async Task InAChannel_TheHistoryIsOnlyOfferedInThePersonalChat()
    {
        await using var bot = await StartAsync();
        var requestId = await RequestLaptopAsync(bot.Teams, bot.Connector, Persona.Megan);
        var count = bot.Connector.ActivitiesIn(Persona.HardwareChannel).Count;

        (await bot.Teams.SayInChannelAsync(Persona.Adele, Persona.HardwareChannel, $"history {requestId}")).EnsureSuccessStatusCode();
        var reply = await bot.Connector.WaitForAsync(c => c.ActivitiesIn(Persona.HardwareChannel).Skip(count).FirstOrDefault(), description: "the channel's answer");

        Assert.Contains("only in our personal chat", reply.Text, StringComparison.Ordinal);
    }

    private static async Task<string> ReplyAsync(BotApp bot, Persona who, string text)
    {
        var count = bot.Connector.ActivitiesIn(who.PersonalChatId).Count;
        (await bot.Teams.SayAsync(who, text)).EnsureSuccessStatusCode();
        var reply = await bot.Connector.WaitForAsync(c => c.ActivitiesIn(who.PersonalChatId).Skip(count).FirstOrDefault(), description: text);
        return FakeTeamsConnector.CardOf(reply) is { } card ? CardReader.AllText(card) : reply.Text ?? "";
    }
}
