using ChatRequests.Core.BusinessHours;

namespace ChatRequests.Core.Tests.BusinessHours;

public class WorkingCalendarTests
{
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static WorkingCalendar Office(string zone, params string[] holidays) => new(
        TimeZoneInfo.FindSystemTimeZoneById(zone), Weekdays, TimeSpan.FromHours(8), TimeSpan.FromHours(18),
        holidays.Select(DateOnly.Parse));

    // zone, start (UTC), working hours to add, expected (UTC), holidays. Dates in 2026: 6 Mar is a Friday; London
    // springs forward on 29 Mar and falls back on 25 Oct; New York springs forward on 8 Mar and falls back on 1 Nov.
    public static TheoryData<string, string, double, string, string[]> Additions => new()
    {
        // Within one day.
        { "Europe/London", "2026-03-04T09:00Z", 4, "2026-03-04T13:00Z", [] },
        // Ends exactly at closing: still that day.
        { "Europe/London", "2026-03-04T08:00Z", 10, "2026-03-04T18:00Z", [] },
        // Friday evening request: the weekend does not count.
        { "Europe/London", "2026-03-06T17:00Z", 4, "2026-03-09T11:00Z", [] },
        // Submitted on Saturday: the clock starts on Monday at opening.
        { "Europe/London", "2026-03-07T10:00Z", 2, "2026-03-09T10:00Z", [] },
        // Submitted before opening.
        { "Europe/London", "2026-03-04T06:30Z", 1, "2026-03-04T09:00Z", [] },
        // A public holiday on the Monday moves it to Tuesday.
        { "Europe/London", "2026-03-06T17:00Z", 4, "2026-03-10T11:00Z", ["2026-03-09"] },
        // Several holidays in a row (Christmas), 12 working hours from Christmas Eve afternoon.
        { "Europe/London", "2026-12-24T16:00Z", 12, "2026-12-29T18:00Z", ["2026-12-25", "2026-12-28"] },
        // Across London's spring-forward weekend: Monday 08:00 BST is 07:00 UTC.
        { "Europe/London", "2026-03-27T17:00Z", 4, "2026-03-30T10:00Z", [] },
        // Across London's autumn change: Friday 18:00 BST is 17:00 UTC, Monday 08:00 GMT is 08:00 UTC.
        { "Europe/London", "2026-10-23T16:00Z", 2, "2026-10-26T09:00Z", [] },
        // Another zone, across its own change: Friday 17:00 EST leaves one hour; on Monday New York is on EDT (UTC-4),
        // so it opens at 12:00 UTC and two more hours end at 14:00 UTC.
        { "America/New_York", "2026-03-06T22:00Z", 3, "2026-03-09T14:00Z", [] },
        // Windows zone names work as well as IANA ones.
        { "GMT Standard Time", "2026-03-06T17:00Z", 4, "2026-03-09T11:00Z", [] },
        // A long target: 50 working hours is five working days.
        { "Europe/London", "2026-03-02T08:00Z", 50, "2026-03-06T18:00Z", [] },
        // Nothing to add.
        { "Europe/London", "2026-03-07T10:00Z", 0, "2026-03-07T10:00Z", [] },
        // Tokyo (UTC+9): a request at 08:30 UTC Friday is 17:30 there; 1 hour ends at 08:30 Monday local.
        { "Asia/Tokyo", "2026-03-06T08:30Z", 1, "2026-03-08T23:30Z", [] },
    };

    [Theory]
    [MemberData(nameof(Additions))]
    public void Add_CountsOnlyWorkingTime(string zone, string start, double hours, string expected, string[] holidays)
    {
        var calendar = Office(zone, holidays);

        var due = calendar.Add(DateTimeOffset.Parse(start), TimeSpan.FromHours(hours));

        Assert.Equal(DateTimeOffset.Parse(expected), due);
        // Adding and measuring agree: the working time between the start and the result is what was added.
        Assert.Equal(TimeSpan.FromHours(hours), calendar.Between(DateTimeOffset.Parse(start), due));
    }

    [Theory]
    [InlineData("2026-03-06T17:00Z", "2026-03-09T09:00Z", 2)]   // Friday 17:00 to Monday 09:00: one hour each side
    [InlineData("2026-03-07T00:00Z", "2026-03-08T23:59Z", 0)]   // the whole weekend
    [InlineData("2026-03-04T12:00Z", "2026-03-04T11:00Z", 0)]   // backwards
    [InlineData("2026-03-02T00:00Z", "2026-03-09T00:00Z", 50)]  // a whole week
    public void Between_CountsOnlyWorkingTime(string from, string to, double hours)
    {
        var calendar = Office("Europe/London");

        Assert.Equal(TimeSpan.FromHours(hours), calendar.Between(DateTimeOffset.Parse(from), DateTimeOffset.Parse(to)));
    }

    [Fact]
    public void SpringForwardNight_KeepsWallClockHours()
    {
        // A shift calendar opening at 01:30 on the night London skips 01:00–02:00: it opens at 02:00 BST.
        var calendar = new WorkingCalendar(
            TimeZoneInfo.FindSystemTimeZoneById("Europe/London"), [DayOfWeek.Sunday], TimeSpan.FromMinutes(90), TimeSpan.FromHours(5));

        var due = calendar.Add(DateTimeOffset.Parse("2026-03-28T12:00Z"), TimeSpan.FromHours(1));

        Assert.Equal(DateTimeOffset.Parse("2026-03-29T02:00Z"), due);
    }

    [Fact]
    public void AlwaysOpen_CountsCalendarTime()
    {
        var start = DateTimeOffset.Parse("2026-03-06T17:00Z");

        Assert.True(WorkingCalendar.AlwaysOpen.IsAlwaysOpen);
        Assert.Equal(start.AddHours(60), WorkingCalendar.AlwaysOpen.Add(start, TimeSpan.FromHours(60)));
        Assert.Equal(TimeSpan.FromHours(60), WorkingCalendar.AlwaysOpen.Between(start, start.AddHours(60)));
    }

    [Theory]
    [InlineData("2026-03-04T12:00Z", true)]
    [InlineData("2026-03-04T18:00Z", false)]   // closing time is closed
    [InlineData("2026-03-04T08:00Z", true)]    // opening time is open
    [InlineData("2026-03-07T12:00Z", false)]   // Saturday
    [InlineData("2026-03-09T12:00Z", false)]   // a holiday
    public void IsWorking(string at, bool working)
    {
        Assert.Equal(working, Office("Europe/London", "2026-03-09").IsWorking(DateTimeOffset.Parse(at)));
    }

    [Fact]
    public void Refuses_ACalendarWithoutWorkingTime()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

        Assert.Throws<ArgumentException>(() => new WorkingCalendar(london, [], TimeSpan.FromHours(8), TimeSpan.FromHours(18)));
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(london, Weekdays, TimeSpan.FromHours(18), TimeSpan.FromHours(8)));
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(london, Weekdays, TimeSpan.FromHours(8), TimeSpan.FromHours(25)));
    }
}
