using ChatRequests.Core.Assignment;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Sla;

namespace ChatRequests.Core.Tests.Assignment;

public sealed class ServiceRequestAssignmentTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly PersonRef Requester = new("rita", "Rita Requester");
    private static readonly PersonRef Ann = new("ann", "Ann Agent");
    private static readonly PersonRef Ben = new("ben", "Ben Agent");

    [Fact]
    public void ReachTeam_WithAnAgent_AssignsAutomatically_OnceAndSaysWhy()
    {
        var request = Approved();

        Assert.True(request.ReachTeam(new AssigneeChoice(Ann, "least loaded: 2 open"), null, null, Start));
        Assert.False(request.ReachTeam(new AssigneeChoice(Ben, "round robin"), null, null, Start.AddMinutes(1)));

        Assert.Equal((RequestState.Assigned, Ann), (request.State, request.Assignee));
        var line = request.History[^1];
        Assert.Equal((AuditAction.Assign, PersonRef.System), (line.Action, line.Actor));
        Assert.Equal("Assigned automatically to Ann Agent (least loaded: 2 open)", line.Comment);
        Assert.Single(request.Outbox, e => e.Type == RequestEventType.Assigned && e.Actor == PersonRef.System);
    }

    [Fact]
    public void ReachTeam_NobodyAvailable_StaysUnassigned_WithTheReason_AndAReannounce()
    {
        var request = Approved();

        request.ReachTeam(new AssigneeChoice(null, "Ann Agent is away"), Start.AddHours(4), 4, Start);

        Assert.Equal(RequestState.Approved, request.State);
        Assert.Null(request.Assignee);
        Assert.Equal("Nobody available to assign automatically: Ann Agent is away.", request.AssignmentNote);
        Assert.Equal(AuditAction.NotAssigned, request.History[^1].Action);
        Assert.Equal(Start.AddHours(4), request.ReannounceDueAt);
        Assert.Equal(Start.AddHours(4), SlaPolicy.NextCheckAt(request));
    }

    [Fact]
    public void ReachTeam_AfterAnAgentTookIt_ChangesNothing()
    {
        var request = Approved();
        request.Assign(Ann, Ann, Start.AddMinutes(1));

        Assert.False(request.ReachTeam(new AssigneeChoice(Ben, "round robin"), Start.AddHours(4), 4, Start.AddMinutes(2)));
        Assert.Equal(Ann, request.Assignee);
        Assert.Null(request.ReannounceAt);
    }

    [Fact]
    public void CheckSla_Reannounces_OncePerPeriod_UntilAssigned()
    {
        var request = Approved();
        request.ReachTeam(null, Start.AddHours(4), 4, Start);

        Assert.False(request.CheckSla(Start.AddHours(3)).Reannounced);
        Assert.True(request.CheckSla(Start.AddHours(4)).Reannounced);
        Assert.False(request.CheckSla(Start.AddHours(4)).Reannounced);
        var reannounced = Assert.Single(request.Outbox, e => e.Type == RequestEventType.Reannounced);
        Assert.Equal("Still unassigned after 4 working hours", reannounced.Comment);
        Assert.Equal(AuditAction.Reannounce, request.History[^1].Action);

        // The worker that posted it sets the next period; a second call (redelivery) changes nothing.
        Assert.True(request.ScheduleNextReannounce(Start.AddHours(4), Start.AddHours(8)));
        Assert.False(request.ScheduleNextReannounce(Start.AddHours(4), Start.AddHours(9)));
        Assert.Equal(Start.AddHours(8), request.ReannounceDueAt);

        request.Assign(Ann, Ann, Start.AddHours(5));
        Assert.Null(request.ReannounceDueAt);
        Assert.False(request.CheckSla(Start.AddHours(8)).Reannounced);
        Assert.NotEqual(Start.AddHours(8), SlaPolicy.NextCheckAt(request));
    }

    [Fact]
    public void Reassign_AnAssignedRequest_KeepsTheWorkWhereItIs_AndRecordsWhoGaveItToWhom()
    {
        var request = Approved();
        request.Assign(Ann, Ann, Start.AddMinutes(1));
        request.SetStatus(Ann, RequestState.InProgress, null, Start.AddMinutes(2));

        request.Reassign(Ann, Ben, Start.AddMinutes(3));

        Assert.Equal((RequestState.InProgress, Ben), (request.State, request.Assignee));
        var line = request.History[^1];
        Assert.Equal((AuditAction.Reassign, Ann), (line.Action, line.Actor));
        Assert.Equal("Reassigned from Ann Agent to Ben Agent by Ann Agent", line.Comment);
        Assert.Equal(RequestEventType.Assigned, request.Outbox[^1].Type);
        Assert.Equal(Ann, request.Outbox[^1].Actor);
    }

    [Fact]
    public void Reassign_AnUnassignedRequest_AssignsIt()
    {
        var request = Approved();

        request.Reassign(Ann, Ben, Start.AddMinutes(1));

        Assert.Equal((RequestState.Assigned, Ben), (request.State, request.Assignee));
        Assert.Equal("Assigned to Ben Agent by Ann Agent", request.History[^1].Comment);
    }

    [Fact]
    public void Reassign_ToTheRequester_OrTheAssignee_OrWhenResolved_IsRefused_WithoutAChange()
    {
        var request = Approved();
        request.Assign(Ann, Ann, Start.AddMinutes(1));
        var version = request.History.Count;

        Assert.Throws<RequestRuleException>(() => request.Reassign(Ann, Requester, Start.AddMinutes(2)));
        Assert.Throws<RequestRuleException>(() => request.Reassign(Ben, Ann, Start.AddMinutes(2)));
        request.Resolve(Ann, "Done", Start.AddMinutes(3));
        Assert.Throws<RequestTransitionException>(() => request.Reassign(Ann, Ben, Start.AddMinutes(4)));
        Assert.Equal(version + 1, request.History.Count);
    }

    private static ServiceRequest Approved() => ServiceRequest.Submit(
        new ServiceRequest.Draft(
            "REQ-000042", "form-42", Requester, "mouse", "Standard mouse", "Hardware", null, "Broken.",
            new Dictionary<string, string>(), PriorityMatrix.Assess(Impact.Low, Urgency.Medium), "team-hardware", "Hardware Service",
            Start.AddHours(40), []),
        Start);
}
