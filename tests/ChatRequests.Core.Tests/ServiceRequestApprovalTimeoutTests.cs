using System.Text.Json;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Sla;
using ChatRequests.Core.Storage;

namespace ChatRequests.Core.Tests;

/// <summary>
/// Approval timeouts (issue 11): after the reminder, a stage its approvers did not answer in the item's timeout goes to
/// its first fallback through the reroute line, once per stage.
/// </summary>
public sealed class ServiceRequestApprovalTimeoutTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly PersonRef Requester = new("u-rita", "Rita Requester");
    private static readonly PersonRef Manager = new("u-mark", "Mark Manager");
    private static readonly PersonRef Boss = new("u-bea", "Bea Boss");
    private static readonly PersonRef Group = new("u-gus", "Gus Group");

    private static readonly ApprovalStage ManagerStage = new("Manager", [Manager])
    {
        TimeoutHours = 48,
        Fallbacks = [new StageRoute("Mark Manager's manager", [Boss]), new StageRoute("the approver group", [Group])],
    };

    [Fact]
    public void AfterTheReminder_TheStageGoesToTheFirstFallback_AtTheTimeout()
    {
        var request = Submit(ManagerStage);
        request.CheckSla(Start.AddHours(24));
        Assert.Equal(Start.AddHours(48), request.SlaCheckAt);

        Assert.False(request.CheckSla(Start.AddHours(48).AddTicks(-1)).DidAnything);
        var events = request.Outbox.Count;
        var outcome = request.CheckSla(Start.AddHours(48));

        Assert.Equal(SlaOutcome.None with { TimedOutApproval = true }, outcome);
        var stage = request.Approvals[0];
        Assert.Equal([Boss], stage.Approvers);
        Assert.Equal(Start.AddHours(48), stage.TimedOutAt);
        Assert.Equal(Start.AddHours(48), stage.RequestedAt);
        Assert.Null(stage.RemindedAt);
        Assert.Equal([Manager], stage.Late);
        var entry = request.History[^1];
        Assert.Equal(AuditAction.Reroute, entry.Action);
        Assert.Equal("Mark Manager did not answer in 48 hours: Manager goes to Bea Boss (Mark Manager's manager)", entry.Comment);
        Assert.Equal(RequestState.AwaitingApproval, request.State);
        Assert.Equal(
            [RequestEventType.ApprovalRerouted, RequestEventType.ApprovalTimedOut, RequestEventType.ApprovalRequested],
            request.Outbox.Skip(events).Select(e => e.Type));
        Assert.Contains("did not answer your approval in 48 hours; it went to Bea Boss", request.Outbox[events].Comment);
    }

    [Fact]
    public void TheNewApprover_IsRemindedButNotTimedOutAgain()
    {
        var request = Submit(ManagerStage);
        request.CheckSla(Start.AddHours(24));
        request.CheckSla(Start.AddHours(48));

        Assert.Equal(Start.AddHours(72), request.SlaCheckAt);
        Assert.True(request.CheckSla(Start.AddHours(72)).RemindedApprovers);
        Assert.Null(request.SlaCheckAt);
        Assert.False(request.CheckSla(Start.AddDays(30)).DidAnything);
        Assert.Equal([Boss], request.Approvals[0].Approvers);
    }

    [Fact]
    public void ATimeoutShorterThanTheReminder_WaitsForTheReminderFirst()
    {
        var request = Submit(ManagerStage with { TimeoutHours = 4 });
        Assert.Equal(Start.AddHours(24), request.SlaCheckAt);

        Assert.True(request.CheckSla(Start.AddHours(24)).RemindedApprovers);
        Assert.Equal(Start.AddHours(24), request.SlaCheckAt);
        Assert.True(request.CheckSla(Start.AddHours(24)).TimedOutApproval);
        Assert.Equal([Boss], request.Approvals[0].Approvers);
    }

    [Fact]
    public void WithNobodyElse_TheStageStaysAndTheHistorySaysSo_Once()
    {
        var request = Submit(ManagerStage with { Fallbacks = [new StageRoute("the requester", [Requester])] });
        request.CheckSla(Start.AddHours(24));
        var events = request.Outbox.Count;

        Assert.True(request.CheckSla(Start.AddHours(48)).TimedOutApproval);

        Assert.Equal([Manager], request.Approvals[0].Approvers);
        Assert.Empty(request.Approvals[0].Late);
        Assert.Equal("Mark Manager did not answer in 48 hours, and nobody else can decide Manager: it stays with them", request.History[^1].Comment);
        Assert.Equal(events, request.Outbox.Count);
        Assert.Null(request.SlaCheckAt);
        Assert.False(request.CheckSla(Start.AddDays(30)).DidAnything);
    }

    [Fact]
    public void WithoutATimeout_NothingHappensAfterTheReminder()
    {
        var request = Submit(ManagerStage with { TimeoutHours = null });
        request.CheckSla(Start.AddHours(24));

        Assert.Null(request.SlaCheckAt);
        Assert.False(request.CheckSla(Start.AddDays(30)).DidAnything);
    }

    [Fact]
    public void TheTimeoutMark_SurvivesASaveAndLoad_SoItFiresOnce()
    {
        var request = Submit(ManagerStage);
        request.CheckSla(Start.AddHours(24));
        request.CheckSla(Start.AddHours(48));

        var json = JsonSerializer.Serialize(request, RequestJson.Options);
        var loaded = JsonSerializer.Deserialize<ServiceRequest>(json, RequestJson.Options)!;

        Assert.Equal(48, loaded.Approvals[0].TimeoutHours);
        Assert.Equal(Start.AddHours(48), loaded.Approvals[0].TimedOutAt);
        Assert.Equal([Manager], loaded.Approvals[0].Late);
        loaded.CheckSla(Start.AddHours(72));
        Assert.False(loaded.CheckSla(Start.AddDays(30)).TimedOutApproval);
    }

    [Fact]
    public void AStageWithoutTimeout_IsWrittenWithoutTheNewProperties()
    {
        var json = JsonSerializer.Serialize(new ApprovalStage("Manager", [Manager]), RequestJson.Options);

        Assert.DoesNotContain("timeout", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("timedOut", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("late", json, StringComparison.OrdinalIgnoreCase);
    }

    private static ServiceRequest Submit(params ApprovalStage[] stages) =>
        ServiceRequest.Submit(
            new ServiceRequest.Draft(
                "REQ-000042", "form-42", Requester, "laptop-standard", "Standard laptop", "Hardware", null, "Old laptop.",
                new Dictionary<string, string>(), PriorityMatrix.Assess(Impact.Low, Urgency.Medium), "team-hardware", "Hardware Service",
                Start.AddDays(10), stages),
            Start);
}
