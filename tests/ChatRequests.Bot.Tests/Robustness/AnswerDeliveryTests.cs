using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using ChatRequests.Testing;
using Microsoft.Extensions.Logging;

namespace ChatRequests.Bot.Tests.Robustness;

/// <summary>
/// Never a silent turn: every activity that can be answered is, and when the answer cannot be delivered the turn
/// still ends with 200 and a warning naming the conversation (never what was said).
/// </summary>
[Collection(RobustnessCollection.Name)]
public sealed class AnswerDeliveryTests(RobustnessBots bots)
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task ActivityWithoutAUsableId_IsStillAnswered(string? id)
    {
        var bot = await bots.GetAsync(BotSetup.DevelopmentOpen);
        var activity = Message(bot, "help");
        activity["id"] = id;
        if (id is null)
        {
            activity.Remove("id");
        }

        using var response = await bot.PostAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await bot.App.Connector.WaitForAsync(c => c.Requests.FirstOrDefault(r => r.ConversationId == ConversationOf(activity)));
        Assert.Equal(FakeConnectorRoute.SendToConversation, answer.Route);
        Assert.True(answer.Succeeded);
    }

    [Theory]
    [MemberData(nameof(BotSetup.Each), MemberType = typeof(BotSetup))]
    public async Task RefusalTheConnectorWillNotTake_StillAnswers200_AndIsLoggedWithoutTheText(string environment, bool tenantsRestricted)
    {
        var bot = await bots.GetAsync(new BotSetup(environment, tenantsRestricted));
        var activity = Message(bot, "where is REQ-424242");
        var conversationId = ConversationOf(activity);
        bot.App.Connector.FailNext(new FakeFailure(403, Count: 5)
        {
            ErrorCode = "BotNotInConversationRoster",
            When = r => r.ConversationId == conversationId,
        });

        using var response = await bot.PostAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.App.Connector.Requests, r => r.ConversationId == conversationId && r.StatusCode == 403);
        AssertWarnedWithoutText(conversationId, "the Bot Connector answered 403 BotNotInConversationRoster", "424242");
    }

    [Fact]
    public async Task RefusalToAnUnreachableServiceUrl_StillAnswers200_AndIsLogged()
    {
        var bot = await bots.GetAsync(BotSetup.DevelopmentOpen);
        var activity = Message(bot, "where is REQ-434343");
        activity["serviceUrl"] = $"http://127.0.0.1:{ClosedPort()}/teams/";

        using var response = await bot.PostAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertWarnedWithoutText(ConversationOf(activity), "the Bot Connector did not answer", "434343");
    }

    /// <summary>An apology would go the same way as the answer: one attempt, one warning, no error.</summary>
    [Fact]
    public async Task AnswerTheConnectorWillNotTake_IsTriedOnce_AndWarned()
    {
        var bot = await bots.GetAsync(BotSetup.DevelopmentOpen);
        var typed = $"I need a quokka {Guid.NewGuid():N}";
        var activity = Message(bot, typed);
        var conversationId = ConversationOf(activity);
        bot.App.Connector.FailNext(new FakeFailure(403, Count: 5) { When = r => r.ConversationId == conversationId });

        using var response = await bot.PostAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.App.Connector.Requests, r => r.ConversationId == conversationId);
        AssertWarnedWithoutText(conversationId, "the Bot Connector answered 403", typed);
        Assert.DoesNotContain(bots.Logs.Logs, l => l.Level >= LogLevel.Error && Mentions(l, conversationId));
    }

    private void AssertWarnedWithoutText(string conversationId, string failure, string typed)
    {
        var warning = Assert.Single(bots.Logs.Logs, l => l.Level == LogLevel.Warning && l.Message.StartsWith("Could not answer", StringComparison.Ordinal) && Mentions(l, conversationId));
        Assert.Contains(failure, warning.Message);
        Assert.DoesNotContain(bots.Logs.Logs, l => l.Message.Contains(typed, StringComparison.Ordinal)
            || (l.Exception?.ToString().Contains(typed, StringComparison.Ordinal) ?? false));
    }

    private static bool Mentions(CapturedLog log, string conversationId) => log.Message.Contains(conversationId, StringComparison.Ordinal);

    private static JsonObject Message(RunningBot bot, string text) =>
        TeamsActivitySamples.PersonalMessage(bot.ServiceUrl, Guid.NewGuid().ToString("N"), text);

    private static string ConversationOf(JsonObject activity) => activity["conversation"]!["id"]!.GetValue<string>();

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
