using System.Text.Json.Nodes;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>
/// A stage put to Alex and Miriam at once, both clicking at the same moment, over HTTP: with "any" the first decision
/// wins and the other is told by whom; with "all" both are needed and one rejection ends it. Every approver's card in
/// their chat is brought up to date.
/// </summary>
public sealed class ParallelApprovalTests : IAsyncLifetime
{
    private static readonly JsonObject TabletInputs = new() { ["urgency"] = "Low" };

    private readonly PolicyReferenceData _files = new("""
        { "items": [
          { "id": "tablet", "name": "Tablet", "category": "Hardware", "keywords": ["tablet"], "cost": 600,
            "approval": { "stages": [ { "kind": "Group", "groupId": "grp-leads", "mode": "Any" } ] } },
          { "id": "phone", "name": "Phone", "category": "Hardware", "keywords": ["phone"], "cost": 900,
            "approval": { "stages": [ { "kind": "Group", "groupId": "grp-leads", "mode": "All" } ] } }
        ] }
        """);

    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync(_files.Settings);

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _files.Dispose();
    }

    [Fact]
    public async Task Any_BothApproveAtOnce_OneDecisionWins_AndTheOtherIsToldByWhom()
    {
        var (requestId, alex, miriam) = await RequestAndCardsAsync("I need a tablet", "Any one of 2 decides");

        var results = await Task.WhenAll(
            ClickAsync(Persona.Alex, alex, "approval.approve", "Alex says yes"),
            ClickAsync(Persona.Miriam, miriam, "approval.approve", "Miriam says yes"));

        var stored = await StoredWhenAsync(Store, requestId, r => r.Outbox.Count == 0, "the outbox drained");
        var winner = stored.Approvals[0].Decision!;
        var loser = winner.ById == Persona.Alex.AadObjectId ? Persona.Miriam : Persona.Alex;
        Assert.Equal(RequestState.Approved, stored.State);
        Assert.Single(stored.History, h => h.Action.IsDecision);
        Assert.Single(results, r => r.CardText.Contains($"Already approved by {winner.ByName}", StringComparison.Ordinal));
        await CardInChatAsync(loser, requestId, $"Approved by {winner.ByName}");
        await CardInChatAsync(winner.ById == Persona.Alex.AadObjectId ? Persona.Alex : Persona.Miriam, requestId, "Approved by you");
    }

    [Fact]
    public async Task All_BothApproveAtOnce_BothAreNeeded_AndBothCount()
    {
        var (requestId, alex, miriam) = await RequestAndCardsAsync("I need a phone", "All of 2 must approve");

        var results = await Task.WhenAll(
            ClickAsync(Persona.Alex, alex, "approval.approve", "Alex says yes"),
            ClickAsync(Persona.Miriam, miriam, "approval.approve", "Miriam says yes"));

        Assert.All(results, r => Assert.DoesNotContain("Already", r.CardText, StringComparison.Ordinal));
        var stored = await StoredWhenAsync(Store, requestId, r => r.Outbox.Count == 0, "the outbox drained");
        Assert.Equal(RequestState.Approved, stored.State);
        Assert.Equal([AuditAction.ApprovePart, AuditAction.Approve], stored.History.Where(h => h.Action.IsDecision).Select(h => h.Action));
        Assert.Equal(
            [Persona.Alex.AadObjectId, Persona.Miriam.AadObjectId],
            stored.Approvals[0].ApprovedBy.Select(d => d.ById).Order());
        await CardInChatAsync(Persona.Alex, requestId, "Approved by all");
        await CardInChatAsync(Persona.Miriam, requestId, "Approved by all");
        await NoticeAsync(_bot.Connector, Persona.Megan, requestId, "approved");
    }

    [Fact]
    public async Task All_OneApproves_WaitsForTheOther_WhoseCardSaysSo()
    {
        var (requestId, alex, _) = await RequestAndCardsAsync("I need a phone", "All of 2 must approve");

        var answer = await ClickAsync(Persona.Alex, alex, "approval.approve", "Fine");

        Assert.Contains("Approved by you; still waiting for Miriam Graham", answer.CardText, StringComparison.Ordinal);
        await CardInChatAsync(Persona.Miriam, requestId, "(approved so far: Alex Wilber)");
        Assert.Equal(RequestState.AwaitingApproval, (await Store.GetAsync(requestId))!.State);
    }

    [Fact]
    public async Task All_OneApprovesAndTheOtherRejectsAtOnce_TheRejectionEndsIt()
    {
        var (requestId, alex, miriam) = await RequestAndCardsAsync("I need a phone", "All of 2 must approve");

        await Task.WhenAll(
            ClickAsync(Persona.Alex, alex, "approval.approve", "Fine"),
            ClickAsync(Persona.Miriam, miriam, "approval.reject", "Not in this budget"));

        var stored = await StoredWhenAsync(Store, requestId, r => r.Outbox.Count == 0, "the outbox drained");
        Assert.Equal(RequestState.Rejected, stored.State);
        Assert.Equal(Persona.Miriam.AadObjectId, stored.Approvals[0].Decision!.ById);
        await CardInChatAsync(Persona.Alex, requestId, "Rejected by Miriam Graham");
        await CardInChatAsync(Persona.Miriam, requestId, "Rejected by you");
        await NoticeAsync(_bot.Connector, Persona.Megan, requestId, "rejected");
    }

    private IRequestStore Store => _bot.Services.GetRequiredService<IRequestStore>();

    private async Task<(string RequestId, (string, JsonObject) Alex, (string, JsonObject) Miriam)> RequestAndCardsAsync(string words, string asked)
    {
        var requestId = await RequestAsync(_bot.Teams, _bot.Connector, Persona.Megan, words, TabletInputs);
        var alex = await ApprovalCardAsync(_bot.Connector, Persona.Alex, requestId);
        var miriam = await ApprovalCardAsync(_bot.Connector, Persona.Miriam, requestId);
        Assert.Contains(asked, CardReader.AllText(alex.Card), StringComparison.Ordinal);
        Assert.Contains(asked, CardReader.AllText(miriam.Card), StringComparison.Ordinal);
        return (requestId, alex, miriam);
    }

    private Task<InvokeResult> ClickAsync(Persona who, (string ChatId, JsonObject Card) approval, string verb, string comment) =>
        _bot.Teams.ClickOnCardAsync(who, approval.ChatId, approval.Card, verb, new JsonObject { ["comment"] = comment });

    private Task<JsonObject> CardInChatAsync(Persona who, string requestId, string text) =>
        _bot.Connector.WaitForAsync(c => c.PersonalChatWith(who.AadObjectId) is { } chat
            ? c.ActivitiesIn(chat).Select(FakeTeamsConnector.CardOf).LastOrDefault(card => card is not null
                && CardReader.AllText(card).Contains(requestId, StringComparison.Ordinal) && CardReader.AllText(card).Contains(text, StringComparison.Ordinal))
            : null, description: $"{who.Name}'s card of {requestId} saying {text}");
}
