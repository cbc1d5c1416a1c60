using System.Net;
using System.Net.Http.Json;
using ChatRequests.Teams.Connector;
using ChatRequests.Testing;

namespace ChatRequests.Teams.Tests.Connector;

/// <summary>The fake Teams connector's enforced limits (the load driver's notification run), and the client against them.</summary>
public sealed class FakeTeamsConnectorLimitsTests
{
    // Windows long enough that the calls of a test fall in one of them however slow a loaded machine is.
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private static readonly TeamsRateLimits TwoAMinute = new(
        [new RateWindow(2, Window)],
        [new RateWindow(3, Window)]);

    [Fact]
    public async Task ACallOverAConversationsLimit_Gets429WithRetryAfter_AndOtherConversationsStillPass()
    {
        await using var teams = await FakeTeamsConnector.StartAsync();
        teams.EnforceLimits(TwoAMinute);
        using var http = new HttpClient { BaseAddress = new Uri(teams.ServiceUrl) };

        var answers = new List<HttpResponseMessage>();
        foreach (var conversation in new[] { "a:one", "a:one", "a:one", "a:two" })
        {
            answers.Add(await http.PostAsJsonAsync($"v3/conversations/{conversation}/activities", Activity.TextMessage("hi"), ConnectorJson.Options));
        }

        Assert.Equal(
            [HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests, HttpStatusCode.Created],
            answers.Select(a => a.StatusCode));
        // When the window has room again: a minute after the first call, in whole seconds.
        var retryAfter = Assert.IsType<TimeSpan>(answers[2].Headers.RetryAfter?.Delta);
        Assert.InRange(retryAfter, Window - TimeSpan.FromSeconds(10), Window);
        Assert.Equal(1, teams.Throttled);
        Assert.Equal(2, teams.ActivitiesIn("a:one").Count);
    }

    [Fact]
    public async Task ACallOverTheTenantLimit_Gets429_AndTheRefusedCallDoesNotCount()
    {
        await using var teams = await FakeTeamsConnector.StartAsync();
        teams.EnforceLimits(TwoAMinute);
        using var http = new HttpClient { BaseAddress = new Uri(teams.ServiceUrl) };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var answer = await http.PostAsJsonAsync($"v3/conversations/a:chat-{i}/activities", Activity.TextMessage("hi"), ConnectorJson.Options);
            statuses.Add(answer.StatusCode);
        }

        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(2, teams.Throttled);
        Assert.Equal(3, teams.Requests.Count(r => r.Succeeded));
    }

    [Fact]
    public async Task TheClientWithTheSameLimits_StaysUnderThem_AndDeliversEverything()
    {
        // The client's own limits are Teams' (a sliding window in segments); the fake counts exactly. Short windows, same shape.
        var limits = new TeamsRateLimits(
            [new RateWindow(3, TimeSpan.FromMilliseconds(500)), new RateWindow(4, TimeSpan.FromSeconds(1))],
            [new RateWindow(5, TimeSpan.FromMilliseconds(500))]);
        await using var h = await ConnectorHarness.StartAsync(o =>
        {
            o.ConversationPerSecond = new RateLimitWindow { PermitLimit = 3, Window = TimeSpan.FromMilliseconds(500) };
            o.ConversationPerTwoSeconds = new RateLimitWindow { PermitLimit = 4, Window = TimeSpan.FromSeconds(1) };
            o.TenantPerSecond = new RateLimitWindow { PermitLimit = 5, Window = TimeSpan.FromMilliseconds(500) };
            // What is measured is whether the calls stay under the limits, not how long a loaded machine takes to give permits.
            o.MaxPermitWait = TimeSpan.FromMinutes(1);
        });
        h.Teams.EnforceLimits(limits);

        await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            h.Client.SendToConversationAsync(h.ServiceUrl, $"a:chat-{i % 3}", Activity.TextMessage($"m{i}") with { Conversation = new ConversationAccount { TenantId = "tenant-1" } })));

        Assert.Equal(0, h.Teams.Throttled);
        Assert.Equal(16, h.Teams.Requests.Count(r => r.Succeeded));
    }

    [Theory]
    [InlineData(1_000, 100, 19)] // the tenant's 50/s: the 1,000th call no sooner than 19 s after the first
    [InlineData(50, 100, 0)]
    [InlineData(30, 1, 6)] // one chat: 8 per 2 s is the tightest, floor(29 / 8) = 3 windows of 2 s (7/s gives 4 s)
    [InlineData(100, 1, 39)] // windows together: the 8th no sooner than 1 s (7/s), the 40th than 9 s (8 per 2 s), the 100th than 30 s after the 40th
    [InlineData(1_000, 10, 39)] // the same in each of ten chats: more than any window alone (60 per 30 s says 30 s)
    public void MinimumSpan_IsTheLeastTimeAllTheWindowsTogetherAllow(int calls, int conversations, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), TeamsRateLimits.Published.MinimumSpan(calls, conversations));
    }
}
