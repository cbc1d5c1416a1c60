namespace ChatRequests.Core.BusinessHours;

/// <summary>
/// When a team works: a time zone, working days, opening and closing times (wall-clock, in that zone) and public
/// holidays. SLA targets, reminders and escalations count working time on it, so that a Friday-evening request does
/// not breach over the weekend. Days in a daylight-saving change keep their wall-clock hours: a working day is
/// "08:00 to 18:00 where the team is", whatever the offset that day.
/// </summary>
public sealed class WorkingCalendar
{
    // A calendar with at least one working day has a window at least every week; holidays are finite, so a search
    // this long only fails on a calendar whose every working day is a holiday for years (refused as a mistake).
    private const int MaxDaysSearched = 366 * 5;

    private readonly HashSet<DayOfWeek> _days;
    private readonly HashSet<DateOnly> _holidays;

    /// <param name="opens">Opening time of day, from 00:00.</param>
    /// <param name="closes">Closing time of day, after <paramref name="opens"/>, up to 24:00 (a day's end).</param>
    public WorkingCalendar(TimeZoneInfo zone, IEnumerable<DayOfWeek> days, TimeSpan opens, TimeSpan closes, IEnumerable<DateOnly>? holidays = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        _days = [.. days];
        if (_days.Count == 0)
        {
            throw new ArgumentException("A working calendar needs at least one working day.", nameof(days));
        }

        if (opens < TimeSpan.Zero || closes > TimeSpan.FromDays(1) || opens >= closes)
        {
            throw new ArgumentException($"Opening ({opens:hh\\:mm}) must come before closing ({closes:hh\\:mm}) within one day.", nameof(closes));
        }

        Zone = zone;
        Opens = opens;
        Closes = closes;
        _holidays = [.. holidays ?? []];
    }

    /// <summary>Every hour of every day counts (the default when a team has no calendar): today's behaviour.</summary>
    public static WorkingCalendar AlwaysOpen { get; } = new(
        TimeZoneInfo.Utc, Enum.GetValues<DayOfWeek>(), TimeSpan.Zero, TimeSpan.FromDays(1));

    public TimeZoneInfo Zone { get; }

    public TimeSpan Opens { get; }

    public TimeSpan Closes { get; }

    public IReadOnlySet<DayOfWeek> Days => _days;

    public IReadOnlySet<DateOnly> Holidays => _holidays;

    public bool IsAlwaysOpen => _days.Count == 7 && _holidays.Count == 0 && Opens == TimeSpan.Zero && Closes == TimeSpan.FromDays(1);

    /// <summary>Whether the team is working at <paramref name="at"/>.</summary>
    public bool IsWorking(DateTimeOffset at) => IsAlwaysOpen || WindowsFrom(at).First() is var (start, _) && start <= at;

    /// <summary>
    /// The instant at which <paramref name="working"/> of working time has passed since <paramref name="start"/>: four
    /// working hours from Friday 17:00 on a 08:00–18:00 weekday calendar is Monday 11:00.
    /// </summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan working)
    {
        if (working <= TimeSpan.Zero || IsAlwaysOpen)
        {
            return start + (working > TimeSpan.Zero ? working : TimeSpan.Zero);
        }

        var left = working;
        foreach (var (windowStart, windowEnd) in WindowsFrom(start))
        {
            var from = windowStart > start ? windowStart : start;
            var available = windowEnd - from;
            if (left <= available)
            {
                return from + left;
            }

            left -= available;
        }

        throw new InvalidOperationException("The calendar has no working time left in the years searched.");
    }

    /// <summary>The working time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        if (IsAlwaysOpen)
        {
            return to - from;
        }

        var total = TimeSpan.Zero;
        foreach (var (windowStart, windowEnd) in WindowsFrom(from))
        {
            if (windowStart >= to)
            {
                break;
            }

            var start = windowStart > from ? windowStart : from;
            var end = windowEnd < to ? windowEnd : to;
            total += end - start;
        }

        return total;
    }

    /// <summary>The working windows (as instants) that end after <paramref name="at"/>, in order.</summary>
    private IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> WindowsFrom(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime);
        for (var searched = 0; searched < MaxDaysSearched; searched++, day = day.AddDays(1))
        {
            if (!_days.Contains(day.DayOfWeek) || _holidays.Contains(day))
            {
                continue;
            }

            var start = ToInstant(day, Opens);
            var end = ToInstant(day, Closes);
            if (end > at && end > start)
            {
                yield return (start, end);
            }
        }

        throw new InvalidOperationException("The calendar has no working day in the years searched.");
    }

    /// <summary>
    /// The instant of a wall-clock time on a day in the calendar's zone. A time skipped by a daylight-saving change
    /// (02:30 on the spring-forward night) is the first valid minute after it; a repeated one (autumn) is the first
    /// of the two.
    /// </summary>
    private DateTimeOffset ToInstant(DateOnly day, TimeSpan timeOfDay)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified) + timeOfDay;
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
