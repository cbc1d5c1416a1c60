using System.Text.Json;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.PortContracts.Storage;

// Approval policies: stages decided by all their approvers, fallbacks, rerouting and pre-authorisation are stored too.
public abstract partial class RequestStoreContract
{
    [Fact]
    public async Task GetAsync_AllStagePartlyApprovedWithFallbacksAndAReroute_ReturnsItExactlyAsSaved()
    {
        // Bob approves step 1; step 2 (all of Bob and Carol) leaves Bob out, and Carol's approval waits for nobody else.
        var everyone = new ApprovalStage("Owners", [Bob, Carol, Dave]) { Mode = ApprovalMode.All, Fallbacks = [new StageRoute("Bob Manager's manager", [Erin])] };
        var request = Submit("REQ-000001", stages: [ManagerStage(), everyone]);
        request.Decide(Bob, approve: true, null, 0, Start.AddHours(1));
        request.Decide(Carol, approve: true, "Yes", 1, Start.AddHours(2));
        await Store.CreateAsync(request);

        var loaded = (await ReopenStore().GetAsync("REQ-000001"))!;

        Assert.Equal(JsonSerializer.Serialize(request, RequestJson.Options), JsonSerializer.Serialize(loaded, RequestJson.Options));
        var stage = loaded.Approvals[1];
        Assert.Equal(ApprovalMode.All, stage.Mode);
        Assert.Equal([Carol, Dave], stage.Approvers);
        Assert.Equal([Carol.Id], stage.ApprovedBy.Select(d => d.ById));
        Assert.Equal([Dave], stage.Awaiting);
        Assert.Equal("Bob Manager's manager", Assert.Single(stage.Fallbacks).Why);
        Assert.Contains(loaded.History, h => h.Action == AuditAction.Reroute);
        Assert.Contains(loaded.History, h => h.Action == AuditAction.ApprovePart);
    }

    [Fact]
    public async Task ListPendingApprovalAsync_AllStage_ListsItOnlyForApproversWhoHaveNotApprovedYet()
    {
        var request = Submit("REQ-000001", stages: [SecurityStage() with { Mode = ApprovalMode.All }]);
        await Store.CreateAsync(request);
        Assert.Equal(["REQ-000001"], await PendingIdsAsync(Carol));

        request.Decide(Carol, approve: true, null, 0, Start.AddHours(1));
        await Store.SaveAsync(request);

        Assert.Empty(await PendingIdsAsync(Carol));
        Assert.Equal(["REQ-000001"], await PendingIdsAsync(Dave));
    }

    [Fact]
    public async Task GetAsync_PreAuthorisedRequest_KeepsTheReason()
    {
        var draft = new ServiceRequest.Draft(
            "REQ-000001", "form-1", Alice, "ide", "IDE licence", "Software", null, "For the new project.",
            new Dictionary<string, string>(), PriorityMatrix.Assess(Impact.Low, Urgency.Low), "team-software", "Software team",
            Start.AddHours(8), [], PreAuthorisation: "pre-authorised: Engineering gets IDE licence");
        await Store.CreateAsync(ServiceRequest.Submit(draft, Start));

        var loaded = (await ReopenStore().GetAsync("REQ-000001"))!;

        Assert.Equal("pre-authorised: Engineering gets IDE licence", loaded.PreAuthorisation);
        Assert.Equal(RequestState.Approved, loaded.State);
    }
}
