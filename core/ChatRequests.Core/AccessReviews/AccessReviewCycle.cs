using System.Globalization;
using ChatRequests.Core.Organisation;

namespace ChatRequests.Core.AccessReviews;

/// <summary>
/// One review period: periods of <see cref="AccessReviewSettings.EveryMonths"/> months counted from January (quarterly:
/// January, April, July, October). A cycle starts on the first working day of its period and is due
/// <see cref="AccessReviewSettings.DueAfterWorkingDays"/> working days later. Working days are Monday to Friday, in UTC:
/// reviewers are managers, who belong to no team's calendar.
/// </summary>
public sealed record AccessReviewCycle(string Id, DateTimeOffset StartsAt, DateTimeOffset DueAt)
{
    /// <summary>The cycle whose period holds <paramref name="now"/>; null when reviews are off.</summary>
    public static AccessReviewCycle? At(DateTimeOffset now, AccessReviewSettings settings)
    {
        if (settings.EveryMonths is not { } months || months < 1)
        {
            return null;
        }

        var utc = now.UtcDateTime;
        var monthIndex = (utc.Year * 12) + utc.Month - 1;
        var first = monthIndex - (monthIndex % months);
        var periodStart = new DateTimeOffset(first / 12, (first % 12) + 1, 1, 0, 0, 0, TimeSpan.Zero);
        var startsAt = WorkingDay(periodStart);
        var dueAt = startsAt;
        for (var day = 0; day < settings.DueAfterWorkingDays; day++)
        {
            dueAt = WorkingDay(dueAt.AddDays(1));
        }

        return new AccessReviewCycle(periodStart.ToString("yyyy-MM", CultureInfo.InvariantCulture), startsAt, dueAt);
    }

    /// <summary>Working days before a review's due date at which its reviewer gets one reminder.</summary>
    public const int ReminderWorkingDays = 2;

    /// <summary>The same time of day <paramref name="days"/> working days (Monday to Friday, UTC) before <paramref name="at"/>.</summary>
    public static DateTimeOffset WorkingDaysBefore(DateTimeOffset at, int days)
    {
        for (var left = days; left > 0;)
        {
            at = at.AddDays(-1);
            left -= at.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : 1;
        }

        return at;
    }

    /// <summary>Whether the cycle has started at <paramref name="now"/> (its first working day has come).</summary>
    public bool HasStarted(DateTimeOffset now) => now >= StartsAt;

    /// <summary>"October 2026", for people.</summary>
    public static string Name(string cycleId) =>
        DateTime.TryParseExact(cycleId, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month.ToString("MMMM yyyy", CultureInfo.InvariantCulture)
            : cycleId;

    private static DateTimeOffset WorkingDay(DateTimeOffset day)
    {
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        return day;
    }
}
