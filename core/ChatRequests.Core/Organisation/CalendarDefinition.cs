using System.Globalization;
using System.Runtime.CompilerServices;
using ChatRequests.Core.BusinessHours;

namespace ChatRequests.Core.Organisation;

/// <summary>
/// A team's working calendar as the organisation file or configuration writes it: a time zone (IANA or Windows id),
/// working days ("Mon".."Sun"), hours ("08:00-18:00", wall-clock in that zone) and holidays ("2026-12-25").
/// </summary>
public sealed record CalendarDefinition
{
    public string TimeZone { get; init; } = "";
    public IReadOnlyList<string> WorkingDays { get; init; } = [];
    public string Hours { get; init; } = "";
    public IReadOnlyList<string> Holidays { get; init; } = [];

    private static readonly Dictionary<string, DayOfWeek> DayNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Mon"] = DayOfWeek.Monday, ["Tue"] = DayOfWeek.Tuesday, ["Wed"] = DayOfWeek.Wednesday, ["Thu"] = DayOfWeek.Thursday,
        ["Fri"] = DayOfWeek.Friday, ["Sat"] = DayOfWeek.Saturday, ["Sun"] = DayOfWeek.Sunday,
    };

    // Built once per definition (by reference: a `with` copy is another definition), not re-checked on every submit.
    private static readonly ConditionalWeakTable<CalendarDefinition, WorkingCalendar> Built = new();

    /// <summary>The working calendar; throws <see cref="ArgumentException"/> listing what is wrong (see <see cref="Problems"/>).</summary>
    public WorkingCalendar ToWorkingCalendar() => Built.GetValue(this, static definition => definition.Build());

    private WorkingCalendar Build()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"The calendar is not valid: {string.Join(" ", problems)}");
        }

        var (opens, closes) = ParseHours(Hours)!.Value;
        return new WorkingCalendar(
            FindZone(TimeZone)!,
            WorkingDays.Select(d => DayNames[d.Trim()]),
            opens,
            closes,
            Holidays.Select(h => DateOnly.ParseExact(h.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    /// <summary>What is wrong with the definition, each a sentence for the person who edits the file; empty when nothing.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (FindZone(TimeZone) is null)
        {
            problems.Add($"timeZone '{TimeZone}' is not a known time zone (use an IANA id like Europe/Paris or a Windows id).");
        }

        if (WorkingDays.Count == 0)
        {
            problems.Add("workingDays is empty; list the days the team works, like [\"Mon\", \"Tue\"].");
        }

        foreach (var day in WorkingDays.Where(d => !DayNames.ContainsKey(d.Trim())))
        {
            problems.Add($"workingDays has '{day}', which is not a day (use Mon, Tue, Wed, Thu, Fri, Sat, Sun).");
        }

        foreach (var day in WorkingDays.Where(d => DayNames.ContainsKey(d.Trim())).GroupBy(d => DayNames[d.Trim()]).Where(g => g.Count() > 1))
        {
            problems.Add($"workingDays lists {day.Key} more than once.");
        }

        if (ParseHours(Hours) is null)
        {
            problems.Add($"hours '{Hours}' is not an opening and a later closing time like 08:00-18:00 (closing may be 24:00).");
        }

        var seen = new HashSet<DateOnly>();
        foreach (var holiday in Holidays)
        {
            if (!DateOnly.TryParseExact(holiday.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                problems.Add($"holiday '{holiday}' is not a date like 2026-12-25.");
            }
            else if (!seen.Add(date))
            {
                problems.Add($"holiday {date:yyyy-MM-dd} is listed more than once.");
            }
        }

        return problems;
    }

    /// <summary>The problems as the directories list them: "team 'x' has a calendar whose hours ... is not ...".</summary>
    public static IEnumerable<string> ProblemsOf(string owner, CalendarDefinition? calendar) =>
        (calendar?.Problems() ?? []).Select(problem => $"{owner} has a calendar whose {problem}");

    private static TimeZoneInfo? FindZone(string id)
    {
        // FindSystemTimeZoneById accepts both IANA and Windows ids on every platform (ICU).
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    private static (TimeSpan Opens, TimeSpan Closes)? ParseHours(string hours)
    {
        var parts = hours.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || ParseTime(parts[0]) is not { } opens || ParseTime(parts[1]) is not { } closes || opens >= closes)
        {
            return null;
        }

        return (opens, closes);
    }

    private static TimeSpan? ParseTime(string text)
    {
        if (text == "24:00")
        {
            return TimeSpan.FromDays(1);
        }

        return TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time.ToTimeSpan() : null;
    }
}
