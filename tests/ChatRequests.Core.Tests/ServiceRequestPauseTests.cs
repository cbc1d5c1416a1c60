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

    // Level 3 eight working hours past the target, on the Berlin calendar; Due is Wednesday 2 December 09:00.
    private static readonly EscalationContacts Ladder = new(new PersonRef("u-lee", "Lee Lead"), new PersonRef("u-sue", "Sue Supervisor"), [new PersonRef("u-sam", "Sam Senior")])
    {
        Level3AfterBreachHours = 8,
        LongBreachAt = due => Berlin.Add(due, TimeSpan.FromHours(8)),
    };

    private static DateTimeOffset BerlinTime(int day, int hour) => new(2026, 12, day, hour, 0, 0, TimeSpan.FromHours(1));

    /// <summary>
    /// When level 3 fires at a long breach, with the clock paused (awaiting parts) from..to: the long breach counts working
    /// time past the target that was not paused, whether the pause came before the breach (the target moved) or after it.
    /// </summary>
    public static TheoryData<string, DateTimeOffset?, DateTimeOffset?, DateTimeOffset> LongBreaches => new()
    {
        // Wednesday 09:00 + 8 working hours.
        { "never paused", null, null, BerlinTime(2, 17) },
        // Monday 12:00-15:00 waited: the target moves 3 h (Wednesday 12:00), the long breach with it (Thursday 10:00).
        { "paused before the breach", Start.AddHours(3), Start.AddHours(6), BerlinTime(3, 10) },
        // Tuesday 17:00 to Monday 09:00, over the breach and a weekend: 1 + 10 + 10 + 10 + 1 = 32 h, so the target is
        // Monday 11:00 and the long breach Tuesday 09:00.
        { "paused over the breach and a weekend", BerlinTime(1, 17), BerlinTime(7, 9), BerlinTime(8, 9) },
        // Breached Wednesday 09:00; Wednesday 10:00 to Monday 10:00 waited: 8 + 10 + 10 + 2 = 30 h after Wednesday 17:00.
        { "paused after the breach, over a weekend", BerlinTime(2, 10), BerlinTime(7, 10), BerlinTime(7, 17) },
        // Breached, then paused Wednesday 12:00-14:00: two hours later than unpaused.
        { "paused after the breach, same day", BerlinTime(2, 12), BerlinTime(2, 14), BerlinTime(3, 9) },
    };

    [Theory]
    [MemberData(nameof(LongBreaches))]
    public void LongBreach_CountsWorkingTimePastTheTarget_ThatWasNotPaused(string what, DateTimeOffset? pausedFrom, DateTimeOffset? pausedTo, DateTimeOffset level3At)
    {
        var request = Assigned();
        if (pausedFrom is { } from && pausedTo is { } to)
        {
            SweepAt(request, from);
            request.SetStatus(Agent, RequestState.AwaitingParts, "Ordered", from, Berlin);
            SweepAt(request, to);
            request.SetStatus(Agent, RequestState.InProgress, null, to, Berlin);
        }

        SweepAt(request, level3At.AddTicks(-1));

        Assert.True(request.HasReached(Escalation.Supervisor), what);
        Assert.False(request.HasReached(Escalation.SeniorManagement), what);
        Assert.Equal(level3At, request.LongBreachAt);
        Assert.Equal(level3At, request.SlaCheckAt);
        Assert.True(request.CheckSla(level3At, calendar: Berlin, escalations: Ladder).Escalated, what);
        Assert.Equal(Escalation.SeniorManagement, request.Escalations[^1].Level);
    }

    [Fact]
    public void PauseAfterTheLongBreachFired_MovesNothingMore()
    {
        var request = Assigned();
        SweepAt(request, BerlinTime(2, 17));
        request.SetStatus(Agent, RequestState.AwaitingParts, "Ordered", BerlinTime(3, 9), Berlin);
        request.SetStatus(Agent, RequestState.InProgress, null, BerlinTime(3, 12), Berlin);

        Assert.Equal(BerlinTime(2, 17), request.LongBreachAt);
        Assert.Single(request.Escalations, e => e.Level == Escalation.SeniorManagement);
    }

    /// <summary>Sweeps until nothing more is due at <paramref name="at"/> (one rule fires per sweep).</summary>
    private static void SweepAt(ServiceRequest request, DateTimeOffset at)
    {
        while (request.CheckSla(at, calendar: Berlin, escalations: Ladder).DidAnything)
        {
        }
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
