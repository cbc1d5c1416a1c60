using ChatRequests.Core.BusinessHours;

namespace ChatRequests.Core.Assignment;

/// <summary>
/// When an agent's unavailable mark ends, on their team's calendar: they are back when a working day starts. "Until
/// Monday" is back when Monday's working day starts (a closed day: the next one that opens); no day said is the rest of
/// the working day in progress (or, said after hours or on a closed day, the whole next working day), back at the start
/// of the working day after it. An always-open team's day starts at midnight in its zone.
/// </summary>
public static class AvailabilityEnd
{
    private const int MaxDaysSearched = 400;

    /// <summary>The start of the first working day on or after <paramref name="day"/>.</summary>
    public static DateTimeOffset BackOn(WorkingCalendar calendar, DateOnly day)
    {
        for (var searched = 0; searched < MaxDaysSearched; searched++, day = day.AddDays(1))
        {
            if (IsWorkingDay(calendar, day))
            {
                return At(calendar, day, calendar.Opens);
            }
        }

        throw new InvalidOperationException("The calendar has no working day in the days searched.");
    }

    /// <summary>The default end: the working day in progress at <paramref name="now"/> (or the next one) is off, back after it.</summary>
    public static DateTimeOffset AfterThisWorkingDay(WorkingCalendar calendar, DateTimeOffset now)
    {
        var day = Today(calendar, now);
        for (var searched = 0; searched < MaxDaysSearched; searched++, day = day.AddDays(1))
        {
            if (IsWorkingDay(calendar, day) && At(calendar, day, calendar.Closes) > now)
            {
                return BackOn(calendar, day.AddDays(1));
            }
        }

        throw new InvalidOperationException("The calendar has no working day in the days searched.");
    }

    /// <summary>The date in the calendar's zone at <paramref name="now"/>.</summary>
    public static DateOnly Today(WorkingCalendar calendar, DateTimeOffset now) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, calendar.Zone).DateTime);

    private static bool IsWorkingDay(WorkingCalendar calendar, DateOnly day) =>
        calendar.Days.Contains(day.DayOfWeek) && !calendar.Holidays.Contains(day);

    private static DateTimeOffset At(WorkingCalendar calendar, DateOnly day, TimeSpan time)
    {
        var local = day.ToDateTime(TimeOnly.MinValue) + time;
        // A time skipped by a daylight-saving change is the first valid minute after it.
        while (calendar.Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        return new DateTimeOffset(local, calendar.Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
