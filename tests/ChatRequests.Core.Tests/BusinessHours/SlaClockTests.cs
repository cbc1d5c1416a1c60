using ChatRequests.Core.BusinessHours;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Sla;

namespace ChatRequests.Core.Tests.BusinessHours;

/// <summary>
/// The whole SLA clock of a request in one table: the target counted in the team's working time from submission, moved
/// later by the working time of each pause (waiting for parts or for the requester); and the approval reminder and
/// timeout counted the same way. Weekends, holidays, time zones and daylight-saving changes.
/// </summary>
public sealed class SlaClockTests
{
    private static readonly PersonRef Requester = new("u-rita", "Rita Requester");
    private static readonly PersonRef Agent = new("u-ann", "Ann Agent");
    private static readonly PersonRef Manager = new("u-mark", "Mark Manager");

    private static readonly string[] Weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri"];

    private static WorkingCalendar Calendar(string zone, string hours, string[] days, params string[] holidays) =>
        new Organisation.CalendarDefinition { TimeZone = zone, WorkingDays = days, Hours = hours, Holidays = holidays }.ToWorkingCalendar();

    private static readonly Dictionary<string, WorkingCalendar> Calendars = new()
    {
        ["berlin"] = Calendar("Europe/Berlin", "08:00-18:00", Weekdays),
        ["berlin-holiday"] = Calendar("Europe/Berlin", "08:00-18:00", Weekdays, "2026-12-07"),
        ["new-york"] = Calendar("America/New_York", "09:00-17:00", Weekdays, "2026-11-26"),
        ["berlin-all-week"] = Calendar("Europe/Berlin", "00:00-24:00", ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]),
        ["always"] = WorkingCalendar.AlwaysOpen,
    };

    // calendar, submitted, SLA hours, pauses ("from/to"), expected target. 30 Nov 2026 is a Monday; Berlin is UTC+1 in
    // winter, UTC+2 until 25 Oct 2026 (a Sunday); New York is UTC-5 in November, and 26 Nov 2026 is Thanksgiving.
    public static TheoryData<string, string, int, string[], string> Clocks => new()
    {
        // 60 working hours from Monday 09:00: Mon 9, Tue-Fri 40, next Mon 10, Tue 1 hour.
        { "berlin", "2026-11-30T09:00+01:00", 60, [], "2026-12-08T09:00+01:00" },
        // Every hour counts without a calendar, pauses too (65 hours across the weekend).
        { "always", "2026-11-30T09:00+01:00", 60, ["2026-12-04T16:00+01:00/2026-12-07T09:00+01:00"], "2026-12-05T14:00+01:00" },
        // A pause across the weekend adds only its working hours: Friday 16:00-18:00 and Monday 08:00-09:00, 3 hours.
        { "berlin", "2026-11-30T09:00+01:00", 60, ["2026-12-04T16:00+01:00/2026-12-07T09:00+01:00"], "2026-12-08T12:00+01:00" },
        // A holiday on that Monday: the pause adds 2 hours (Friday), and the target skips the holiday as well.
        { "berlin-holiday", "2026-11-30T09:00+01:00", 60, ["2026-12-04T16:00+01:00/2026-12-07T09:00+01:00"], "2026-12-09T11:00+01:00" },
        // Two pauses: 1.5 hours on Tuesday, then Wednesday 17:00 to Thursday 09:00 (1 + 1 hours): 3.5 hours in all.
        {
            "berlin", "2026-11-30T09:00+01:00", 60,
            ["2026-12-01T10:00+01:00/2026-12-01T11:30+01:00", "2026-12-02T17:00+01:00/2026-12-03T09:00+01:00"],
            "2026-12-08T12:30+01:00"
        },
        // A pause that starts before opening and ends after closing adds the whole working day (10 hours).
        { "berlin", "2026-11-30T09:00+01:00", 60, ["2026-12-02T06:00+01:00/2026-12-02T20:00+01:00"], "2026-12-09T09:00+01:00" },
        // A pause wholly outside working hours (Saturday) adds nothing.
        { "berlin", "2026-11-30T09:00+01:00", 60, ["2026-12-05T10:00+01:00/2026-12-05T16:00+01:00"], "2026-12-08T09:00+01:00" },
        // Another zone with its holiday: Wednesday 16:00 leaves 1 hour, Thanksgiving is off, Friday 09:00-16:00 the rest.
        { "new-york", "2026-11-25T16:00-05:00", 8, [], "2026-11-27T16:00-05:00" },
        // ... and a pause over Thanksgiving in New York: Wednesday 16:30 to Friday 10:00 is 0.5 + 1 working hours.
        { "new-york", "2026-11-25T16:00-05:00", 8, ["2026-11-25T16:30-05:00/2026-11-27T10:00-05:00"], "2026-11-30T09:30-05:00" },
        // Across Berlin's autumn change: Friday 17:00 CEST leaves 1 hour, Monday opens at 08:00 CET (07:00 UTC).
        { "berlin", "2026-10-23T17:00+02:00", 3, [], "2026-10-26T10:00+01:00" },
        // Every hour of every day in Berlin: the night the clocks go back is 25 hours long, and a pause over it adds 25.
        { "berlin-all-week", "2026-10-24T12:00+02:00", 48, ["2026-10-24T12:00+02:00/2026-10-25T12:00+01:00"], "2026-10-27T12:00+01:00" },
    };

    [Theory]
    [MemberData(nameof(Clocks))]
    public void Target_CountsWorkingTime_AndEachPauseMovesItByItsWorkingHours(
        string calendar, string submitted, int slaHours, string[] pauses, string expected)
    {
        var clock = Calendars[calendar];
        var at = DateTimeOffset.Parse(submitted);
        var request = Submit(at, clock.Add(at, TimeSpan.FromHours(slaHours)), clock);
        request.Assign(Agent, Agent, at, clock);

        foreach (var pause in pauses.Select(p => p.Split('/').Select(DateTimeOffset.Parse).ToArray()))
        {
            request.SetStatus(Agent, RequestState.AwaitingParts, "Ordered", pause[0], clock);
            request.SetStatus(Agent, RequestState.InProgress, null, pause[1], clock);
        }

        Assert.Equal(DateTimeOffset.Parse(expected), request.DueAt);
        Assert.Equal(pauses.Length, request.Pauses.Count);
        Assert.Null(request.PausedSince);
    }

    // calendar, stage requested, timeout hours, expected reminder, expected timeout.
    public static TheoryData<string, string, int, string, string> Approvals => new()
    {
        // Without a calendar: 24 hours and the timeout's hours on the clock, as before.
        { "always", "2026-12-04T17:00+01:00", 48, "2026-12-05T17:00+01:00", "2026-12-06T17:00+01:00" },
        // Friday 17:00 in Berlin: 1 hour on Friday, then Monday to Wednesday 10 hours each, so 24 hours end on Wednesday
        // 11:00 and 48 on Friday 15:00.
        { "berlin", "2026-12-04T17:00+01:00", 48, "2026-12-09T11:00+01:00", "2026-12-11T15:00+01:00" },
        // With Monday a holiday, both a working day later.
        { "berlin-holiday", "2026-12-04T17:00+01:00", 48, "2026-12-10T11:00+01:00", "2026-12-14T15:00+01:00" },
        // A timeout shorter than the reminder still comes after it.
        { "berlin", "2026-12-04T17:00+01:00", 4, "2026-12-09T11:00+01:00", "2026-12-09T11:00+01:00" },
        // New York's 8-hour days: Wednesday 16:00, Thanksgiving off, so 24 hours end on Tuesday 16:00.
        { "new-york", "2026-11-25T16:00-05:00", 24, "2026-12-01T16:00-05:00", "2026-12-01T16:00-05:00" },
    };

    [Theory]
    [MemberData(nameof(Approvals))]
    public void ApprovalReminderAndTimeout_CountTheTeamsWorkingTime_AndAreKeptOnTheStage(
        string calendar, string requested, int timeoutHours, string reminder, string timeout)
    {
        var clock = Calendars[calendar];
        var at = DateTimeOffset.Parse(requested);
        var stage = new ApprovalStage("Manager", [Manager]) { TimeoutHours = timeoutHours };

        var request = Submit(at, at.AddDays(30), clock, stage);

        Assert.Equal(DateTimeOffset.Parse(reminder), SlaPolicy.ReminderAt(at, clock));
        Assert.Equal(DateTimeOffset.Parse(timeout), SlaPolicy.TimeoutAt(at, timeoutHours, clock));
        Assert.Equal(DateTimeOffset.Parse(reminder), SlaPolicy.ReminderAt(request));
        Assert.Equal(DateTimeOffset.Parse(timeout), SlaPolicy.TimeoutAt(request, timeoutHours));
        Assert.Equal(DateTimeOffset.Parse(reminder), request.SlaCheckAt);
    }

    [Fact]
    public void StageRerouted_FromAnUnreachableApprover_IsRemindedOnTheCalendarFromThen()
    {
        var clock = Calendars["berlin"];
        var friday = DateTimeOffset.Parse("2026-12-04T17:00+01:00");
        var boss = new PersonRef("u-bea", "Bea Boss");
        var stage = new ApprovalStage("Manager", [Manager]) { Fallbacks = [new StageRoute("Mark Manager's manager", [boss])] };
        var request = Submit(friday, friday.AddDays(30), clock, stage);

        var outcome = request.RerouteUnreachable(Manager, "404 UserNotFound", friday.AddMinutes(30), calendar: clock);

        Assert.Equal(RerouteOutcome.Rerouted, outcome);
        // 24 working hours from Friday 17:30: half an hour on Friday, then Monday to Wednesday 11:30.
        Assert.Equal(DateTimeOffset.Parse("2026-12-09T11:30+01:00"), request.Approvals[0].ReminderDueAt);
        Assert.Equal(request.Approvals[0].ReminderDueAt, request.SlaCheckAt);
    }

    private static ServiceRequest Submit(DateTimeOffset at, DateTimeOffset due, WorkingCalendar calendar, params ApprovalStage[] stages) =>
        ServiceRequest.Submit(
            new ServiceRequest.Draft(
                "REQ-000042",
                "submission-1",
                Requester,
                "mouse",
                "Mouse",
                "Hardware",
                null,
                "The scroll wheel is broken.",
                new Dictionary<string, string>(),
                PriorityMatrix.Assess(Impact.Low, Urgency.Medium),
                "team-hardware",
                "Hardware Service",
                due,
                stages,
                Calendar: calendar),
            at);
}
