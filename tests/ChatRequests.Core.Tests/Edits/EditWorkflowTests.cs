using ChatRequests.Core.Approvals;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Tests.Approvals;
using ChatRequests.Core.Workflow;
using static ChatRequests.Core.Tests.Approvals.PolicyOrganisation;

namespace ChatRequests.Core.Tests.Edits;

/// <summary>
/// The requester changes a logged request, and the approval policy is worked out again for the new answers: the item
/// costs 500 a piece; the manager always approves, "Budget" (the owner) when the cost is above 1,000, IT Security when
/// the level is Admin. Nobody's condition reads the cost centre.
/// </summary>
public sealed class EditWorkflowTests
{
    private static readonly PersonRef RitaRef = new(Rita.Id, Rita.Name);

    private static readonly CatalogItem Item = PolicyOrganisation.Item(Stages(
        new StagePolicy { Kind = StageKinds.Manager },
        new StagePolicy { Kind = StageKinds.Owner, Name = "Budget", When = new StageCondition { CostAbove = 1000 } },
        new StagePolicy { Kind = StageKinds.Group, GroupId = Security.Id, When = new StageCondition { Field = "level", Value = "Admin" } }));

    private readonly PolicyOrganisation _organisation = new();
    private readonly EditWorkflow _edits;
    private int _forms;

    public EditWorkflowTests()
    {
        var approvers = new ApproverResolver(_organisation.Directory);
        var catalog = new InMemoryCatalog([Item]);
        var requests = new RequestWorkflow(_organisation.Store, catalog, _organisation.Directory, approvers, _organisation.Clock);
        _edits = new EditWorkflow(requests, _organisation.Store, catalog, _organisation.Directory, approvers, _organisation.Clock);
    }

    public static TheoryData<string, string, string, string, bool, string[]> ApprovedThenChanged() => new()
    {
        // case, field, from, to, goes back, the new round's stages
        { "quantity up past the Budget threshold", "quantity", "1", "3", true, ["Manager", "Budget"] },
        { "quantity up, still under the threshold", "quantity", "1", "2", true, ["Manager"] },
        { "quantity down", "quantity", "3", "2", false, [] },
        { "a field a condition reads", "level", "Read", "Admin", true, ["Manager", "IT Security"] },
        { "a field nobody reads", "costCentre", "CC-1000", "CC-2000", false, [] },
    };

    [Theory]
    [MemberData(nameof(ApprovedThenChanged))]
    public async Task Edit_AnApprovedRequest_GoesBackForApproval_OnlyWhenTheDecisionsNoLongerCoverIt(
        string why, string field, string from, string to, bool goesBack, string[] round)
    {
        var request = await ApprovedAsync(field == "quantity" ? from : "1", field == "level" ? from : "Read");

        var result = await _edits.EditAsync(request.Id, RitaRef, Form(Answers(request, field, to)));

        var edited = result.Request;
        Assert.Equal($"Changed by the requester: {Label(field)} {from} → {to}", edited.History.Single(h => h.Action == AuditAction.Edit).Comment);
        Assert.Equal(to, edited.Fields[field]);
        Assert.Contains(edited.Outbox, e => e.Type == RequestEventType.RequestEdited);
        Assert.True(goesBack == (result.BackForApprovalBecause is not null), why);
        if (!goesBack)
        {
            Assert.Equal(RequestState.Approved, edited.State);
            Assert.DoesNotContain(edited.History, h => h.Action == AuditAction.RequestReapproval);
            return;
        }

        Assert.Equal(RequestState.AwaitingApproval, edited.State);
        Assert.Equal(round, edited.Approvals.Skip(edited.ApprovalRoundStart).Select(s => s.Name));
        Assert.Equal(edited.ApprovalRoundStart, edited.CurrentStage);
        Assert.Contains(result.BackForApprovalBecause!, edited.History.Single(h => h.Action == AuditAction.RequestReapproval).Comment);
        // The manager who approved before is asked again, and may decide again: a new round.
        Assert.Equal([Mark.Id], edited.PendingStage!.Approvers.Select(a => a.Id));
        Assert.Equal(RequestEventType.ApprovalRequested, edited.Outbox[^1].Type);
    }

    [Fact]
    public async Task Edit_CostRose_SaysSoWithTheAmounts()
    {
        var request = await ApprovedAsync("1", "Read");

        var result = await _edits.EditAsync(request.Id, RitaRef, Form(Answers(request, "quantity", "3")));

        Assert.Equal("the cost rose from 500.00 EUR to 1,500.00 EUR, above what Manager approved; Budget is now needed", result.BackForApprovalBecause);
    }

    [Fact]
    public async Task Edit_WhileTheManagerStillDecides_AndNothingThatMattersChanged_TheStageGoesOn()
    {
        var request = await _organisation.SubmitAsync(Item, "1", "Read");

        var result = await _edits.EditAsync(request.Id, RitaRef, Form(Answers(request, "quantity", "2")));

        Assert.Null(result.BackForApprovalBecause);
        Assert.Equal((RequestState.AwaitingApproval, 0, 1), (result.Request.State, result.Request.CurrentStage, result.Request.Approvals.Count));
        // The manager decides on the new answers; nothing was asked twice.
        var approved = await _organisation.DecideAsync(Item, result.Request, Mark, approve: true, stage: 0);
        Assert.Equal(RequestState.Approved, approved.State);
    }

    [Fact]
    public async Task Edit_WhileTheManagerStillDecides_AddingAStage_StartsANewRound_TheOldStepAsksNoMore()
    {
        var request = await _organisation.SubmitAsync(Item, "1", "Read");

        var result = await _edits.EditAsync(request.Id, RitaRef, Form(Answers(request, "level", "Admin")));

        var edited = result.Request;
        Assert.Equal("IT Security is now needed", result.BackForApprovalBecause);
        Assert.Equal((1, 1, 3), (edited.ApprovalRoundStart, edited.CurrentStage, edited.Approvals.Count));
        Assert.Null(edited.Approvals[0].Decision);
        await Assert.ThrowsAsync<RequestTransitionException>(() => _organisation.DecideAsync(Item, edited, Mark, approve: true, stage: 0));
        var next = await _organisation.DecideAsync(Item, edited, Mark, approve: true, stage: 1);
        Assert.Equal(["IT Security"], [next.PendingStage!.Name]);
    }

    [Fact]
    public async Task Edit_OnlyTheRequester_OthersWhoMayViewAreToldNo_OutsidersLearnNothing()
    {
        var request = await _organisation.SubmitAsync(Item, "1", "Read");
        var form = Form(Answers(request, "quantity", "2"));

        var mark = await Assert.ThrowsAsync<NotPermittedException>(() => _edits.EditAsync(request.Id, new PersonRef(Mark.Id, Mark.Name), form));
        var outsider = await Assert.ThrowsAsync<RequestNotVisibleException>(() => _edits.EditAsync(request.Id, new PersonRef(Sam.Id, Sam.Name), form));
        var missing = await Assert.ThrowsAsync<RequestNotVisibleException>(() => _edits.EditAsync("REQ-999999", new PersonRef(Sam.Id, Sam.Name), form));

        Assert.Equal($"Only Rita Requester, who asked for {request.Id}, can change it.", mark.Message);
        Assert.Equal(missing.Message.Replace("REQ-999999", "#"), outsider.Message.Replace(request.Id, "#"));
        Assert.Empty((await _organisation.Store.GetAsync(request.Id))!.Edits);
    }

    [Fact]
    public async Task Edit_OnceTheTeamHasIt_IsRefusedAsStale_AndChangesNothing()
    {
        var request = await ApprovedAsync("1", "Read");
        var workflow = new RequestWorkflow(
            _organisation.Store, new InMemoryCatalog([Item]), _organisation.Directory, new ApproverResolver(_organisation.Directory), _organisation.Clock);
        await workflow.AssignToSelfAsync(request.Id, new PersonRef(Agent.Id, Agent.Name));

        var stale = await Assert.ThrowsAsync<RequestRuleException>(() => _edits.EditAsync(request.Id, RitaRef, Form(Answers(request, "quantity", "2"))));

        Assert.Equal($"{request.Id} can no longer be changed: it is assigned. To ask for something else, cancel it and make a new request.", stale.Message);
        Assert.NotNull(stale.Request);
        Assert.Equal("1", (await _organisation.Store.GetAsync(request.Id))!.Fields["quantity"]);
    }

    [Fact]
    public async Task Edit_TheSameFormTwice_ChangesOnce()
    {
        var request = await ApprovedAsync("1", "Read");
        var form = Form(Answers(request, "quantity", "3"));

        var first = await _edits.EditAsync(request.Id, RitaRef, form);
        var second = await _edits.EditAsync(request.Id, RitaRef, form);

        Assert.False(first.WasDuplicate);
        Assert.True(second.WasDuplicate);
        var stored = (await _organisation.Store.GetAsync(request.Id))!;
        Assert.Single(stored.Edits);
        Assert.Single(stored.History, h => h.Action == AuditAction.RequestReapproval);
        Assert.Equal(first.Request.Version, stored.Version);
    }

    [Fact]
    public async Task Edit_NothingChanged_OrAFormError_ChangesNothing()
    {
        var request = await _organisation.SubmitAsync(Item, "1", "Read");

        var same = await Assert.ThrowsAsync<RequestRuleException>(() => _edits.EditAsync(request.Id, RitaRef, Form(Answers(request, "quantity", "1"))));
        var wrong = await _edits.EditAsync(request.Id, RitaRef, Form(Answers(request, "level", "Root")));

        Assert.Equal($"Nothing was changed: {request.Id} stays as it is.", same.Message);
        Assert.True(wrong.Errors.Any);
        Assert.Equal(request.Version, (await _organisation.Store.GetAsync(request.Id))!.Version);
    }

    private async Task<ServiceRequest> ApprovedAsync(string quantity, string level)
    {
        var request = await _organisation.SubmitAsync(Item, quantity, level);
        for (var stage = 0; request.State == RequestState.AwaitingApproval; stage++)
        {
            var approver = request.PendingStage!.Approvers[0];
            request = await _organisation.DecideAsync(Item, request, new[] { Mark, Olga, Sam, Sue, Bea }.Single(p => p.Id == approver.Id), approve: true, stage);
        }

        Assert.Equal(RequestState.Approved, request.State);
        return request;
    }

    private static Dictionary<string, string?> Answers(ServiceRequest request, string field, string value)
    {
        var answers = request.Fields.ToDictionary(f => f.Key, f => (string?)f.Value);
        answers[field] = value;
        return answers;
    }

    private RequestForm Form(Dictionary<string, string?> fields) =>
        new($"change-{++_forms}", Item.Id, "I need it for the quarterly audit.", null, fields);

    private static string Label(string field) => Item.Fields.Single(f => f.Id == field).Label;
}
