using System.Text.Json;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Sla;
using ChatRequests.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace ChatRequests.Core.Tests;

/// <summary>The SLA policy on the request: reminders, at-risk warnings and escalations, each once, at exact instants.</summary>
public sealed class ServiceRequestSlaTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly PersonRef Requester = new("u-rita", "Rita Requester");
    private static readonly PersonRef Manager = new("u-mark", "Mark Manager");
    private static readonly PersonRef Security = new("u-sam", "Sam Security");
    private static readonly PersonRef Agent = new("u-ann", "Ann Agent");
    private static readonly ApprovalStage ManagerStage = new("Manager", [Manager]);
    private static readonly ApprovalStage SecurityStage = new("IT Security", [Security]);

    // 40 hours to the target: at risk after 30 hours, breached just after 40.
    private static readonly DateTimeOffset AtRisk = Start.AddHours(30);
    private static readonly DateTimeOffset Due = Start.AddHours(40);

    private readonly FakeTimeProvider _clock = new(Start);

    [Fact]
    public void AwaitingApproval_RemindsTheApproversOnce_24HoursAfterTheStageWasRequested()
    {
        var request = Submit(ManagerStage);
        Assert.Equal(Start.AddHours(24), request.SlaCheckAt);

        Assert.False(request.CheckSla(Start.AddHours(24).AddTicks(-1)).DidAnything);
        var outcome = request.CheckSla(Start.AddHours(24));

        Assert.Equal(SlaOutcome.None with { RemindedApprovers = true }, outcome);
        Assert.Equal(Start.AddHours(24), request.Approvals[0].RemindedAt);
        var entry = request.History[^1];
        Assert.Equal((AuditAction.RemindApprovers, RequestState.AwaitingApproval, RequestState.AwaitingApproval), (entry.Action, entry.From, entry.To));
        Assert.Equal(PersonRef.System, entry.Actor);
        Assert.Contains("Mark Manager", entry.Comment);
        Assert.Equal(RequestEventType.ApprovalReminder, request.Outbox[^1].Type);
        Assert.Equal(RequestState.AwaitingApproval, request.State);
        Assert.Null(request.SlaCheckAt);
    }

    [Fact]
    public void CheckSla_CalledTwiceAtTheSameTimeOrLater_DoesItOnce()
    {
        var request = Submit(ManagerStage);
        request.CheckSla(Start.AddHours(24));
        var events = request.Outbox.Count;
        var history = request.History.Count;

        Assert.False(request.CheckSla(Start.AddHours(24)).DidAnything);
        Assert.False(request.CheckSla(Start.AddDays(30)).DidAnything);

        Assert.Equal(events, request.Outbox.Count);
        Assert.Equal(history, request.History.Count);
    }

    [Fact]
    public void TwoStages_TheSecondGetsItsOwnReminder24HoursAfterItWasRequested()
    {
        var request = Submit(ManagerStage, SecurityStage);
        request.CheckSla(Start.AddHours(24));
        request.Decide(Manager, approve: true, null, 0, Start.AddHours(30));

        Assert.Equal(Start.AddHours(30), request.Approvals[1].RequestedAt);
        Assert.Equal(Start.AddHours(54), request.SlaCheckAt);
        Assert.False(request.CheckSla(Start.AddHours(54).AddTicks(-1)).DidAnything);
        Assert.True(request.CheckSla(Start.AddHours(54)).RemindedApprovers);
        Assert.Equal(Start.AddHours(54), request.Approvals[1].RemindedAt);
        Assert.Equal(2, request.Outbox.Count(e => e.Type == RequestEventType.ApprovalReminder));
    }

    [Fact]
    public void StageDecidedBeforeItsReminder_IsNeverReminded_AndTheTargetCountsFromThen()
    {
        var request = Submit(ManagerStage);
        request.Decide(Manager, approve: true, null, 0, Start.AddHours(2));

        Assert.Equal(AtRisk, request.SlaCheckAt);
        Assert.False(request.CheckSla(Start.AddHours(24)).DidAnything);
        Assert.Null(request.Approvals[0].RemindedAt);
        Assert.DoesNotContain(request.Outbox, e => e.Type == RequestEventType.ApprovalReminder);
    }

    // Awaiting parts and waiting for the requester stop the clock: ServiceRequestPauseTests.
    public static TheoryData<RequestState> WorkingStates() =>
    [
        RequestState.Approved, RequestState.Assigned, RequestState.InProgress, RequestState.Scheduled, RequestState.Reopened,
    ];

    [Theory]
    [MemberData(nameof(WorkingStates))]
    public void WorkingState_WarnsOnceAtThreeQuarters_ThenEscalatesOnceJustAfterTheTarget(RequestState state)
    {
        var request = InState(state);
        var history = request.History.Count;

        Assert.Equal(AtRisk, request.SlaCheckAt);
        Assert.False(request.CheckSla(AtRisk.AddTicks(-1)).DidAnything);
        Assert.Equal(SlaOutcome.None with { WarnedAtRisk = true }, request.CheckSla(AtRisk));
        Assert.False(request.CheckSla(AtRisk).DidAnything);
        Assert.Equal(Due.AddTicks(1), request.SlaCheckAt);

        Assert.False(request.CheckSla(Due).DidAnything);
        Assert.Equal(SlaOutcome.None with { Escalated = true }, request.CheckSla(Due.AddTicks(1)));
        Assert.False(request.CheckSla(Due.AddDays(3)).DidAnything);

        Assert.Equal(state, request.State);
        Assert.Equal(AtRisk, request.SlaWarnedAt);
        Assert.Equal(Due.AddTicks(1), request.SlaEscalatedAt);
        Assert.Null(request.SlaCheckAt);
        Assert.Equal([AuditAction.SlaAtRisk, AuditAction.Escalate], request.History.Skip(history).Select(h => h.Action));
        Assert.All(request.History.Skip(history), h => Assert.Equal((state, state, PersonRef.System), (h.From, h.To, h.Actor)));
        Assert.Equal([RequestEventType.SlaAtRisk, RequestEventType.SlaBreached],
            request.Outbox.Where(e => e.Actor == PersonRef.System).Select(e => e.Type));
    }

    [Fact]
    public void FirstCheckAfterTheTarget_EscalatesWithoutTheSkippedWarning()
    {
        var request = InState(RequestState.InProgress);

        var outcome = request.CheckSla(Due.AddHours(5));

        Assert.Equal(SlaOutcome.None with { Escalated = true }, outcome);
        Assert.Null(request.SlaWarnedAt);
        Assert.Null(request.SlaCheckAt);
        Assert.DoesNotContain(request.Outbox, e => e.Type == RequestEventType.SlaAtRisk);
    }

    [Fact]
    public void AwaitingApprovalPastTheTarget_IsNotEscalated_UntilApproved()
    {
        var request = Submit(ManagerStage);
        request.CheckSla(Start.AddHours(24));

        Assert.False(request.CheckSla(Due.AddHours(1)).DidAnything);
        request.Decide(Manager, approve: true, null, 0, Due.AddHours(2));

        // Both the warning and the breach are due at once; only the escalation is done.
        Assert.Equal(AtRisk, request.SlaCheckAt);
        Assert.Equal(SlaOutcome.None with { Escalated = true }, request.CheckSla(Due.AddHours(2)));
    }

    public static TheoryData<RequestState> DoneStates() =>
        [RequestState.Fulfilled, RequestState.Closed, RequestState.Cancelled, RequestState.Rejected];

    [Theory]
    [MemberData(nameof(DoneStates))]
    public void FulfilledOrFinal_HasNothingDue_Ever(RequestState state)
    {
        var request = InState(state);

        Assert.Null(request.SlaCheckAt);
        Assert.False(request.CheckSla(Due.AddDays(100)).DidAnything);
    }

    [Fact]
    public void ReopenedAfterTheTarget_IsEscalated_ButAnEscalatedRequestIsNotEscalatedAgain()
    {
        var late = InState(RequestState.Fulfilled);
        late.Reopen(Requester, "Still broken", Due.AddHours(1));
        Assert.True(late.CheckSla(Due.AddHours(1)).Escalated);

        var escalated = InState(RequestState.InProgress);
        escalated.CheckSla(Due.AddHours(1));
        escalated.Resolve(Agent, "Fixed", Due.AddHours(2));
        escalated.Reopen(Requester, "Not fixed", Due.AddHours(3));

        Assert.Null(escalated.SlaCheckAt);
        Assert.False(escalated.CheckSla(Due.AddHours(4)).DidAnything);
    }

    [Fact]
    public void DocumentWrittenBeforeTheSlaMarks_FallsBackToTheHistory()
    {
        var twoStages = Submit(ManagerStage, SecurityStage);
        twoStages.Decide(Manager, approve: true, null, 0, Start.AddHours(3));
        var old = WithoutSlaMarks(twoStages);

        Assert.Null(old.Approvals[1].RequestedAt);
        Assert.Equal(Start.AddHours(27), old.SlaCheckAt);
        Assert.True(old.CheckSla(Start.AddHours(27)).RemindedApprovers);

        var firstStage = WithoutSlaMarks(Submit(ManagerStage));
        Assert.Equal(Start.AddHours(24), firstStage.SlaCheckAt);

        var working = WithoutSlaMarks(InState(RequestState.Assigned));
        Assert.Equal(AtRisk, working.SlaCheckAt);
        Assert.True(working.CheckSla(AtRisk).WarnedAtRisk);
    }

    [Fact]
    public void SlaCheckAt_IsWrittenIntoTheDocument()
    {
        var json = JsonSerializer.SerializeToNode(Submit(ManagerStage), RequestJson.Options)!;

        Assert.Equal(Start.AddHours(24), json["slaCheckAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(Start, json["approvals"]![0]!["requestedAt"]!.GetValue<DateTimeOffset>());
    }

    private static ServiceRequest WithoutSlaMarks(ServiceRequest request)
    {
        var doc = JsonSerializer.SerializeToNode(request, RequestJson.Options)!.AsObject();
        foreach (var name in new[] { "slaCheckAt", "slaWarnedAt", "slaEscalatedAt" })
        {
            doc.Remove(name);
        }

        foreach (var stage in doc["approvals"]!.AsArray())
        {
            stage!.AsObject().Remove("requestedAt");
            stage.AsObject().Remove("remindedAt");
        }

        return doc.Deserialize<ServiceRequest>(RequestJson.Options)!;
    }

    /// <summary>A request submitted at <see cref="Start"/> (due 40 hours later) and moved into the state, all within the first hour.</summary>
    private ServiceRequest InState(RequestState state)
    {
        var at = Start.AddMinutes(10);
        if (state == RequestState.Rejected)
        {
            var rejected = Submit(ManagerStage);
            rejected.Decide(Manager, approve: false, "No", 0, at);
            return rejected;
        }

        var request = Submit();
        switch (state)
        {
            case RequestState.Approved:
                break;
            case RequestState.Assigned:
                request.Assign(Agent, Agent, at);
                break;
            case RequestState.InProgress or RequestState.AwaitingParts or RequestState.Scheduled:
                request.Assign(Agent, Agent, at);
                request.SetStatus(Agent, state, null, at);
                break;
            case RequestState.AwaitingRequester:
                request.Assign(Agent, Agent, at);
                request.AskRequester(Agent, "Which colour?", at);
                break;
            case RequestState.Fulfilled or RequestState.Closed or RequestState.Reopened:
                request.Assign(Agent, Agent, at);
                request.Resolve(Agent, "Done", at);
                if (state == RequestState.Closed)
                {
                    request.Confirm(Requester, 5, null, at);
                }
                else if (state == RequestState.Reopened)
                {
                    request.Reopen(Requester, "Not working", at);
                }

                break;
            case RequestState.Cancelled:
                request.Cancel(Requester, null, at);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(state));
        }

        Assert.Equal(state, request.State);
        return request;
    }

    private ServiceRequest Submit(params ApprovalStage[] stages) =>
        ServiceRequest.Submit(
            new ServiceRequest.Draft(
                "REQ-000042", "form-42", Requester, "laptop-standard", "Standard laptop", "Hardware", null, "Old laptop.",
                new Dictionary<string, string>(), PriorityMatrix.Assess(Impact.Low, Urgency.Medium), "team-hardware", "Hardware Service",
                Due, stages),
            _clock.GetUtcNow());
}
