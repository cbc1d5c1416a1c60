using System.Text.Json.Nodes;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Core.Workflow;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>
/// The requester changes a logged request over HTTP: from the details card to the item's form filled in with the
/// answers; a change that raises the cost past what was approved goes back to the manager, whose new card says what
/// changed, and on to the stage the cost now adds; the requester is told each step. Only the requester may change it,
/// a form sent twice changes once, and a form sent after the team took the request is refused and keeps its card.
/// </summary>
public sealed class EditLoopTests : IAsyncLifetime
{
    private readonly PolicyReferenceData _files = new(
        """
        { "items": [
          { "id": "monitor-pack", "name": "Monitor pack", "category": "Hardware", "keywords": ["monitors"], "cost": 300,
            "quantityField": "count", "fields": [ { "id": "count", "label": "How many", "type": "Number", "required": true } ],
            "approval": { "stages": [ { "kind": "Manager" },
                                      { "kind": "Group", "groupId": "grp-leads", "when": { "costAbove": 1000 } } ] } }
        ] }
        """);

    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync(_files.Settings);

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _files.Dispose();
    }

    private IRequestStore Store => _bot.Services.GetRequiredService<IRequestStore>();

    [Fact]
    public async Task MoreMonitorsAfterApproval_TheManagerIsAskedAgain_ThenTheLeads_AndTheRequesterIsTold()
    {
        var requestId = await ApprovedAsync("3");

        var form = await ChangeFormAsync(requestId);
        Assert.Contains("To ask for another item, cancel this request and make a new one.", CardReader.AllText(form), StringComparison.Ordinal);
        var saved = await _bot.Teams.ClickOnCardAsync(Persona.Megan, Persona.Megan.PersonalChatId, form, "requester.change", Count("4"));

        Assert.Contains(
            "It went back for approval: the cost rose from 900.00 EUR to 1,200.00 EUR, above what Manager approved; Marketing leads is now needed.",
            saved.CardText, StringComparison.Ordinal);
        Assert.Contains("How many 3 → 4", saved.CardText, StringComparison.Ordinal);
        var (alexChat, again) = await PendingCardAsync(Persona.Alex, requestId);
        Assert.Contains("Changed by the requester", CardReader.AllText(again), StringComparison.Ordinal);
        Assert.Contains("How many 3 → 4", CardReader.AllText(again), StringComparison.Ordinal);

        await _bot.Teams.ClickOnCardAsync(Persona.Alex, alexChat, again, "approval.approve");
        var (miriamChat, leads) = await PendingCardAsync(Persona.Miriam, requestId);
        await _bot.Teams.ClickOnCardAsync(Persona.Miriam, miriamChat, leads, "approval.approve");

        var approved = await StoredWhenAsync(Store, requestId, r => r.State == RequestState.Approved && r.Outbox.Count == 0, "approved again");
        Assert.Equal("4", approved.Fields["count"]);
        Assert.Equal(["Manager", "Manager", "Marketing leads"], approved.Approvals.Select(s => s.Name));
        await NoticeAsync(_bot.Connector, Persona.Megan, "Approved", requestId);
    }

    [Fact]
    public async Task OnlyTheRequesterMayChangeIt_AnApproverIsToldNo_AStrangerLearnsNothing()
    {
        var requestId = await RequestAsync(_bot.Teams, _bot.Connector, Persona.Megan, "I need monitors", Count("3"));
        var form = await ChangeFormAsync(requestId);

        var alex = await _bot.Teams.ClickOnCardAsync(Persona.Alex, Persona.Alex.PersonalChatId, form, "requester.change", Count("9"));
        var stranger = await _bot.Teams.ClickOnCardAsync(Persona.Christie, Persona.Christie.PersonalChatId, form, "requester.change", Count("9"));
        var missing = await _bot.Teams.ClickAsync(Persona.Christie, Persona.Christie.PersonalChatId, "requester.change",
            Data("REQ-999999", ("submissionKey", "k1"), ("justification", "Need them."), ("field.count", "9")));

        Assert.Contains($"Only Megan Bowen, who asked for {requestId}, can change it.", alex.Message, StringComparison.Ordinal);
        Assert.Equal(missing.Message.Replace("REQ-999999", "#", StringComparison.Ordinal), stranger.Message.Replace(requestId, "#", StringComparison.Ordinal));
        Assert.Equal("3", (await Store.GetAsync(requestId))!.Fields["count"]);
    }

    [Fact]
    public async Task TheSameFormTwice_ChangesOnce_AndOnceTheTeamHasIt_AFormIsRefused_KeepingItsCard()
    {
        var requestId = await ApprovedAsync("2");
        var form = await ChangeFormAsync(requestId);
        var late = await ChangeFormAsync(requestId);

        // Fewer monitors cost less than Alex approved: the approval stands.
        var first = await _bot.Teams.ClickOnCardAsync(Persona.Megan, Persona.Megan.PersonalChatId, form, "requester.change", Count("1"));
        var second = await _bot.Teams.ClickOnCardAsync(Persona.Megan, Persona.Megan.PersonalChatId, form, "requester.change", Count("1"));
        await _bot.Services.GetRequiredService<RequestWorkflow>().AssignToSelfAsync(requestId, new PersonRef(Persona.Adele.AadObjectId, Persona.Adele.Name));
        var stale = await _bot.Teams.ClickOnCardAsync(Persona.Megan, Persona.Megan.PersonalChatId, late, "requester.change", Count("3"));

        Assert.Contains("The approvals given still cover it", first.CardText, StringComparison.Ordinal);
        Assert.Contains(requestId, second.CardText, StringComparison.Ordinal);
        Assert.Contains($"{requestId} can no longer be changed: it is assigned.", stale.Message, StringComparison.Ordinal);
        var stored = (await Store.GetAsync(requestId))!;
        Assert.Single(stored.Edits);
        Assert.Equal(("1", RequestState.Assigned), (stored.Fields["count"], stored.State));
    }

    /// <summary>Megan's monitors, approved by Alex (at most 1,000: the manager alone).</summary>
    private async Task<string> ApprovedAsync(string count)
    {
        var requestId = await RequestAsync(_bot.Teams, _bot.Connector, Persona.Megan, "I need monitors", Count(count));
        var (alexChat, card) = await ApprovalCardAsync(_bot.Connector, Persona.Alex, requestId);
        await _bot.Teams.ClickOnCardAsync(Persona.Alex, alexChat, card, "approval.approve");
        await StoredWhenAsync(Store, requestId, r => r.State == RequestState.Approved && r.Outbox.Count == 0, "approved by Alex");
        return requestId;
    }

    /// <summary>Megan asks for the request's details and clicks "Change request": the form filled in with her answers.</summary>
    private async Task<JsonObject> ChangeFormAsync(string requestId)
    {
        var before = _bot.Connector.ActivitiesIn(Persona.Megan.PersonalChatId).Count;
        (await _bot.Teams.SayAsync(Persona.Megan, requestId)).EnsureSuccessStatusCode();
        var details = await _bot.Connector.WaitForAsync(
            c => c.ActivitiesIn(Persona.Megan.PersonalChatId).Skip(before).Select(FakeTeamsConnector.CardOf)
                .LastOrDefault(card => card is not null && CardReader.FindAction(card, "requester.edit") is not null),
            description: "the details card with Change request");
        return (await _bot.Teams.ClickOnCardAsync(Persona.Megan, Persona.Megan.PersonalChatId, details, "requester.edit")).Card;
    }

    /// <summary>An approval card of the request in the approver's chat that asks for a decision now.</summary>
    private async Task<(string ChatId, JsonObject Card)> PendingCardAsync(Persona approver, string requestId)
    {
        var chatId = (await ApprovalCardAsync(_bot.Connector, approver, requestId)).ChatId;
        var card = await _bot.Connector.WaitForAsync(
            c => c.ActivitiesIn(chatId).Select(FakeTeamsConnector.CardOf).LastOrDefault(card =>
                card is not null && CardReader.AllText(card).Contains(requestId, StringComparison.Ordinal) && CardReader.FindAction(card, "approval.approve") is not null),
            description: $"a pending approval card of {requestId} for {approver.Name}");
        return (chatId, card);
    }

    private static JsonObject Count(string count) => new() { ["urgency"] = "Low", ["field.count"] = count };
}
