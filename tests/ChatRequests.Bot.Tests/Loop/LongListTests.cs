using System.Text.Json.Nodes;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Cards;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.PortContracts;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>
/// "queue" and "approvals" when the list is longer than a card: the oldest page, how many there are in all, and "Next"
/// through the rest, over HTTP against the bot with requests in its SQLite store.
/// </summary>
public sealed class LongListTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Queue_OfFortyFive_ShowsTheTwentyOldestOfAll_AndNextPagesThroughTheRest()
    {
        // Logged out of order; two closed ones and another team's are not on the queue.
        var store = _bot.Services.GetRequiredService<IRequestStore>();
        var open = new List<(DateTimeOffset At, string Id)>();
        for (var i = 1; i <= 47; i++)
        {
            var at = Start.AddMinutes((i * 17) % 47);
            var request = SampleRequests.Submit($"REQ-{800000 + i}", at, teamId: "team-hardware");
            if (i > 45)
            {
                request.Cancel(SampleRequests.Alice, null, at.AddMinutes(1));
            }
            else
            {
                open.Add((at, request.Id));
            }

            await store.CreateAsync(request);
        }

        await store.CreateAsync(SampleRequests.Submit("REQ-800100", Start.AddDays(-1), teamId: "team-software"));
        var expected = open.OrderBy(o => o.At).ThenBy(o => o.Id, StringComparer.Ordinal).Select(o => o.Id).ToList();

        var first = await AnswerToAsync(Persona.Lidia, "queue");
        var second = await _bot.Teams.ClickOnCardAsync(Persona.Lidia, Persona.Lidia.PersonalChatId, first, CardVerbs.ListNext);
        var third = await _bot.Teams.ClickOnCardAsync(Persona.Lidia, Persona.Lidia.PersonalChatId, second.Card, CardVerbs.ListNext);

        Assert.Contains("Showing the 20 oldest of 45.", CardReader.AllText(first));
        Assert.Equal(expected[..20], Shown(first));
        Assert.Equal("Next 20", CardReader.FindAction(first, CardVerbs.ListNext)!["title"]!.GetValue<string>());
        Assert.Contains("Showing 21–40 of 45.", second.CardText);
        Assert.Equal(expected[20..40], Shown(second.Card));
        Assert.Equal("Next 5", CardReader.FindAction(second.Card, CardVerbs.ListNext)!["title"]!.GetValue<string>());
        Assert.Contains("Showing 41–45 of 45.", third.CardText);
        Assert.Equal(expected[40..], Shown(third.Card));
        Assert.Null(CardReader.FindAction(third.Card, CardVerbs.ListNext));
    }

    [Fact]
    public async Task Approvals_OfTwentyFive_ShowsTheTwentyOldest_ThenTheLastFive_AndADecisionOnTheListAnswersWithItsFirstPage()
    {
        var store = _bot.Services.GetRequiredService<IRequestStore>();
        var alex = new PersonRef(Persona.Alex.AadObjectId, Persona.Alex.Name);
        for (var i = 1; i <= 25; i++)
        {
            await store.CreateAsync(SampleRequests.Submit($"REQ-{810000 + i}", Start.AddMinutes(i), stages: [new ApprovalStage("Manager", [alex])]));
        }

        var first = await AnswerToAsync(Persona.Alex, "approvals");
        var next = await _bot.Teams.ClickOnCardAsync(Persona.Alex, Persona.Alex.PersonalChatId, first, CardVerbs.ListNext);

        Assert.Contains("Waiting for your approval (25)", CardReader.AllText(first));
        Assert.Contains("Showing the 20 oldest of 25.", CardReader.AllText(first));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"REQ-{810000 + i}"), Shown(first));
        Assert.Contains("Showing 21–25 of 25.", next.CardText);
        Assert.Equal(Enumerable.Range(21, 5).Select(i => $"REQ-{810000 + i}"), Shown(next.Card));
        Assert.Null(CardReader.FindAction(next.Card, CardVerbs.ListNext));

        var decided = await _bot.Teams.ClickOnCardAsync(Persona.Alex, Persona.Alex.PersonalChatId, next.Card, CardVerbs.ApprovalApprove);

        Assert.Contains("Approved REQ-810021", decided.CardText);
        Assert.Contains("Waiting for your approval (24)", decided.CardText);
        Assert.Contains("Showing the 20 oldest of 24.", decided.CardText);
    }

    [Fact]
    public async Task Next_WithForgedData_IsRefusedWithoutAnError()
    {
        var forged = await _bot.Teams.ClickAsync(Persona.Alex, Persona.Alex.PersonalChatId, CardVerbs.ListNext, new JsonObject
        {
            ["list"] = "everything", ["afterAt"] = "2026-11-02T09:00:00Z", ["afterId"] = "REQ-000001", ["before"] = "20",
        });
        var badKey = await _bot.Teams.ClickAsync(Persona.Alex, Persona.Alex.PersonalChatId, CardVerbs.ListNext, new JsonObject
        {
            ["list"] = "queue", ["afterAt"] = "yesterday", ["afterId"] = "' OR 1=1 --", ["before"] = "20",
        });

        Assert.Equal(200, forged.StatusCode);
        Assert.Contains("Nothing was changed", forged.Body.ToJsonString());
        Assert.Equal(200, badKey.StatusCode);
        Assert.Contains("Nothing was changed", badKey.Body.ToJsonString());
    }

    /// <summary>
    /// The list the bot answers with: the card that says what it shows. The requests stored above have approval cards of
    /// their own, which the relay posts to the same chat meanwhile (CI of 6863ae2 took one of them for the answer).
    /// </summary>
    private async Task<JsonObject> AnswerToAsync(Persona who, string words)
    {
        var before = _bot.Connector.ActivitiesIn(who.PersonalChatId).Count;
        (await _bot.Teams.SayAsync(who, words)).EnsureSuccessStatusCode();
        return await _bot.Connector.WaitForAsync(c => c.ActivitiesIn(who.PersonalChatId).Skip(before)
            .Select(FakeTeamsConnector.CardOf).LastOrDefault(card => card is not null && CardReader.AllText(card).Contains("Showing ", StringComparison.Ordinal)),
            description: $"the answer to '{words}'");
    }

    /// <summary>The requests listed, in the card's order: the ids of their Details buttons.</summary>
    private static List<string> Shown(JsonNode? node) => node switch
    {
        JsonObject { } action when action["verb"]?.GetValue<string>() == CardVerbs.RequestsShow => [action["data"]!["requestId"]!.GetValue<string>()],
        JsonObject obj => [.. obj.SelectMany(child => Shown(child.Value))],
        JsonArray array => [.. array.SelectMany(Shown)],
        _ => [],
    };
}
