using ChatRequests.Core.BusinessHours;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Reporting;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Time.Testing;

namespace ChatRequests.Core.Tests.Reporting;

/// <summary>Approval wait and fulfilment in working hours beside the wall clock's, with known answers (4 December 2026 is a Friday).</summary>
public class WorkingTimesTests
{
    private static readonly TimeSpan H = TimeSpan.FromHours(1);
    private static readonly ReportPeriod December = new(new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), "December");
    private static readonly DateTimeOffset Now = new(2027, 1, 2, 0, 0, 0, TimeSpan.Zero);

    // 09:00–17:00, Monday to Friday, in UTC.
    private static readonly WorkingCalendar NineToFive = new(
        TimeZoneInfo.Utc, [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], 9 * H, 17 * H);

    [Theory]
    [InlineData(16, 2)] // Friday 16:00–17:00 and Monday 09:00–10:00.
    [InlineData(17, 1)] // Friday's day is over at 17:00: Monday 09:00–10:00 only.
    [InlineData(20, 1)]
    public void Fulfilment_OverAWeekend_CountsOnlyTheTeamsWorkingHours(int fridayHour, int workingHours)
    {
        var facts = Fulfilled("REQ-000001", "desk", At(4, fridayHour), At(7, 10));

        var figures = Compute([facts], team => team == "desk" ? NineToFive : null);

        Assert.Equal(new Durations(1, At(7, 10) - At(4, fridayHour), At(7, 10) - At(4, fridayHour)), figures.Fulfilment);
        Assert.Equal(new Durations(1, workingHours * H, workingHours * H), figures.WorkingHours!.Fulfilment);
    }

    [Fact]
    public void ApprovalWait_CountsFromAskedToApprovedInWorkingHours_AndFulfilmentFromApproval()
    {
        // Asked Friday 16:30, approved Monday 09:30 (1 working hour, 65 on the clock), fulfilled Monday 15:30 (6 hours).
        var facts = Fulfilled("REQ-000001", "desk", At(4, 16), At(7, 15, 30)) with
        {
            NeededApproval = true,
            ApprovalAskedAt = At(4, 16, 30),
            ApprovedAt = At(7, 9, 30),
        };

        var figures = Compute([facts], _ => NineToFive);

        Assert.Equal(new Durations(1, 65 * H, 65 * H), figures.ApprovalWait);
        Assert.Equal(new WorkingTimes(new Durations(1, 1 * H, 1 * H), new Durations(1, 6 * H, 6 * H)), figures.WorkingHours);
    }

    [Fact]
    public void ATeamWithoutACalendar_CountsTheWallClock_BesideOneWithACalendar()
    {
        var desk = Fulfilled("REQ-000001", "desk", At(4, 16), At(7, 10));
        var licensing = Fulfilled("REQ-000002", "licensing", At(4, 16), At(7, 10));

        var figures = Compute([desk, licensing], team => team == "desk" ? NineToFive : null);

        // 2 working hours for the desk's, 66 for the licensing team's (every hour counts there): nearest ranks 1 and 2 of 2.
        Assert.Equal(new Durations(2, 2 * H, 66 * H), figures.WorkingHours!.Fulfilment);
    }

    [Fact]
    public void NoTeamWithACalendar_HasNoWorkingHours_OnlyTheWallClock()
    {
        var facts = Fulfilled("REQ-000001", "licensing", At(4, 16), At(7, 10));

        Assert.Null(Compute([facts], _ => null).WorkingHours);
        Assert.Null(Compute([facts], _ => WorkingCalendar.AlwaysOpen).WorkingHours);
        Assert.Null(Compute([facts], calendarOf: null).WorkingHours);
        Assert.Equal(66 * H, Compute([facts], _ => null).Fulfilment.P50);
    }

    [Fact]
    public async Task ProjectionReports_TakeTheCalendarsFromTheDirectory()
    {
        var store = new InMemoryReportingStore();
        await store.UpsertFactsAsync(Fulfilled("REQ-000001", "desk", At(4, 16), At(7, 10)));
        var weekdays = new CalendarDefinition { TimeZone = "UTC", WorkingDays = ["Mon", "Tue", "Wed", "Thu", "Fri"], Hours = "09:00-17:00" };
        Team[] teams = [new() { Id = "desk", Name = "Service desk", Categories = ["Hardware"], ChannelId = "19:desk@thread.tacv2", Calendar = weekdays }];
        var clock = new FakeTimeProvider(Now);

        var withCalendar = await new ProjectionReports(store, new InMemoryDirectory([], teams), clock).ComputeAsync(new ReportScope(December));
        var without = await new ProjectionReports(store, new InMemoryDirectory([], [teams[0] with { Calendar = null }]), clock).ComputeAsync(new ReportScope(December));

        Assert.Equal(2 * H, withCalendar.WorkingHours!.Fulfilment.P50);
        Assert.Null(without.WorkingHours);
    }

    private static ReportFigures Compute(IEnumerable<RequestFacts> facts, Func<string, WorkingCalendar?>? calendarOf) =>
        ReportCalculator.Compute(new ReportScope(December), facts, [], GovernanceSettings.Default.Reports, Now, calendarOf);

    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 12, day, hour, minute, 0, TimeSpan.Zero);

    /// <summary>Logged at <paramref name="submittedAt"/> with no approval needed, fulfilled at <paramref name="fulfilledAt"/>.</summary>
    private static RequestFacts Fulfilled(string id, string teamId, DateTimeOffset submittedAt, DateTimeOffset fulfilledAt) => new()
    {
        RequestId = id,
        Version = 5,
        SubmissionKey = "form-" + id,
        TeamId = teamId,
        Category = "Hardware",
        CatalogItemId = "laptop",
        ItemName = "Laptop",
        Requester = new PersonRef("p-rita", "Rita Requester"),
        State = RequestState.Fulfilled,
        SubmittedAt = submittedAt,
        UpdatedAt = fulfilledAt,
        ApprovedAt = submittedAt,
        FulfilledAt = fulfilledAt,
    };
}
