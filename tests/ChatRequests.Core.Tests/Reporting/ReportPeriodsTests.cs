using ChatRequests.Core.Reporting;

namespace ChatRequests.Core.Tests.Reporting;

public class ReportPeriodsTests
{
    // Saturday 5 December 2026, 13:00 UTC.
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 13, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo Auckland = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland");

    [Theory]
    [InlineData(null, "2026-11-06", "2026-12-06", "last 30 days (6 Nov – 5 Dec 2026)")]
    [InlineData("", "2026-11-06", "2026-12-06", "last 30 days (6 Nov – 5 Dec 2026)")]
    [InlineData("this week", "2026-11-30", "2026-12-07", "this week (30 Nov – 6 Dec 2026)")]
    [InlineData("last week", "2026-11-23", "2026-11-30", "last week (23 Nov – 29 Nov 2026)")]
    [InlineData("this month", "2026-12-01", "2027-01-01", "this month (1 Dec – 31 Dec 2026)")]
    [InlineData("Last Month", "2026-11-01", "2026-12-01", "last month (1 Nov – 30 Nov 2026)")]
    [InlineData("the last 7 days", "2026-11-29", "2026-12-06", "last 7 days (29 Nov – 5 Dec 2026)")]
    [InlineData("past 1 day", "2026-12-05", "2026-12-06", "today (5 Dec 2026)")]
    [InlineData("November", "2026-11-01", "2026-12-01", "November 2026")]
    [InlineData("nov", "2026-11-01", "2026-12-01", "November 2026")]
    [InlineData("December", "2026-12-01", "2027-01-01", "December 2026")]
    [InlineData("January", "2026-01-01", "2026-02-01", "January 2026")]
    [InlineData("March 2025", "2025-03-01", "2025-04-01", "March 2025")]
    [InlineData("this quarter", "2026-10-01", "2027-01-01", "this quarter (1 Oct – 31 Dec 2026)")]
    [InlineData("last quarter", "2026-07-01", "2026-10-01", "last quarter (1 Jul – 30 Sep 2026)")]
    [InlineData("this year", "2026-01-01", "2027-01-01", "this year (1 Jan – 31 Dec 2026)")]
    [InlineData("last year", "2025-01-01", "2026-01-01", "last year (1 Jan – 31 Dec 2025)")]
    public void Read_Words_GiveThePeriodFromMidnightToMidnight(string? words, string from, string to, string label)
    {
        var period = ReportPeriods.Read(words, Now, Utc)!;

        Assert.Equal((Day(from, Utc), Day(to, Utc), label), (period.From, period.To, period.Label));
    }

    [Theory]
    [InlineData("last 0 days")]
    [InlineData("last 367 days")]
    [InlineData("last fortnight")]
    [InlineData("next month")]
    [InlineData("December 2027")]
    [InlineData("Smarch")]
    [InlineData("may 1999")]
    public void Read_WordsThatAreNoPeriod_OrAFuturePeriod_GiveNull(string words)
    {
        Assert.Null(ReportPeriods.Read(words, Now, Utc));
    }

    [Fact]
    public void Read_LastQuarterInJanuary_IsLastYearsFourth()
    {
        var period = ReportPeriods.Read("last quarter", new DateTimeOffset(2027, 1, 10, 9, 0, 0, TimeSpan.Zero), Utc)!;

        Assert.Equal((Day("2026-10-01", Utc), Day("2027-01-01", Utc)), (period.From, period.To));
    }

    [Fact]
    public void Read_InAZone_CountsDaysFromItsMidnight()
    {
        var period = ReportPeriods.Read("last month", Now, Berlin)!;

        Assert.Equal(new DateTimeOffset(2026, 10, 31, 23, 0, 0, TimeSpan.Zero), period.From);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero), period.To);
    }

    [Fact]
    public void Read_WhereItIsAlreadyTomorrow_TodayIsThatZonesToday()
    {
        // 5 December 13:00 UTC is 6 December 02:00 in Auckland (UTC+13 in summer): "this week" there begins Monday 30 November.
        var late = new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

        var period = ReportPeriods.Read("this week", late, Auckland)!;

        Assert.Equal(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.FromHours(13)), period.From);
        Assert.Equal("this week (7 Dec – 13 Dec 2026)", period.Label);
    }

    [Fact]
    public void Read_MonthWithADaylightSavingChange_IsItsWholeLength()
    {
        var period = ReportPeriods.Read("March", new DateTimeOffset(2026, 4, 2, 9, 0, 0, TimeSpan.Zero), Berlin)!;

        // Berlin moves from UTC+1 to UTC+2 on 29 March: the month is an hour short of 31 days.
        Assert.Equal(TimeSpan.FromDays(31) - TimeSpan.FromHours(1), period.To - period.From);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(1)), period.From);
    }

    private static DateTimeOffset Day(string day, TimeZoneInfo zone) => ReportPeriods.StartOf(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), zone);
}
