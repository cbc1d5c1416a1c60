using ChatRequests.Core.Catalog;
using ChatRequests.Core.Requests;
using static ChatRequests.Core.Tests.Approvals.PolicyOrganisation;

namespace ChatRequests.Core.Tests.Approvals;

/// <summary>Nobody approves a request they raised, and nobody decides two stages of one request.</summary>
public class SegregationOfDutiesTests
{
    [Fact]
    public async Task Requester_InTheGroupOfAStage_IsNotAsked()
    {
        var organisation = new PolicyOrganisation(groups: [Security with { MemberIds = [Sam.Id, Rita.Id, Sue.Id] }]);

        var request = await organisation.SubmitAsync(Item(Stages(new StagePolicy { Kind = StageKinds.Group, Mode = ApprovalMode.All })));

        Assert.Equal([Sam.Id, Sue.Id], request.Approvals[0].Approvers.Select(a => a.Id));
    }

    [Fact]
    public async Task Requester_WhoOwnsTheItem_HasTheOwnerStageGoToTheirManager()
    {
        var organisation = new PolicyOrganisation();

        var request = await organisation.SubmitAsync(Item(Stages(new StagePolicy { Kind = StageKinds.Owner }), owner: new ItemOwner { PersonId = Rita.Id }));

        Assert.Equal([Mark.Id], request.Approvals[0].Approvers.Select(a => a.Id));
    }

    [Fact]
    public async Task Requester_WhoOwnsTheCostCentre_HasTheBudgetStageGoToTheirManager()
    {
        // Carl owns cost centre CC-1000 and asks for something charged to it: Mark, his manager, approves the budget.
        var requester = Carl with { ManagerId = Mark.Id };
        var organisation = new PolicyOrganisation(people: [requester]);

        var request = await organisation.SubmitAsync(Item(Stages(new StagePolicy { Kind = StageKinds.CostCentreOwner })), requester: requester);

        Assert.Equal([Mark.Id], request.Approvals[0].Approvers.Select(a => a.Id));
    }

    [Fact]
    public async Task Decide_ByTheRequester_IsRefused()
    {
        var organisation = new PolicyOrganisation();
        var item = Item(Stages(new StagePolicy { Kind = StageKinds.Manager }));
        var request = await organisation.SubmitAsync(item);

        await Assert.ThrowsAsync<NotPermittedException>(() => organisation.DecideAsync(item, request, Rita, approve: true, stage: 0));
    }

    [Fact]
    public async Task LaterStage_WhoseOnlyApproverDecidedAnEarlierOne_GoesToTheirManager_AndTheHistorySaysSo()
    {
        // Mark is Rita's manager and the item's owner: he approves step 1, so step 2 goes to Bea, his manager.
        var organisation = new PolicyOrganisation();
        var item = Item(Stages(new StagePolicy { Kind = StageKinds.Manager }, new StagePolicy { Kind = StageKinds.Owner }), owner: new ItemOwner { PersonId = Mark.Id });
        var request = await organisation.SubmitAsync(item);
        Assert.Equal([Mark.Id], request.Approvals[1].Approvers.Select(a => a.Id));

        request = await organisation.DecideAsync(item, request, Mark, approve: true, stage: 0);

        Assert.Equal([Bea.Id], request.PendingStage!.Approvers.Select(a => a.Id));
        var line = request.History.Single(h => h.Action == AuditAction.Reroute);
        Assert.Equal("Mark Manager decided an earlier step and may not decide Owner too: it goes to Bea Boss (Mark Manager's manager)", line.Comment);
        await Assert.ThrowsAsync<NotPermittedException>(() => organisation.DecideAsync(item, request, Mark, approve: true, stage: 1));
        request = await organisation.DecideAsync(item, request, Bea, approve: true, stage: 1);
        Assert.Equal(RequestState.Approved, request.State);
    }

    [Fact]
    public async Task LaterStage_WhenTheApproversManagerDecidedToo_GoesToTheItemsApproverGroup()
    {
        // Step 1 Mark, step 2 Bea (two levels up), step 3 the owner Mark again: his manager Bea decided step 2, so the group.
        var organisation = new PolicyOrganisation();
        var item = Item(
            Stages(new StagePolicy { Kind = StageKinds.Manager }, new StagePolicy { Kind = StageKinds.Manager, Levels = 2, Name = "Director" }, new StagePolicy { Kind = StageKinds.Owner }),
            owner: new ItemOwner { PersonId = Mark.Id });
        var request = await organisation.SubmitAsync(item);

        request = await organisation.DecideAsync(item, request, Mark, approve: true, stage: 0);
        request = await organisation.DecideAsync(item, request, Bea, approve: true, stage: 1);

        Assert.Equal([Sam.Id, Sue.Id], request.PendingStage!.Approvers.Select(a => a.Id));
        Assert.EndsWith("it goes to Sam Security, Sue Security (the approver group IT Security)", request.History.Single(h => h.Action == AuditAction.Reroute).Comment);
    }

    [Fact]
    public async Task LaterStage_SharingApproversWithAnEarlierOne_LeavesOutOnlyWhoDecidedIt()
    {
        // Both stages ask IT Security: Sue decides step 1, so step 2 is Sam's alone.
        var organisation = new PolicyOrganisation();
        var item = Item(Stages(new StagePolicy { Kind = StageKinds.Group }, new StagePolicy { Kind = StageKinds.Owner }), owner: new ItemOwner { GroupId = Security.Id });
        var request = await organisation.SubmitAsync(item);

        request = await organisation.DecideAsync(item, request, Sue, approve: true, stage: 0);

        Assert.Equal([Sam.Id], request.PendingStage!.Approvers.Select(a => a.Id));
        Assert.Equal(
            "Sue Security decided an earlier step and may not decide Owner too: it goes to Sam Security (the rest of Owner)",
            request.History.Single(h => h.Action == AuditAction.Reroute).Comment);
    }

    [Fact]
    public async Task SampleOrganisation_JonisDeveloperLaptop_HasFinanceGoToIsaiahsManager_OnceIsaiahApprovedAsHerManager()
    {
        // Joni is in Finance Approvers with Isaiah, her manager: the group without her is Isaiah alone, who may not decide twice.
        var directory = SampleData.Directory();
        var workflow = new Workflow.RequestWorkflow(new InMemoryRequestStore(), SampleData.Catalog(), directory, new Core.Approvals.ApproverResolver(directory), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(SampleData.Start));
        var form = new Workflow.RequestForm("form-joni", "laptop-developer", "I model the forecasts on it.", "Low", new Dictionary<string, string?>
        {
            ["costCentre"] = "CC-2000", ["operatingSystem"] = "Windows 11", ["deliveryLocation"] = "London office", ["keyboardLayout"] = "UK",
        });
        var request = (await workflow.SubmitAsync(SampleData.Actor(SampleData.Joni), form)).Request!;

        request = await workflow.DecideAsync(request.Id, SampleData.Ref(SampleData.Isaiah), approve: true, null, 0);

        Assert.Equal(["Nestor Wilke"], request.PendingStage!.Approvers.Select(a => a.Name));
        Assert.Equal(
            "Isaiah Langer decided an earlier step and may not decide Finance Approvers too: it goes to Nestor Wilke (Isaiah Langer's manager)",
            request.History.Single(h => h.Action == AuditAction.Reroute).Comment);
    }

    [Fact]
    public async Task LaterStage_WithOtherApprovers_IsNotRerouted()
    {
        var organisation = new PolicyOrganisation();
        var item = Item(ApprovalPolicy.ManagerThenGroup);
        var request = await organisation.SubmitAsync(item);

        request = await organisation.DecideAsync(item, request, Mark, approve: true, stage: 0);

        Assert.Equal([Sam.Id, Sue.Id], request.PendingStage!.Approvers.Select(a => a.Id));
        Assert.Empty(request.Approvals[1].Fallbacks);
        Assert.DoesNotContain(request.History, h => h.Action == AuditAction.Reroute);
    }
}
