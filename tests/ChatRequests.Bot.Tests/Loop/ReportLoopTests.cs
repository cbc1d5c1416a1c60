using System.Text.Json.Nodes;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Testing;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>
/// "report last month" through the whole bot on the sample organisation: a request logged in November counted by the
/// projection the outbox events keep, reported in December to the Hardware Service lead (personal chat and the team's
/// channel, with the chart inside the card) and to the requester's manager; a stranger and a team member are refused
/// with no figures.
/// </summary>
public sealed class ReportLoopTests : LoopBench
{
    private static readonly DateTimeOffset November = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset December = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    public ReportLoopTests()
        : base(November)
    {
    }

    [Fact]
    public async Task ReportLastMonth_GoesToTheLeadAndTheManager_WithLastMonthsRequest_AndIsRefusedToOthers()
    {
        await using var bot = await StartAsync();
        var (requestId, _) = await RequestMouseAsync(bot.Teams, bot.Connector, Persona.Megan);
        await TeamCardAsync(bot.Connector, Persona.HardwareChannel, requestId);
        _clock.AdjustTime(December);

        var lead = await AnswerAsync(bot, Persona.Grady, Persona.Grady.PersonalChatId, "report last month");
        var text = CardReader.AllText(lead);
        Assert.Contains("Report: Hardware Service", text, StringComparison.Ordinal);
        Assert.Contains("Last month (1 Nov – 30 Nov 2026)", text, StringComparison.Ordinal);
        Assert.Equal("1", Headline(lead, "logged"));
        Assert.Equal("1", Headline(lead, "open at the end"));
        var chart = Assert.Single(Images(lead));
        Assert.StartsWith("data:image/png;base64,", chart, StringComparison.Ordinal);

        var inChannel = await AnswerAsync(bot, Persona.Grady, Persona.HardwareChannel, "report last month");
        Assert.Contains("Report: Hardware Service", CardReader.AllText(inChannel), StringComparison.Ordinal);

        var manager = await AnswerAsync(bot, Persona.Alex, Persona.Alex.PersonalChatId, "report last month");
        Assert.Contains("Report: your 2 direct reports", CardReader.AllText(manager), StringComparison.Ordinal);
        Assert.Equal("1", Headline(manager, "logged"));

        // This month has nothing yet: the same lead, another period.
        Assert.Equal("0", Headline(await AnswerAsync(bot, Persona.Grady, Persona.Grady.PersonalChatId, "report this week"), "logged"));

        foreach (var (who, where) in new[] { (Persona.Stranger, Persona.Stranger.PersonalChatId), (Persona.Megan, Persona.Megan.PersonalChatId), (Persona.Adele, Persona.HardwareChannel) })
        {
            var refusal = CardReader.AllText(await AnswerAsync(bot, who, where, "report last month"));
            Assert.Contains(where == Persona.HardwareChannel ? "reports are for its lead" : "Reports are for team leads, managers and auditors.", refusal, StringComparison.Ordinal);
            Assert.DoesNotContain("logged", refusal, StringComparison.Ordinal);
            Assert.DoesNotContain("Hardware", refusal, StringComparison.Ordinal);
        }
    }

    private static async Task<JsonObject> AnswerAsync(BotApp bot, Persona who, string conversationId, string words)
    {
        var before = bot.Connector.ActivitiesIn(conversationId).Count;
        var said = conversationId == who.PersonalChatId
            ? await bot.Teams.SayAsync(who, words)
            : await bot.Teams.SayInChannelAsync(who, conversationId, words);
        said.EnsureSuccessStatusCode();
        return await bot.Connector.WaitForAsync(
            c => c.ActivitiesIn(conversationId).Skip(before).Select(FakeTeamsConnector.CardOf).FirstOrDefault(card => card is not null),
            description: $"the answer to '{words}' from {who.Name}");
    }

    /// <summary>The big number above a headline's label ("logged").</summary>
    private static string? Headline(JsonObject card, string label) =>
        Objects(card).Where(o => (string?)o["type"] == "Column")
            .Select(c => CardReader.AllText(c).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            .FirstOrDefault(lines => lines.Length == 2 && lines[1] == label)?[0];

    private static IEnumerable<string> Images(JsonObject card) =>
        Objects(card).Where(o => (string?)o["type"] == "Image").Select(o => (string)o["url"]!);

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject o => new[] { o }.Concat(o.SelectMany(p => Objects(p.Value))),
        JsonArray a => a.SelectMany(Objects),
        _ => [],
    };
}
