using ChatRequests.Core.Catalog;
using ChatRequests.Core.Requests;
using static ChatRequests.Core.Tests.Approvals.PolicyOrganisation;

namespace ChatRequests.Core.Tests.Approvals;

/// <summary>An approver passes a pending stage on; the same rules hold as for any route.</summary>
public class AskSomeoneElseTests
{
    private static readonly CatalogItem ManagerThenOwner =
        Item(Stages(new StagePolicy { Kind = StageKinds.Manager }, new StagePolicy { Kind = StageKinds.Owner }));

    private static readonly PersonRef MarkRef = new(Mark.Id, Mark.Name);

    [Fact]
    public async Task ThePendingStage_GoesToThePersonAsked_ThroughTheRerouteLine()
    {
        var request = await new PolicyOrganisation().SubmitAsync(ManagerThenOwner);

        request.AskSomeoneElse(MarkRef, new PersonRef(Sue.Id, Sue.Name), 0, SampleData.Start.AddHours(1));

        Assert.Equal([Sue.Id], request.Approvals[0].Approvers.Select(a => a.Id));
        Assert.Equal(Mark.Id, Assert.Single(request.Approvals[0].Handovers).From.Id);
        Assert.Equal("Mark Manager asked Sue Security to decide Manager", request.History[^1].Comment);
        Assert.Equal(
            [RequestEventType.ApprovalRerouted, RequestEventType.ApprovalRequested],
            request.Outbox.TakeLast(2).Select(e => e.Type));
        Assert.True(RequestViewers.MayView(request, Mark.Id, owningTeam: null));
    }

    [Fact]
    public async Task TheRequester_OrSomeoneWhoDecidedAnEarlierStep_OrOneAlreadyAsked_IsRefused()
    {
        var organisation = new PolicyOrganisation();
        var request = await organisation.SubmitAsync(ManagerThenOwner);
        request = await organisation.DecideAsync(ManagerThenOwner, request, Mark, approve: true, stage: 0);
        var olga = new PersonRef(Olga.Id, Olga.Name);

        Assert.Contains("may not approve", Assert.Throws<RequestRuleException>(() => request.AskSomeoneElse(olga, new PersonRef(Rita.Id, Rita.Name), 1, SampleData.Start)).Message);
        Assert.Contains("decided an earlier step", Assert.Throws<RequestRuleException>(() => request.AskSomeoneElse(olga, MarkRef, 1, SampleData.Start)).Message);
        Assert.Contains("That is you", Assert.Throws<RequestRuleException>(() => request.AskSomeoneElse(olga, olga, 1, SampleData.Start)).Message);
        Assert.Throws<NotPermittedException>(() => request.AskSomeoneElse(new PersonRef(Sue.Id, Sue.Name), olga, 1, SampleData.Start));
        Assert.Throws<AlreadyDecidedException>(() => request.AskSomeoneElse(MarkRef, olga, 0, SampleData.Start));
    }

    [Fact]
    public async Task ThePersonAsked_WhoDelegated_HasTheirStandInDecide_OnTheirBehalf()
    {
        var request = await new PolicyOrganisation().SubmitAsync(ManagerThenOwner);
        var sue = new PersonRef(Sue.Id, Sue.Name);
        var sam = new PersonRef(Sam.Id, Sam.Name);

        request.AskSomeoneElse(MarkRef, sue, 0, SampleData.Start.AddHours(1), new StandIn(sam, sue, "delegated approvals until 31 Dec 2026"));

        Assert.Equal([Sam.Id], request.Approvals[0].Approvers.Select(a => a.Id));
        Assert.Equal(Sue.Id, request.Approvals[0].OnBehalfOf(Sam.Id)?.Id);
        Assert.Equal(
            "Mark Manager asked Sam Security on behalf of Sue Security to decide Manager (Sue Security delegated approvals until 31 Dec 2026)",
            request.History[^1].Comment);
        Assert.Equal("Mark Manager asked Sam Security on behalf of Sue Security to decide your approval.", request.Outbox[^2].Comment);

        request.Decide(sam, approve: true, null, 0, SampleData.Start.AddHours(2));
        Assert.Equal("Sam Security on behalf of Sue Security", request.Approvals[0].Decision?.ByWhom);
    }

    [Fact]
    public async Task AStandIn_WhoMayNotDecide_IsRefused_AsThePersonWouldBe()
    {
        var request = await new PolicyOrganisation().SubmitAsync(ManagerThenOwner);
        var sue = new PersonRef(Sue.Id, Sue.Name);
        var rita = new PersonRef(Rita.Id, Rita.Name);

        var refused = Assert.Throws<RequestRuleException>(() =>
            request.AskSomeoneElse(MarkRef, sue, 0, SampleData.Start, new StandIn(rita, sue, "delegated approvals until 31 Dec 2026")));
        Assert.Equal("Sue Security delegated approvals until 31 Dec 2026: Rita Requester asked for this request and may not approve it.", refused.Message);
        Assert.Contains("that is you", Assert.Throws<RequestRuleException>(() =>
            request.AskSomeoneElse(MarkRef, sue, 0, SampleData.Start, new StandIn(MarkRef, sue, "is away, so their manager decides"))).Message);
        Assert.Equal([Mark.Id], request.Approvals[0].Approvers.Select(a => a.Id));
    }
}
