using System.Text.Json.Nodes;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>
/// Approval policies over HTTP: a stage added by the cost (price x quantity) and one by the item's risk, a stage that
/// goes past the manager who decided the one before (segregation of duties), and a pre-authorised request with its reason
/// on the requester's cards.
/// </summary>
public sealed class ApprovalPolicyLoopTests : IAsyncLifetime
{
    private readonly PolicyReferenceData _files = new(
        """
        { "items": [
          { "id": "monitor-pack", "name": "Monitor pack", "category": "Hardware", "keywords": ["monitors"], "cost": 300,
            "quantityField": "count", "fields": [ { "id": "count", "label": "How many", "type": "Number", "required": true } ],
            "approval": { "stages": [ { "kind": "Manager" },
                                      { "kind": "Group", "groupId": "grp-leads", "when": { "costAbove": 1000 } } ] } },
          { "id": "admin-rights", "name": "Admin rights", "category": "Hardware", "keywords": ["admin"], "risk": "High",
            "owner": { "personId": "00000000-0000-0000-0000-0000000000d2" },
            "approval": { "stages": [ { "kind": "Owner", "when": { "riskAtLeast": "High" } } ] } },
          { "id": "ide-licence", "name": "IDE licence", "category": "Software", "keywords": ["ide"], "approval": "Manager" }
        ] }
        """,
        [new JsonObject { ["department"] = "Marketing", ["itemIds"] = new JsonArray("ide-licence") }]);

    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync(_files.Settings);

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _files.Dispose();
    }

    private IRequestStore Store => _bot.Services.GetRequiredService<IRequestStore>();

    [Fact]
    public async Task CostBelowTheThreshold_OnlyTheManagerApproves()
    {
        var requestId = await RequestAsync(_bot.Teams, _bot.Connector, Persona.Megan, "I need monitors", Count("3"));

        var request = (await Store.GetAsync(requestId))!;
        Assert.Equal(["Manager"], request.Approvals.Select(s => s.Name));
    }

    [Fact]
    public async Task CostAboveTheThreshold_AddsTheLeads_WhoseStageLeavesOutTheManagerWhoApprovedAlready()
    {
        // Four monitors at 300 are 1,200, above 1,000: Alex approves as Megan's manager; of the leads (Alex, Miriam) only Miriam may.
        var requestId = await RequestAsync(_bot.Teams, _bot.Connector, Persona.Megan, "I need monitors", Count("4"));
        Assert.Equal(["Manager", "Marketing leads"], (await Store.GetAsync(requestId))!.Approvals.Select(s => s.Name));
        var (alexChat, card) = await ApprovalCardAsync(_bot.Connector, Persona.Alex, requestId);

        await _bot.Teams.ClickOnCardAsync(Persona.Alex, alexChat, card, "approval.approve");

        var (_, miriams) = await ApprovalCardAsync(_bot.Connector, Persona.Miriam, requestId);
        Assert.Contains("Step 2 of 2: Marketing leads", CardReader.AllText(miriams), StringComparison.Ordinal);
        var stored = await StoredWhenAsync(Store, requestId, r => r.Outbox.Count == 0, "the outbox drained");
        Assert.Equal([Persona.Miriam.AadObjectId], stored.PendingStage!.Approvers.Select(a => a.Id));
        Assert.Contains("Alex Wilber decided an earlier step", stored.History.Single(h => h.Action == AuditAction.Reroute).Comment, StringComparison.Ordinal);
        Assert.Single(_bot.Connector.ActivitiesIn(alexChat).Select(FakeTeamsConnector.CardOf),
            c => c is not null && CardReader.AllText(c).Contains(requestId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HighRiskItem_GoesToItsOwner()
    {
        var requestId = await RequestAsync(_bot.Teams, _bot.Connector, Persona.Megan, "I need admin rights", new JsonObject { ["urgency"] = "Low" });

        var (_, card) = await ApprovalCardAsync(_bot.Connector, Persona.Grady, requestId);

        Assert.Contains("Owner", CardReader.AllText(card), StringComparison.Ordinal);
        Assert.Equal(RequestState.AwaitingApproval, (await Store.GetAsync(requestId))!.State);
    }

    [Fact]
    public async Task PreAuthorisedRequester_GetsTheItemWithoutApproval_AndIsToldWhy()
    {
        var before = _bot.Connector.ActivitiesIn(Persona.Megan.PersonalChatId).Count;
        (await _bot.Teams.SayAsync(Persona.Megan, "I need an ide")).EnsureSuccessStatusCode();
        var form = await _bot.Connector.WaitForAsync(
            c => c.ActivitiesIn(Persona.Megan.PersonalChatId).Skip(before).Select(FakeTeamsConnector.CardOf).LastOrDefault(card => card is not null),
            description: "the IDE licence form");

        var submitted = await _bot.Teams.ClickOnCardAsync(Persona.Megan, Persona.Megan.PersonalChatId, form, "intake.submit", new JsonObject { ["urgency"] = "Low" });

        Assert.Contains("No approval needed (pre-authorised: Marketing gets IDE licence)", submitted.CardText, StringComparison.Ordinal);
        var request = (await Store.GetAsync(RequestNumberIn(submitted.CardText)!))!;
        Assert.Equal(RequestState.Approved, request.State);
        Assert.Equal("pre-authorised: Marketing gets IDE licence", request.History.Single(h => h.Action == AuditAction.SkipApproval).Comment);
    }

    private static JsonObject Count(string count) => new() { ["urgency"] = "Low", ["field.count"] = count };
}
