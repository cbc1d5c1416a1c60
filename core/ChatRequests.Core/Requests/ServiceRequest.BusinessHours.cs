using ChatRequests.Core.BusinessHours;
using ChatRequests.Core.Sla;

namespace ChatRequests.Core.Requests;

// Approval reminders and timeouts count the team's working time: fixed on the stage when it is put to its approvers.
public sealed partial class ServiceRequest
{
    /// <summary>
    /// <paramref name="stage"/> put to its approvers at <paramref name="now"/>: its reminder and timeout instants counted
    /// on the team's <paramref name="calendar"/> and kept on the stage, so every later read (the sweep's index, the cards,
    /// the requester's "Next" line) finds the same instants. Without a calendar nothing is stored and every hour counts.
    /// </summary>
    private static ApprovalStage Timed(ApprovalStage stage, DateTimeOffset now, WorkingCalendar? calendar) =>
        calendar is null || calendar.IsAlwaysOpen
            ? stage with { RequestedAt = now, ReminderDueAt = null, TimeoutDueAt = null }
            : stage with
            {
                RequestedAt = now,
                ReminderDueAt = SlaPolicy.ReminderAt(now, calendar),
                TimeoutDueAt = stage.TimeoutHours is { } hours ? SlaPolicy.TimeoutAt(now, hours, calendar) : null,
            };
}
