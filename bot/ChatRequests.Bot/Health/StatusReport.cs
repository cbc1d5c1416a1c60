using ChatRequests.Core.Fulfilment;

namespace ChatRequests.Bot.Health;

/// <summary>
/// The fulfilment part of GET /status, which is public: counts and ages only. No request number, event id or failure
/// reason (a reason can quote what someone typed): those are for the lead of the owning team on the dashboard tab
/// (<see cref="Core.Reporting.LiveBoard"/>) and for operators in the log.
/// </summary>
/// <param name="OldestDueSeconds">How long the longest-waiting due event has waited; 0 when none is due.</param>
/// <param name="OldestParkedSeconds">How long the oldest parked event has waited for a person; 0 when none is parked.</param>
/// <param name="IsPartial">True when more requests hold events than one check reads; the counts are then lower bounds.</param>
public sealed record StatusReport(
    DateTimeOffset CheckedAt,
    int PendingEvents,
    int DueEvents,
    double OldestDueSeconds,
    int ParkedEvents,
    double OldestParkedSeconds,
    bool IsPartial)
{
    public static StatusReport Of(RelayHealthReport report) => new(
        report.CheckedAt,
        report.PendingEvents,
        report.DueEvents,
        AgeSeconds(report.CheckedAt, report.OldestDueAt),
        report.Parked.Count,
        AgeSeconds(report.CheckedAt, report.Parked.Min(p => p.ParkedAt)),
        report.IsPartial);

    private static double AgeSeconds(DateTimeOffset now, DateTimeOffset? since) =>
        since is { } at ? Math.Round(Math.Max(0, (now - at).TotalSeconds)) : 0;
}
