using System.Net;
using System.Text.Json.Nodes;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>
/// Teams refuses for good to reach an approver (404 user not found, 403 bot blocked), over HTTP: the stage goes on at
/// once, without a retry (the outbox's first retry is ten minutes away, so a retry would time the test out), to the
/// approver's manager; the requester is told and "status" names who has it now. A parallel stage goes on with the
/// members who can be reached; a stage nobody can be reached for is stuck, the requester told and /status degraded (the
/// health-check path, /health, stays 200: a parked event is for a person, not a reason to restart the instance).
/// </summary>
public sealed class UnreachableApproverLoopTests : IAsyncLifetime
{
    private readonly PolicyReferenceData _files = new("""
        { "items": [
          { "id": "laptop-standard", "name": "Standard laptop", "category": "Hardware", "keywords": ["laptop"], "cost": 1200,
            "approval": "Manager" },
          { "id": "tablet", "name": "Tablet", "category": "Hardware", "keywords": ["tablet"], "cost": 600,
            "approval": { "stages": [ { "kind": "Group", "groupId": "grp-leads", "mode": "Any" } ] } }
        ] }
        """);

    private BotApp _bot = null!;

    public async Task InitializeAsync() =>
        _bot = await BotApp.StartAsync(new Dictionary<string, string?>(_files.Settings) { ["Fulfilment:FirstRetryDelay"] = "00:10:00" });

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _files.Dispose();
    }

    [Theory]
    [InlineData(404, "UserNotFound")]
    [InlineData(403, "BotNotInConversationRoster")]
    public async Task ManagerUnreachable_StageGoesToTheirManagerAtOnce_AndTheRequesterIsTold(int status, string code)
    {
        Unreachable(Persona.Alex, status, code);

        var requestId = await RequestAsync(_bot.Teams, _bot.Connector, Persona.Megan, "I need a new laptop", new JsonObject { ["urgency"] = "Low" });

        var (_, card) = await ApprovalCardAsync(_bot.Connector, Persona.Miriam, requestId);
        Assert.Contains("approval.approve", CardReader.Verbs(card));
        await NoticeAsync(_bot.Connector, Persona.Megan, requestId, "Your approval could not reach Alex Wilber; it went to Miriam Graham.");
        var stored = await StoredWhenAsync(Store, requestId, r => r.Outbox.Count == 0, "the outbox drained");
        Assert.Equal([Persona.Miriam.AadObjectId], stored.PendingStage!.Approvers.Select(a => a.Id));
        Assert.Equal(
            $"Alex Wilber could not be reached ({status} {code}): Manager goes to Miriam Graham (Alex Wilber's manager)",
            stored.History.Single(h => h.Action == AuditAction.Reroute).Comment);
        // Tried once, never again. Only the routes the bot calls count: in one CI run two GET / from outside this test (a
        // client of another test process, at a port this connector had taken since) reached it.
        Assert.Single(_bot.Connector.Requests, r => !r.Succeeded && r.Route != FakeConnectorRoute.Unknown);

        (await _bot.Teams.SayAsync(Persona.Megan, "status")).EnsureSuccessStatusCode();
        await NoticeAsync(_bot.Connector, Persona.Megan, requestId, "Miriam Graham");
    }

    [Fact]
    public async Task NoticeToARequesterWhoCannotBeReached_IsParkedAtOnce_NotRetried()
    {
        Unreachable(Persona.Alex, 404, "UserNotFound");
        _bot.Connector.FailNext(new FakeFailure(403, Count: 100)
        {
            ErrorCode = "BotDisabledByAdmin",
            When = r => r.ConversationId == Persona.Megan.PersonalChatId && r.Body?.ToJsonString().Contains("could not reach", StringComparison.Ordinal) == true,
        });

        var requestId = await RequestAsync(_bot.Teams, _bot.Connector, Persona.Megan, "I need a new laptop", new JsonObject { ["urgency"] = "Low" });

        await ApprovalCardAsync(_bot.Connector, Persona.Miriam, requestId);
        var stored = await StoredWhenAsync(Store, requestId, r => r.Outbox.Count == 1 && r.Outbox[0].IsParked, "only the notice left, parked");
        var parked = stored.Outbox[0];
        Assert.Equal((RequestEventType.ApprovalRerouted, 1), (parked.Type, parked.Attempts));
        Assert.Contains("403 BotDisabledByAdmin", parked.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApproverThrottledThenReached_KeepsTheStage_NothingIsRerouted()
    {
        _bot.Connector.FailNext(new FakeFailure(429, Count: 2)
        {
            RetryAfter = "0",
            When = r => r.Parameters?.Members?.Any(m => m.Id == Persona.Alex.AadObjectId) == true,
        });

        var requestId = await RequestAsync(_bot.Teams, _bot.Connector, Persona.Megan, "I need a new laptop", new JsonObject { ["urgency"] = "Low" });

        await ApprovalCardAsync(_bot.Connector, Persona.Alex, requestId);
        var stored = await StoredWhenAsync(Store, requestId, r => r.Outbox.Count == 0, "the outbox drained");
        Assert.Equal([Persona.Alex.AadObjectId], stored.PendingStage!.Approvers.Select(a => a.Id));
        Assert.DoesNotContain(stored.History, h => h.Action == AuditAction.Reroute);
        Assert.Equal(2, _bot.Connector.Requests.Count(r => r.StatusCode == 429));
    }

    [Fact]
    public async Task ParallelStage_OneMemberUnreachable_TheOtherDecides_AndTheRequesterIsNotBothered()
    {
        Unreachable(Persona.Alex, 404, "UserNotFound");

        var requestId = await RequestAsync(_bot.Teams, _bot.Connector, Persona.Megan, "I need a tablet", new JsonObject { ["urgency"] = "Low" });

        var (miriamChat, card) = await ApprovalCardAsync(_bot.Connector, Persona.Miriam, requestId);
        var stored = await StoredWhenAsync(Store, requestId, r => r.Outbox.Count == 0, "the outbox drained");
        Assert.Equal([Persona.Miriam.AadObjectId], stored.PendingStage!.Approvers.Select(a => a.Id));
        Assert.Equal("Alex Wilber could not be reached (404 UserNotFound): Marketing leads goes on with Miriam Graham",
            stored.History.Single(h => h.Action == AuditAction.Reroute).Comment);

        var decided = await _bot.Teams.ClickOnCardAsync(Persona.Miriam, miriamChat, card, "approval.approve", new JsonObject { ["comment"] = "Fine" });

        Assert.Contains("Approved by you", decided.CardText, StringComparison.Ordinal);
        await NoticeAsync(_bot.Connector, Persona.Megan, requestId, "approved");
        Assert.DoesNotContain(_bot.Connector.CardsSentTo(Persona.Megan.AadObjectId), c => CardReader.AllText(c).Contains("could not reach", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WholeStageUnreachable_IsStuck_TheRequesterIsTold_AndStatusShowsIt()
    {
        Unreachable(Persona.Alex, 404, "UserNotFound");
        Unreachable(Persona.Miriam, 403, "BotDisabledByAdmin");

        var requestId = await RequestAsync(_bot.Teams, _bot.Connector, Persona.Megan, "I need a tablet", new JsonObject { ["urgency"] = "Low" });

        await NoticeAsync(_bot.Connector, Persona.Megan, requestId, "stuck", "nobody else can approve it");
        var stored = await StoredWhenAsync(Store, requestId, r => r.Outbox.Any(e => e.IsParked), "the approval request parked");
        Assert.True(stored.PendingStage!.IsStuck);
        using (var health = await _bot.Http.GetAsync("/health"))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        using var status = await _bot.Http.GetAsync("/status");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status.StatusCode);
        var report = JsonNode.Parse(await status.Content.ReadAsStringAsync())!;
        Assert.Equal("degraded", report["status"]!.GetValue<string>());
        Assert.Equal(1, report["fulfilment"]!["parkedEvents"]!.GetValue<int>());
        Assert.DoesNotContain(requestId, report.ToJsonString(), StringComparison.Ordinal); // which one: the dashboard, for its team's lead

        (await _bot.Teams.SayAsync(Persona.Megan, "status")).EnsureSuccessStatusCode();
        await NoticeAsync(_bot.Connector, Persona.Megan, requestId, "no approver could be reached");
    }

    private IRequestStore Store => _bot.Services.GetRequiredService<IRequestStore>();

    /// <summary>Every post to the person (opening their chat, or in it) is refused for good.</summary>
    private void Unreachable(Persona who, int status, string code) =>
        _bot.Connector.FailNext(new FakeFailure(status, Count: 100)
        {
            ErrorCode = code,
            ErrorMessage = "The user cannot be reached.",
            When = r => r.ConversationId == who.PersonalChatId
                || (r.Route == FakeConnectorRoute.CreateConversation && r.Parameters?.Members?.Any(m => m.Id == who.AadObjectId) == true),
        });
}
