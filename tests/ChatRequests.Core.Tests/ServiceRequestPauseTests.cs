using System.Text.Json;
using ChatRequests.Core.BusinessHours;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;

namespace ChatRequests.Core.Tests;

/// <summary>The fulfilment clock stops while the request waits for its requester or for parts, and the target moves on.</summary>
public sealed class ServiceRequestPauseTests
{
    // Monday 30 November 2026, 09:00 in Berlin (UTC+1); the target is 20 working hours later, Wednesday 09:00.
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(1));
    private static readonly PersonRef Requester = new("u-rita", "Rita Requester");
    private static readonly PersonRef Agent = new("u-ann", "Ann Agent");

    private static readonly WorkingCalendar Berlin = new CalendarDefinition
    {
        TimeZone = "Europe/Berlin", WorkingDays = ["Mon", "Tue", "Wed", "Thu", "Fri"], Hours = "08:00-18:00",
    }.ToWorkingCalendar();

    private static readonly DateTimeOffset Due = Berlin.Add(Start, TimeSpan.FromHours(20));
    private static readonly DateTimeOffset AtRisk = Berlin.Add(Start, TimeSpan.FromHours(15));

    [Fact]
    public void Question_PausesTheClock_NothingIsWarnedOrEscalated_AndTheAnswerMovesTheTargetByTheWorkingTimeWaited()
    {
        var request = Assigned();
        request.AskRequester(Agent, "Which office?", Start.AddHours(2));

        Assert.Equal(Start.AddHours(2), request.PausedSince);
        Assert.Null(request.SlaCheckAt);
        Assert.Equal((AuditAction.ClockPaused, "Waiting for the requester's answer"), (request.History[^1].Action, request.History[^1].Comment));
        Assert.False(request.CheckSla(Due.AddDays(5)).DidAnything);

        // Answered Tuesday 12:00: Monday 11:00-18:00 and Tuesday 08:00-12:00 were waited, 11 working hours.
        var answeredAt = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.FromHours(1));
        request.Answer(Requester, "Berlin", answeredAt, Berlin);

        Assert.Null(request.PausedSince);
        Assert.Equal(new ClockPause(Start.AddHours(2), answeredAt, TimeSpan.FromHours(11)), Assert.Single(request.Pauses));
        Assert.Equal(Berlin.Add(Due, TimeSpan.FromHours(11)), request.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(1)), request.DueAt);
        Assert.Equal(Berlin.Add(AtRisk, TimeSpan.FromHours(11)), request.AtRiskAt);
        Assert.Equal(request.AtRiskAt, request.SlaCheckAt);
        var resumed = request.History[^1];
        Assert.Equal((AuditAction.ClockResumed, RequestState.InProgress, PersonRef.System), (resumed.Action, resumed.To, resumed.Actor));
        Assert.Equal("The target moves 11 h of working time later", resumed.Comment);
    }

    [Fact]
    public void AwaitingPartsThenAQuestion_IsOnePause_UntilTheWorkGoesOn()
    {
        var request = Assigned();
        request.SetStatus(Agent, RequestState.AwaitingParts, "Ordered", Start.AddHours(1), Berlin);
        request.AskRequester(Agent, "Is a blue one fine?", Start.AddHours(2));
        request.SetStatus(Agent, RequestState.AwaitingParts, "Blue ordered", Start.AddHours(3), Berlin);

        Assert.Equal(Start.AddHours(1), request.PausedSince);
        Assert.Single(request.History, h => h.Action == AuditAction.ClockPaused);

        request.SetStatus(Agent, RequestState.InProgress, null, Start.AddHours(5), Berlin);

        Assert.Equal(TimeSpan.FromHours(4), Assert.Single(request.Pauses).WorkingTime);
        Assert.Equal(Berlin.Add(Due, TimeSpan.FromHours(4)), request.DueAt);
    }

    [Fact]
    public void ResolvedWhilePaused_KeepsTheMovedTarget_QuietlyForAReopen()
    {
        var request = Assigned();
        request.SetStatus(Agent, RequestState.AwaitingParts, null, Start.AddHours(1), Berlin);
        request.Resolve(Agent, "Delivered", Start.AddHours(3), calendar: Berlin);

        Assert.Null(request.PausedSince);
        Assert.Equal(Berlin.Add(Due, TimeSpan.FromHours(2)), request.DueAt);
        Assert.DoesNotContain(request.History, h => h.Action == AuditAction.ClockResumed);

        request.Reopen(Requester, "Wrong one", Start.AddHours(4));
        Assert.Equal(Berlin.Add(AtRisk, TimeSpan.FromHours(2)), request.SlaCheckAt);
    }

    [Fact]
    public void WithoutACalendar_EveryHourOfThePauseCounts()
    {
        var request = Assigned();
        request.SetStatus(Agent, RequestState.AwaitingParts, null, Start, calendar: null);
        request.SetStatus(Agent, RequestState.InProgress, null, Start.AddDays(2), calendar: null);

        Assert.Equal(Due.AddDays(2), request.DueAt);
    }

    [Fact]
    public void OlderDocumentWaitingForTheRequester_ReadsAsNeverPaused_AndTheAnswerMovesNothing()
    {
        var request = Assigned();
        request.AskRequester(Agent, "Which office?", Start.AddHours(1));
        var doc = JsonSerializer.SerializeToNode(request, RequestJson.Options)!.AsObject();
        doc.Remove("pausedSince");
        var old = doc.Deserialize<ServiceRequest>(RequestJson.Options)!;

        Assert.False(old.IsClockPaused);
        Assert.Equal(AtRisk, old.SlaCheckAt);
        old.Answer(Requester, "Berlin", Start.AddHours(5), Berlin);
        Assert.Equal(Due, old.DueAt);
        Assert.Empty(old.Pauses);
    }

    [Fact]
    public void Pauses_AreKeptInTheDocument_AndANeverPausedOneHasNoTraceOfThem()
    {
        var request = Assigned();
        Assert.False(JsonSerializer.SerializeToNode(request, RequestJson.Options)!.AsObject().ContainsKey("pauses"));

        request.SetStatus(Agent, RequestState.AwaitingParts, null, Start.AddHours(1), Berlin);
        request.SetStatus(Agent, RequestState.InProgress, null, Start.AddHours(2), Berlin);
        request.AskRequester(Agent, "Which office?", Start.AddHours(3));
        var copy = JsonSerializer.Deserialize<ServiceRequest>(JsonSerializer.Serialize(request, RequestJson.Options), RequestJson.Options)!;

        Assert.Equal(request.Pauses, copy.Pauses);
        Assert.Equal(Start.AddHours(3), copy.PausedSince);
        Assert.Null(copy.SlaCheckAt);
    }

    private static ServiceRequest Assigned()
    {
        var request = ServiceRequest.Submit(
            new ServiceRequest.Draft(
                "REQ-000042", "submission-1", Requester, "mouse", "Mouse", "Hardware", null, "Broken.",
                new Dictionary<string, string>(), PriorityMatrix.Assess(Impact.Low, Urgency.Medium), "team-hardware", "Hardware Service",
                Due, [], AtRiskAt: AtRisk, Calendar: Berlin),
            Start);
        request.Assign(Agent, Agent, Start, Berlin);
        return request;
    }
}
