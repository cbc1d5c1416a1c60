using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatRequests.Core.Reporting;

/// <summary>
/// The period a report covers, from the words people type: "this week", "last week", "this month", "last month",
/// "last 14 days", a month ("November", "Nov 2025": the most recent one that has begun), "this quarter", "last quarter",
/// "this year", "last year"; nothing at all is the last 30 days. Days begin at midnight in the zone given (the team's
/// calendar, else UTC); weeks begin on Monday; the period ends where the next one begins (today is included).
/// </summary>
public static partial class ReportPeriods
{
    public const int DefaultDays = 30;

    /// <summary>The longest "last N days" read: a year and a day's worth of leap.</summary>
    public const int MaxDays = 366;

    /// <summary>The period the words name, or null when they are no period this reads.</summary>
    public static ReportPeriod? Read(string? words, DateTimeOffset now, TimeZoneInfo zone)
    {
        var said = Spaces().Replace((words ?? "").Trim().ToLowerInvariant(), " ");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        if (said.Length == 0)
        {
            return Days(DefaultDays, today, zone);
        }

        if (LastDays().Match(said) is { Success: true } days)
        {
            return int.TryParse(days.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxDays
                ? Days(n, today, zone)
                : null;
        }

        if (MonthName().Match(said) is { Success: true } month)
        {
            return Month(month.Groups["month"].Value, month.Groups["year"].Value, today, zone);
        }

        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var quarterStart = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1);
        var weekStart = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return Without(said, "the ") switch
        {
            "this week" => Between(weekStart, weekStart.AddDays(7), "this week", zone),
            "last week" or "past week" or "previous week" => Between(weekStart.AddDays(-7), weekStart, "last week", zone),
            "this month" => Between(monthStart, monthStart.AddMonths(1), "this month", zone),
            "last month" or "past month" or "previous month" => Between(monthStart.AddMonths(-1), monthStart, "last month", zone),
            "this quarter" => Between(quarterStart, quarterStart.AddMonths(3), "this quarter", zone),
            "last quarter" or "previous quarter" => Between(quarterStart.AddMonths(-3), quarterStart, "last quarter", zone),
            "this year" => Between(new DateOnly(today.Year, 1, 1), new DateOnly(today.Year + 1, 1, 1), "this year", zone),
            "last year" or "previous year" => Between(new DateOnly(today.Year - 1, 1, 1), new DateOnly(today.Year, 1, 1), "last year", zone),
            _ => null,
        };
    }

    /// <summary>Whether the words name a period (on any day: whether they do does not depend on the date).</summary>
    public static bool IsPeriod(string words) =>
        words.Trim().Length > 0 && Read(words, new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc) is not null;

    /// <summary>The instant a day begins in the zone (a midnight skipped by a daylight-saving change: the first valid minute after it).</summary>
    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private static ReportPeriod Days(int n, DateOnly today, TimeZoneInfo zone) =>
        Between(today.AddDays(1 - n), today.AddDays(1), n == 1 ? "today" : $"last {n} days", zone);

    private static ReportPeriod? Month(string name, string yearText, DateOnly today, TimeZoneInfo zone)
    {
        var month = Array.FindIndex(MonthNames, m => m.StartsWith(name, StringComparison.Ordinal) && name.Length >= 3) + 1;
        if (month == 0)
        {
            return null;
        }

        // A month without a year is the most recent one that has begun: "November" in December is last month, in March last year's.
        var year = yearText.Length > 0 ? int.Parse(yearText, CultureInfo.InvariantCulture) : month <= today.Month ? today.Year : today.Year - 1;
        if (year < 2000 || new DateOnly(year, month, 1) > today)
        {
            return null;
        }

        var start = new DateOnly(year, month, 1);
        return Between(start, start.AddMonths(1), start.ToString("MMMM yyyy", CultureInfo.InvariantCulture), zone, withDates: false);
    }

    private static ReportPeriod Between(DateOnly from, DateOnly to, string words, TimeZoneInfo zone, bool withDates = true)
    {
        var last = to.AddDays(-1);
        var span = from == last ? Day(from, withYear: true)
            : from.Year == last.Year ? $"{Day(from, withYear: false)} – {Day(last, withYear: true)}"
            : $"{Day(from, withYear: true)} – {Day(last, withYear: true)}";
        return new ReportPeriod(StartOf(from, zone), StartOf(to, zone), withDates ? $"{words} ({span})" : words);
    }

    private static string Day(DateOnly day, bool withYear) =>
        day.ToString(withYear ? "d MMM yyyy" : "d MMM", CultureInfo.InvariantCulture);

    private static string Without(string said, string prefix) => said.StartsWith(prefix, StringComparison.Ordinal) ? said[prefix.Length..] : said;

    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(?:the\s+)?(?:last|past|previous)\s+(?<n>\d{1,4})\s+days?$", RegexOptions.CultureInvariant)]
    private static partial Regex LastDays();

    [GeneratedRegex(@"^(?:in\s+)?(?<month>[a-z]{3,9})(?:\s+(?<year>\d{4}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthName();
}
