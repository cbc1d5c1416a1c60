using System.Text.Json;
using ChatRequests.Core.Approvals;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using static ChatRequests.Core.Tests.Approvals.PolicyOrganisation;

namespace ChatRequests.Core.Tests.Approvals;

/// <summary>A stage put to an approver who delegates (or is away) goes to their stand-in, who decides on their behalf.</summary>
public class DelegationRoutingTests
{
    private static readonly CatalogItem ManagerItem = Item(Stages(new StagePolicy { Kind = StageKinds.Manager }));

    private static readonly CatalogItem ManagerThenOwner =
        Item(Stages(new StagePolicy { Kind = StageKinds.Manager }, new StagePolicy { Kind = StageKinds.Owner }));

    [Fact]
    public async Task Submit_ToAnApproverWhoDelegates_GoesToTheDelegate_OnTheirBehalf()
    {
        var organisation = new PolicyOrganisation();
        await organisation.Delegations.SetAsync(Delegating(organisation, Mark, Sam));

        var request = await organisation.SubmitAsync(ManagerItem);

        var stage = request.Approvals[0];
        Assert.Equal([Sam.Id], stage.Approvers.Select(a => a.Id));
        Assert.Equal(Mark.Id, stage.OnBehalfOf(Sam.Id)?.Id);
        Assert.Contains(request.History, h => h.Action == AuditAction.Reroute
            && h.Comment == "Mark Manager delegated approvals until 31 Dec 2026: Manager goes to Sam Security on behalf of Mark Manager");
    }

    [Fact]
    public async Task Decide_ByTheDelegate_RecordsBothPeople()
    {
        var organisation = new PolicyOrganisation();
        await organisation.Delegations.SetAsync(Delegating(organisation, Mark, Sam));
        var request = await organisation.SubmitAsync(ManagerItem);

        request = await organisation.DecideAsync(ManagerItem, request, Sam, approve: true, stage: 0);

        var decision = request.Approvals[0].Decision!;
        Assert.Equal((Sam.Id, Mark.Id), (decision.ById, decision.OnBehalfOf?.Id));
        Assert.Equal("Sam Security on behalf of Mark Manager", decision.ByWhom);
        Assert.Equal("Sam Security on behalf of Mark Manager", request.History[^1].Actor.Name);
        Assert.Equal(Sam.Id, request.History[^1].Actor.Id);
    }

    [Fact]
    public async Task Decide_ByTheApproverWhoDelegated_IsRefused()
    {
        var organisation = new PolicyOrganisation();
        await organisation.Delegations.SetAsync(Delegating(organisation, Mark, Sam));
        var request = await organisation.SubmitAsync(ManagerItem);

        await Assert.ThrowsAsync<NotPermittedException>(() => organisation.DecideAsync(ManagerItem, request, Mark, approve: true, stage: 0));
    }

    [Fact]
    public async Task ADelegationThatRanOut_IsNotFollowed()
    {
        var organisation = new PolicyOrganisation();
        await organisation.Delegations.SetAsync(Delegating(organisation, Mark, Sam) with { Until = organisation.Clock.GetUtcNow() });

        var request = await organisation.SubmitAsync(ManagerItem);

        Assert.Equal([Mark.Id], request.Approvals[0].Approvers.Select(a => a.Id));
    }

    [Fact]
    public async Task Delegation_DoesNotChain()
    {
        var organisation = new PolicyOrganisation();
        await organisation.Delegations.SetAsync(Delegating(organisation, Mark, Sam));
        await organisation.Delegations.SetAsync(Delegating(organisation, Sam, Sue));

        var request = await organisation.SubmitAsync(ManagerItem);

        Assert.Equal([Sam.Id], request.Approvals[0].Approvers.Select(a => a.Id));
    }

    [Fact]
    public async Task ADelegateWhoRaisedTheRequest_DoesNotDecideIt_TheStageGoesDownItsFallbacks()
    {
        // Mark delegates to Rita, who asks: the manager stage goes to Bea, Mark's manager.
        var organisation = new PolicyOrganisation();
        await organisation.Delegations.SetAsync(Delegating(organisation, Mark, Rita));

        var request = await organisation.SubmitAsync(ManagerItem);

        Assert.Equal([Bea.Id], request.Approvals[0].Approvers.Select(a => a.Id));
        Assert.Empty(request.Approvals[0].StandIns);
        Assert.Contains(request.History, h => h.Action == AuditAction.Reroute && h.Comment!.Contains("Rita Requester raised this request", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADelegateWhoDecidedAnEarlierStage_DoesNotDecideTheNext()
    {
        // Olga (owner, stage 2) delegates to Mark, who approved stage 1: stage 2 goes to Olga's fallback, Bea.
        var organisation = new PolicyOrganisation();
        await organisation.Delegations.SetAsync(Delegating(organisation, Olga, Mark));
        var request = await organisation.SubmitAsync(ManagerThenOwner);

        request = await organisation.DecideAsync(ManagerThenOwner, request, Mark, approve: true, stage: 0);

        Assert.Equal([Bea.Id], request.Approvals[1].Approvers.Select(a => a.Id));
        Assert.Null(request.Approvals[1].OnBehalfOf(Mark.Id));
    }

    [Fact]
    public async Task ADelegationSetAfterSubmission_AppliesWhenTheNextStageIsPut()
    {
        var organisation = new PolicyOrganisation();
        var request = await organisation.SubmitAsync(ManagerThenOwner);
        await organisation.Delegations.SetAsync(Delegating(organisation, Olga, Sue));

        request = await organisation.DecideAsync(ManagerThenOwner, request, Mark, approve: true, stage: 0);

        Assert.Equal([Sue.Id], request.Approvals[1].Approvers.Select(a => a.Id));
        Assert.Equal(Olga.Id, request.Approvals[1].OnBehalfOf(Sue.Id)?.Id);
    }

    [Fact]
    public async Task AnApproverAwayWithoutADelegate_HasTheirManagerDecide()
    {
        var organisation = new PolicyOrganisation { Absences = new Away(Mark.Id) };

        var request = await organisation.SubmitAsync(ManagerItem);

        Assert.Equal([Bea.Id], request.Approvals[0].Approvers.Select(a => a.Id));
        Assert.Equal(Mark.Id, request.Approvals[0].OnBehalfOf(Bea.Id)?.Id);
        Assert.Contains(request.History, h => h.Comment == "Mark Manager is away until 11 Dec 2026, so their manager decides: Manager goes to Bea Boss on behalf of Mark Manager");
    }

    [Fact]
    public async Task ADelegateSet_WinsOverTheAbsence()
    {
        var organisation = new PolicyOrganisation { Absences = new Away(Mark.Id) };
        await organisation.Delegations.SetAsync(Delegating(organisation, Mark, Sam));

        var request = await organisation.SubmitAsync(ManagerItem);

        Assert.Equal([Sam.Id], request.Approvals[0].Approvers.Select(a => a.Id));
    }

    [Fact]
    public async Task AStageThatTimesOut_GoesToTheFallbacksStandIn()
    {
        var item = ManagerItem with { ApprovalTimeoutHours = 48 };
        var request = await new PolicyOrganisation().SubmitAsync(item);
        var bea = new PersonRef(Bea.Id, Bea.Name);
        var standIns = new Dictionary<string, StandIn> { [Bea.Id] = new(new PersonRef(Sue.Id, Sue.Name), bea, "delegated approvals until 31 Dec 2026") };
        request.CheckSla(SampleData.Start.AddHours(25));

        request.CheckSla(SampleData.Start.AddHours(49), standIns);

        Assert.Equal([Sue.Id], request.Approvals[0].Approvers.Select(a => a.Id));
        Assert.Equal(Bea.Id, request.Approvals[0].OnBehalfOf(Sue.Id)?.Id);
        Assert.Contains(request.Outbox, e => e.Comment == "Mark Manager did not answer your approval in 48 hours; it went to Sue Security on behalf of Bea Boss.");
    }

    [Fact]
    public async Task AnUnreachableApprover_GoesToTheFallbacksStandIn()
    {
        var request = await new PolicyOrganisation().SubmitAsync(ManagerItem);
        var bea = new PersonRef(Bea.Id, Bea.Name);
        var standIns = new Dictionary<string, StandIn> { [Bea.Id] = new(new PersonRef(Sam.Id, Sam.Name), bea, "delegated approvals until 31 Dec 2026") };

        var outcome = request.RerouteUnreachable(new PersonRef(Mark.Id, Mark.Name), "not found", SampleData.Start.AddMinutes(1), standIns);

        Assert.Equal(RerouteOutcome.Rerouted, outcome);
        Assert.Equal([Sam.Id], request.Approvals[0].Approvers.Select(a => a.Id));
        Assert.Contains(request.Outbox, e => e.Comment == "Your approval could not reach Mark Manager; it went to Sam Security on behalf of Bea Boss.");
    }

    [Fact]
    public async Task AStoredDocumentWithAStandIn_ReadsBackTheSame()
    {
        var organisation = new PolicyOrganisation();
        await organisation.Delegations.SetAsync(Delegating(organisation, Mark, Sam));
        var request = await organisation.SubmitAsync(ManagerItem);
        request = await organisation.DecideAsync(ManagerItem, request, Sam, approve: true, stage: 0);

        var json = JsonSerializer.Serialize(request, RequestJson.Options);
        var read = JsonSerializer.Deserialize<ServiceRequest>(json, RequestJson.Options)!;

        Assert.Equal(Mark.Id, read.Approvals[0].OnBehalfOf(Sam.Id)?.Id);
        Assert.Equal(Mark.Id, read.Approvals[0].Decision!.OnBehalfOf?.Id);
        Assert.Equal(json, JsonSerializer.Serialize(read, RequestJson.Options));
    }

    private static Delegation Delegating(PolicyOrganisation organisation, Person approver, Person to) => new(
        new PersonRef(approver.Id, approver.Name),
        new PersonRef(to.Id, to.Name),
        new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero),
        organisation.Clock.GetUtcNow(),
        new PersonRef(approver.Id, approver.Name));

    private sealed class Away(string personId) : IAbsenceCalendar
    {
        public Task<Absence?> FindAbsenceAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default) =>
            Task.FromResult(id == personId ? new Absence(null, new DateTimeOffset(2026, 12, 12, 0, 0, 0, TimeSpan.Zero)) : null);
    }
}
