using ChatRequests.Core.BusinessHours;

namespace ChatRequests.Core.Reporting;

/// <summary>
/// Approval wait and fulfilment counted in working hours, on the calendar of each request's team (a team without one:
/// every hour counts, as on the wall clock), the way SLA targets count: a request approved Friday 16:00 and fulfilled
/// Monday 10:00 on a 09:00–17:00 weekday calendar took 2 working hours, not 66.
/// </summary>
public sealed record WorkingTimes(Durations ApprovalWait, Durations Fulfilment)
{
    /// <summary>
    /// The working times of the requests approved and fulfilled; null when none of their teams has a calendar of its own
    /// (they would only repeat the wall-clock figures).
    /// </summary>
    /// <param name="calendarOf">A team's calendar by its id; null for a team without one.</param>
    public static WorkingTimes? Of(
        IReadOnlyCollection<RequestFacts> approved, IReadOnlyCollection<RequestFacts> fulfilled, Func<string, WorkingCalendar?> calendarOf)
    {
        var calendars = approved.Concat(fulfilled).Select(f => f.TeamId).Distinct(StringComparer.Ordinal)
            .Select(id => (id, Calendar: calendarOf(id)))
            .Where(t => t.Calendar is { IsAlwaysOpen: false })
            .ToDictionary(t => t.id, t => t.Calendar!, StringComparer.Ordinal);
        if (calendars.Count == 0)
        {
            return null;
        }

        TimeSpan Working(RequestFacts f, DateTimeOffset from, DateTimeOffset to) =>
            calendars.TryGetValue(f.TeamId, out var calendar) ? calendar.Between(from, to) : to - from;

        return new WorkingTimes(
            Percentiles.Of(approved.Select(f => Working(f, f.ApprovalAskedAt!.Value, f.ApprovedAt!.Value))),
            Percentiles.Of(fulfilled.Select(f => Working(f, f.ApprovedAt ?? f.SubmittedAt, f.FulfilledAt!.Value))));
    }
}
