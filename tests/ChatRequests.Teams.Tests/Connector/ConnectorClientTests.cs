using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using ChatRequests.Teams.Connector;
using ChatRequests.Testing;
using Microsoft.Extensions.Logging;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace ChatRequests.Teams.Tests.Connector;

public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string ThreadId = "19:abc@thread.tacv2;messageid=1762000000000";
    private const string PersonalId = "a:1Xy=z@q";

    /// <summary>How long the fake holds a stalled call: far past any attempt timeout here, so only an abandoned call ends sooner.</summary>
    private static readonly TimeSpan StallFor = TimeSpan.FromSeconds(60);

    private ConnectorHarness _h = null!;

    public async Task InitializeAsync() => _h = await ConnectorHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    // ---- routes -------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SendToConversation_PostsTheActivityToTheEscapedConversationPath_WithOrWithoutTrailingSlash(bool trailingSlash)
    {
        var serviceUrl = trailingSlash ? _h.ServiceUrl : _h.ServiceUrl.TrimEnd('/');

        var result = await _h.Client.SendToConversationAsync(serviceUrl, ThreadId, Activity.TextMessage("hello"));

        var request = Assert.Single(_h.Teams.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/teams/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1762000000000/activities", request.RawTarget);
        Assert.Equal(ThreadId, request.ConversationId);
        Assert.Equal("hello", request.Activity!.Text);
        Assert.Equal("message", request.Body!["type"]!.GetValue<string>());
        Assert.False(request.Body!.AsObject().ContainsKey("summary")); // nulls are omitted
        Assert.Equal(_h.Teams.ActivitiesIn(ThreadId).Single().Id, result.Id);
    }

    [Fact]
    public async Task ReplyToActivity_PostsToTheActivityPath_AndTheReplyIsThreadedUnderIt()
    {
        var root = await _h.Client.SendToConversationAsync(_h.ServiceUrl, PersonalId, Activity.TextMessage("root"));

        var reply = await _h.Client.ReplyToActivityAsync(_h.ServiceUrl, PersonalId, root.Id!, Activity.TextMessage("reply"));

        var request = _h.Teams.RequestsTo(FakeConnectorRoute.ReplyToActivity).Single();
        Assert.Equal($"/teams/v3/conversations/a%3A1Xy%3Dz%40q/activities/{root.Id}", request.RawTarget);
        var stored = _h.Teams.ActivitiesIn(PersonalId);
        Assert.Equal([root.Id, reply.Id], stored.Select(a => a.Id));
        Assert.Equal(root.Id, stored[1].ReplyToId);
    }

    [Fact]
    public async Task CreateConversation_ForOneMember_ReturnsAPersonalChat_AndTheSameOneNextTime()
    {
        _h.Teams.AddMember(new ChannelAccount { Id = "29:user-1", Name = "Ada", AadObjectId = "aad-1" });
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = "28:bot" },
            Members = [new ChannelAccount { Id = "29:user-1" }],
            TenantId = _h.Teams.TenantId,
        };

        var first = await _h.Client.CreateConversationAsync(_h.ServiceUrl, parameters);
        var second = await _h.Client.CreateConversationAsync(_h.ServiceUrl, parameters);

        Assert.StartsWith("a:", first.Id);
        Assert.Equal(first.Id, second.Id);
        var request = _h.Teams.RequestsTo(FakeConnectorRoute.CreateConversation)[0];
        Assert.Equal("/teams/v3/conversations", request.RawTarget);
        Assert.Equal("29:user-1", request.Parameters!.Members!.Single().Id);
        Assert.Equal(_h.Teams.TenantId, request.Parameters.TenantId);
        Assert.Equal(first.Id, _h.Teams.PersonalChatWith("aad-1"));
    }

    [Fact]
    public async Task CreateConversation_ForAUserWhoTypedToTheBot_ReturnsTheChatTheyTypeIn()
    {
        // Teams has one personal chat per user and bot. The fake once made a new one for a creation that came after the
        // user's first message (the CI soak of 2026-12-06: an approver's own request's notices went to a second chat, the
        // soak never saw its resolution card, and 8 requests stayed Fulfilled).
        var ada = new Persona("aad-1", "Ada");
        await _h.Client.SendToConversationAsync(_h.ServiceUrl, ada.PersonalChatId, Activity.TextMessage("an answer to what Ada typed"));

        var created = await _h.Client.CreateConversationAsync(_h.ServiceUrl, new ConversationParameters
        {
            Members = [new ChannelAccount { Id = ada.TeamsId, AadObjectId = ada.AadObjectId }],
            TenantId = _h.Teams.TenantId,
        });
        await _h.Client.SendToConversationAsync(_h.ServiceUrl, created.Id!, Activity.CardMessage(new JsonObject { ["n"] = 1 }, "a card"));

        Assert.Equal(ada.PersonalChatId, created.Id);
        Assert.Equal(ada.PersonalChatId, _h.Teams.PersonalChatWith(ada.AadObjectId));
        Assert.Equal(2, _h.Teams.ActivitiesIn(ada.PersonalChatId).Count);
    }

    [Fact]
    public async Task CreateConversation_InAChannel_StartsAThreadWhoseIdCarriesTheRootMessageId()
    {
        var card = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5" };
        var parameters = new ConversationParameters
        {
            IsGroup = true,
            ChannelData = new JsonObject { ["channel"] = new JsonObject { ["id"] = "19:general@thread.tacv2" } },
            Activity = Activity.CardMessage(card, "New request"),
        };

        var created = await _h.Client.CreateConversationAsync(_h.ServiceUrl, parameters);

        Assert.Equal($"19:general@thread.tacv2;messageid={created.ActivityId}", created.Id);
        Assert.Equal("AdaptiveCard", _h.Teams.LatestCardIn(created.Id!)!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateActivity_PutsTheActivity_AndTheConversationShowsTheNewCard()
    {
        var sent = await _h.Client.SendToConversationAsync(
            _h.ServiceUrl, ThreadId, Activity.CardMessage(new JsonObject { ["title"] = "v1" }, "v1"));

        await _h.Client.UpdateActivityAsync(
            _h.ServiceUrl, ThreadId, sent.Id!, Activity.CardMessage(new JsonObject { ["title"] = "v2" }, "v2"));

        var request = _h.Teams.RequestsTo(FakeConnectorRoute.UpdateActivity).Single();
        Assert.Equal("PUT", request.Method);
        Assert.Equal($"/teams/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1762000000000/activities/{sent.Id}", request.RawTarget);
        Assert.Equal("v2", _h.Teams.LatestCardIn(ThreadId)!["title"]!.GetValue<string>());
        Assert.Single(_h.Teams.Updates(sent.Id!));
        Assert.Single(_h.Teams.ActivitiesIn(ThreadId));
    }

    [Fact]
    public async Task UpdateActivity_OfAnUnknownActivity_ThrowsConnectorExceptionWith404_WithoutRetrying()
    {
        var error = await Assert.ThrowsAsync<ConnectorException>(() => _h.Client.UpdateActivityAsync(
            _h.ServiceUrl, ThreadId, "404404", Activity.TextMessage("x")));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("ActivityNotFoundInConversation", error.ErrorCode);
        Assert.True(error.IsPermanent);
        Assert.Single(_h.Teams.Requests);
    }

    [Fact]
    public async Task CardsSentTo_FindsTheCardsInThePersonalChatCreatedForThatUser()
    {
        _h.Teams.AddMember(new ChannelAccount { Id = "29:user-1", AadObjectId = "aad-1" });
        var chat = await _h.Client.CreateConversationAsync(_h.ServiceUrl, new ConversationParameters
        {
            Members = [new ChannelAccount { Id = "29:user-1" }],
            TenantId = _h.Teams.TenantId,
        });

        await _h.Client.SendToConversationAsync(_h.ServiceUrl, chat.Id!, Activity.CardMessage(new JsonObject { ["n"] = 1 }, "one"));
        await _h.Client.SendToConversationAsync(_h.ServiceUrl, chat.Id!, Activity.TextMessage("not a card"));

        var card = await _h.Teams.WaitForAsync(t => t.CardsSentTo("aad-1").SingleOrDefault(), TimeSpan.FromSeconds(2));
        Assert.Equal(1, card["n"]!.GetValue<int>());
    }

    // ---- auth ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task NoTokenProvider_SendsNoAuthorizationHeader()
    {
        await _h.Client.SendToConversationAsync(_h.ServiceUrl, PersonalId, Activity.TextMessage("x"));

        Assert.Null(_h.Teams.Requests.Single().Authorization);
    }

    [Fact]
    public async Task ATokenProvider_IsAskedOnEveryAttempt_AndItsTokenSentAsBearer()
    {
        var tokens = new StaticTokenProvider("token-abc");
        await using var h = await ConnectorHarness.StartAsync(tokens: tokens);
        h.Teams.FailNext(1, 502);

        await h.Client.SendToConversationAsync(h.ServiceUrl, PersonalId, Activity.TextMessage("x"));

        Assert.All(h.Teams.Requests, r => Assert.Equal("Bearer token-abc", r.Authorization));
        Assert.Equal(2, tokens.Calls);
    }

    [Fact]
    public async Task Failures_NeverPutTheTokenOrTheMessageInTheExceptionOrTheLogs()
    {
        await using var h = await ConnectorHarness.StartAsync(tokens: new StaticTokenProvider("sekrit-token"), configure: o => o.MaxRetryAttempts = 1);
        h.Teams.FailNext(1, 429);
        h.Teams.FailNext(1, 403, errorCode: "BotNotInConversationRoster", errorMessage: "The bot is not part of the conversation roster.");

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            h.Client.SendToConversationAsync(h.ServiceUrl, PersonalId, Activity.TextMessage("private salary details")));

        var everything = string.Join('\n', h.Logs.Logs.Select(l => l.Message).Append(error.ToString()));
        Assert.DoesNotContain("sekrit", everything);
        Assert.DoesNotContain("salary", everything);
        Assert.Contains("BotNotInConversationRoster", error.Message);
    }

    [Fact]
    public async Task AToken_IsNeverSentOverPlainHttpToAHostOtherThanLoopback()
    {
        await using var h = await ConnectorHarness.StartAsync(tokens: new StaticTokenProvider("token-abc"));

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            h.Client.SendToConversationAsync("http://teams.example.invalid/teams/", PersonalId, Activity.TextMessage("x")));
    }

    // ---- retries ------------------------------------------------------------------------------------------

    [Fact]
    public async Task A429WithRetryAfter_IsRetriedAfterTheServiceAskedWait()
    {
        _h.Teams.FailNext(1, 429, retryAfter: TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        var result = await _h.Client.SendToConversationAsync(_h.ServiceUrl, PersonalId, Activity.TextMessage("x"));

        clock.Stop();
        Assert.NotNull(result.Id);
        Assert.Equal([429, 201], _h.Teams.Requests.Select(r => r.StatusCode));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950), $"retried after {clock.Elapsed}, Retry-After was 1 s");
        var gap = _h.Teams.Requests[1].ReceivedAt - _h.Teams.Requests[0].ReceivedAt;
        Assert.True(gap >= TimeSpan.FromMilliseconds(950), $"second attempt {gap} after the first");
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task TransientStatuses_AreRetriedUntilTheCallSucceeds(int status)
    {
        _h.Teams.FailNext(2, status);

        var result = await _h.Client.SendToConversationAsync(_h.ServiceUrl, PersonalId, Activity.TextMessage("x"));

        Assert.NotNull(result.Id);
        Assert.Equal([status, status, 201], _h.Teams.Requests.Select(r => r.StatusCode));
        Assert.Single(_h.Teams.ActivitiesIn(PersonalId));
        var retries = _h.Logs.Logs.Where(l => l.Message.Contains("retrying", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, retries.Count);
        Assert.All(retries, l => Assert.Equal(LogLevel.Information, l.Level)); // healing retries are not warnings
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(500)]
    public async Task OtherErrors_AreNotRetried_AndThrowConnectorExceptionWithTheServiceError(int status)
    {
        _h.Teams.FailNext(5, status, errorCode: "SomeCode", errorMessage: "Some message.");

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _h.Client.SendToConversationAsync(_h.ServiceUrl, PersonalId, Activity.TextMessage("x")));

        Assert.Single(_h.Teams.Requests);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("SomeCode", error.ErrorCode);
        Assert.Contains("Some message.", error.Message);
        Assert.Equal(status < 500, error.IsPermanent);
    }

    [Fact]
    public async Task A403_IsCalledExactlyOnce_AndLoggedAsAWarningWithItsStatus()
    {
        _h.Teams.FailNext(5, 403, errorCode: "BotDisabledByAdmin");

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _h.Client.SendToConversationAsync(_h.ServiceUrl, PersonalId, Activity.TextMessage("x")));

        Assert.Single(_h.Teams.Requests);
        Assert.True(error.IsPermanent);
        var log = Assert.Single(_h.Logs.Logs, l => l.Level >= LogLevel.Warning);
        Assert.Equal(LogLevel.Warning, log.Level);
        Assert.Contains("403", log.Message);
        Assert.Contains("BotDisabledByAdmin", log.Message);
    }

    [Fact]
    public async Task WhenRetriesRunOut_ThrowsConnectorExceptionWithTheLastStatus_AfterOnePlusMaxRetryAttemptsCalls()
    {
        await using var h = await ConnectorHarness.StartAsync(o => o.MaxRetryAttempts = 2);
        h.Teams.FailNext(10, 502, errorCode: "BadGateway", errorMessage: "upstream down");

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            h.Client.SendToConversationAsync(h.ServiceUrl, PersonalId, Activity.TextMessage("x")));

        Assert.Equal(3, h.Teams.Requests.Count);
        Assert.Equal(502, error.StatusCode);
        Assert.Equal("BadGateway", error.ErrorCode);
        Assert.False(error.IsPermanent);
        Assert.Contains(h.Logs.Logs, l => l.Level == LogLevel.Error && l.Message.Contains("502", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithMaxRetryAttemptsZero_StartsAndMakesOneCall_ThenThrowsTheTransientStatus()
    {
        await using var h = await ConnectorHarness.StartAsync(o => o.MaxRetryAttempts = 0);
        h.Teams.FailNext(10, 429, retryAfter: TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            h.Client.SendToConversationAsync(h.ServiceUrl, PersonalId, Activity.TextMessage("x")));

        Assert.Single(h.Teams.Requests);
        Assert.Equal(429, error.StatusCode);
        Assert.False(error.IsPermanent);
        Assert.DoesNotContain(h.Logs.Logs, l => l.Message.Contains("retrying", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUpdateThatTimesOut_IsRetried()
    {
        // The stall is far longer than the attempt timeout, which is long enough for a loaded machine's answer.
        await using var h = await ConnectorHarness.StartAsync(o => o.AttemptTimeout = TimeSpan.FromSeconds(2));
        var posted = await h.Client.SendToConversationAsync(h.ServiceUrl, PersonalId, Activity.TextMessage("x"));
        h.Teams.StallNext(1, StallFor);
        var clock = Stopwatch.StartNew();

        await h.Client.UpdateActivityAsync(h.ServiceUrl, PersonalId, posted.Id!, Activity.TextMessage("y"));

        Assert.True(clock.Elapsed < StallFor / 2, $"took {clock.Elapsed}");
        await h.Teams.WaitForAsync(t => t.RequestsTo(FakeConnectorRoute.UpdateActivity).Count == 2, StallFor / 2, "the stalled update to be abandoned");
        Assert.Equal("y", Assert.Single(h.Teams.ActivitiesIn(PersonalId)).Text);
    }

    [Fact]
    public async Task APostThatTimesOut_IsNotRetried_AndThrowsWithoutStatus()
    {
        // Teams may have accepted it: a second attempt could post it twice, so the caller's ledger decides.
        await using var h = await ConnectorHarness.StartAsync(o => o.AttemptTimeout = TimeSpan.FromSeconds(2));
        h.Teams.StallNext(1, StallFor);

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            h.Client.SendToConversationAsync(h.ServiceUrl, PersonalId, Activity.TextMessage("x")));

        Assert.Equal(0, error.StatusCode);
        Assert.False(error.IsPermanent);
        Assert.IsType<Polly.Timeout.TimeoutRejectedException>(error.InnerException);
        await h.Teams.WaitForAsync(t => t.Requests.Count == 1 && t.Requests[0].StatusCode == 499, StallFor / 2, "the stalled post to be abandoned");
    }

    [Fact]
    public async Task AnUnreachableService_IsRetriedThenThrowsConnectorExceptionWithoutStatus()
    {
        await using var h = await ConnectorHarness.StartAsync(o => o.MaxRetryAttempts = 2);
        var deadUrl = $"http://127.0.0.1:{FreePort()}/teams/";

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            h.Client.SendToConversationAsync(deadUrl, PersonalId, Activity.TextMessage("x")));

        Assert.Equal(0, error.StatusCode);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(2, h.Logs.Logs.Count(l => l.Message.Contains("retrying", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task CancellingTheCaller_StopsRetrying_AndThrowsOperationCanceled()
    {
        _h.Teams.FailNext(1, 429, retryAfter: TimeSpan.FromSeconds(30));
        using var cancel = new CancellationTokenSource();

        var send = _h.Client.SendToConversationAsync(_h.ServiceUrl, PersonalId, Activity.TextMessage("x"), cancel.Token);
        // Cancel while the client waits out the Retry-After of the first, throttled attempt.
        await _h.Teams.WaitForAsync(t => t.Requests.Count == 1, description: "the first attempt");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
        Assert.Single(_h.Teams.Requests);
    }

    // ---- rate limits --------------------------------------------------------------------------------------

    [Fact]
    public async Task SendsBeyondThePerConversationLimit_WaitForTheNextWindow_AndNoneIsLost()
    {
        await using var h = await ConnectorHarness.StartAsync(o => o.ConversationPerSecond = new RateLimitWindow { PermitLimit = 3, Window = TimeSpan.FromMilliseconds(500) });
        var clock = Stopwatch.StartNew();

        var sends = Enumerable.Range(0, 7)
            .Select(i => h.Client.SendToConversationAsync(h.ServiceUrl, PersonalId, Activity.TextMessage($"m{i}")))
            .ToList();
        await Task.WhenAll(sends);

        clock.Stop();
        // 3 now, 3 one window later, 1 two windows later.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(850), $"7 sends at 3 per 500 ms took only {clock.Elapsed}");
        var texts = h.Teams.ActivitiesIn(PersonalId).Select(a => a.Text).Order();
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"m{i}"), texts);
        var first = h.Teams.Requests.Min(r => r.ReceivedAt);
        Assert.True(h.Teams.Requests.Count(r => r.ReceivedAt - first < TimeSpan.FromMilliseconds(350)) <= 3, "more than 3 sends in the first window");
    }

    [Fact]
    public async Task SequentialSendsBeyondTheLimit_ArriveInTheOrderSent()
    {
        await using var h = await ConnectorHarness.StartAsync(o => o.ConversationPerSecond = new RateLimitWindow { PermitLimit = 2, Window = TimeSpan.FromMilliseconds(300) });

        for (var i = 0; i < 5; i++)
        {
            await h.Client.SendToConversationAsync(h.ServiceUrl, PersonalId, Activity.TextMessage($"m{i}"));
        }

        Assert.Equal(["m0", "m1", "m2", "m3", "m4"], h.Teams.ActivitiesIn(PersonalId).Select(a => a.Text));
    }

    [Fact]
    public async Task AConversationAtItsLimit_DoesNotHoldUpAnotherConversation()
    {
        await using var h = await ConnectorHarness.StartAsync(o => o.ConversationPerSecond = new RateLimitWindow { PermitLimit = 1, Window = TimeSpan.FromSeconds(2) });
        await h.Client.SendToConversationAsync(h.ServiceUrl, "a:busy", Activity.TextMessage("first"));
        var busy = Stopwatch.StartNew();
        var queued = h.Client.SendToConversationAsync(h.ServiceUrl, "a:busy", Activity.TextMessage("queued"));

        var other = Stopwatch.StartNew();
        await h.Client.SendToConversationAsync(h.ServiceUrl, "a:other", Activity.TextMessage("other"));
        other.Stop();
        Assert.False(queued.IsCompleted);
        await queued;
        busy.Stop();

        Assert.True(other.Elapsed < TimeSpan.FromMilliseconds(1000), $"the other conversation waited {other.Elapsed}");
        Assert.True(busy.Elapsed >= TimeSpan.FromMilliseconds(1400), $"the busy conversation's second send waited only {busy.Elapsed}");
    }

    [Fact]
    public async Task ACallThatWouldWaitLongerThanMaxPermitWait_FailsAsATransient429_WithoutBeingSent()
    {
        await using var h = await ConnectorHarness.StartAsync(o =>
        {
            o.ConversationPerThirtySeconds = new RateLimitWindow { PermitLimit = 1, Window = TimeSpan.FromSeconds(30) };
            o.MaxPermitWait = TimeSpan.FromMilliseconds(300);
        });
        await h.Client.SendToConversationAsync(h.ServiceUrl, "a:busy", Activity.TextMessage("first"));

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            h.Client.SendToConversationAsync(h.ServiceUrl, "a:busy", Activity.TextMessage("second")));
        await h.Client.SendToConversationAsync(h.ServiceUrl, "a:other", Activity.TextMessage("other"));

        Assert.Equal(429, error.StatusCode);
        Assert.Equal("LocalRateLimit", error.ErrorCode);
        Assert.False(error.IsPermanent);
        Assert.True(error.WasNotSent);
        Assert.Equal(TimeSpan.FromMilliseconds(300), error.RetryAfter);
        Assert.Equal(["first"], h.Teams.ActivitiesIn("a:busy").Select(a => a.Text));
        Assert.Equal(2, h.Teams.Requests.Count);
    }

    [Fact]
    public async Task SendsToManyConversationsOfOneTenant_AreHeldToTheTenantLimit()
    {
        await using var h = await ConnectorHarness.StartAsync(o => o.TenantPerSecond = new RateLimitWindow { PermitLimit = 2, Window = TimeSpan.FromMilliseconds(500) });
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 5).Select(i =>
            h.Client.SendToConversationAsync(h.ServiceUrl, $"a:chat-{i}", Activity.TextMessage("x") with { Conversation = new ConversationAccount { TenantId = "tenant-1" } })));

        clock.Stop();
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(850), $"5 sends at 2 per 500 ms took only {clock.Elapsed}");
        Assert.Equal(5, h.Teams.Requests.Count(r => r.Succeeded));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
