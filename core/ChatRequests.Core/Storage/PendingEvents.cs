namespace ChatRequests.Core.Storage;

/// <summary>
/// The outbox events not parked, as the health check counts them (<see cref="IRequestStore.CountPendingEventsAsync"/>):
/// how many wait, how many are due, and since when the longest-waiting due one waits.
/// </summary>
/// <param name="IsPartial">True when more requests hold such events than were read; the counts are then lower bounds.</param>
public sealed record PendingEvents(int Count, int Due, DateTimeOffset? OldestDueAt, bool IsPartial)
{
    /// <summary>The counts of the events whose next attempts are <paramref name="nextAttempts"/>, due at <paramref name="now"/>.</summary>
    public static PendingEvents Of(IEnumerable<DateTimeOffset> nextAttempts, DateTimeOffset now, bool isPartial)
    {
        int count = 0, due = 0;
        DateTimeOffset? oldestDue = null;
        foreach (var at in nextAttempts)
        {
            count++;
            if (at <= now)
            {
                due++;
                oldestDue = oldestDue is { } oldest && oldest <= at ? oldest : at;
            }
        }

        return new PendingEvents(count, due, oldestDue, isPartial);
    }
}
