using ChatRequests.Core.BusinessHours;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Sla;

/// <summary>
/// The SLA rules (ITIL escalation): the fulfilment target of a request, when approvers are reminded, when a
/// request is at risk and when it is breached, and from these the next instant the SLA sweep has work on it.
/// </summary>
public static class SlaPolicy
{
    /// <summary>The approvers of a stage are reminded once, this long after the stage was requested.</summary>
    public static readonly TimeSpan ApprovalReminderAfter = TimeSpan.FromHours(24);

    /// <summary>The team is warned once this share of the time from submission to the target has passed (3/4).</summary>
    public const int AtRiskNumerator = 3;
    public const int AtRiskDenominator = 4;

    /// <summary>The fulfilment target: the item's SLA hours of the team's working time (every hour when none is given) after submission.</summary>
    public static DateTimeOffset TargetFor(CatalogItem item, DateTimeOffset submittedAt, WorkingCalendar? calendar = null) =>
        (calendar ?? WorkingCalendar.AlwaysOpen).Add(submittedAt, TimeSpan.FromHours(item.SlaHours));

    /// <summary>
    /// When a request submitted at <paramref name="submittedAt"/> becomes at risk, which is when escalation level 1 fires:
    /// <paramref name="share"/> (the organisation's <c>escalation.level1AtShare</c>; 3/4 when not given) of the item's SLA
    /// hours of working time. At 3/4 on an always-open calendar this is the same instant as
    /// <see cref="AtRiskAt(DateTimeOffset, DateTimeOffset)"/>.
    /// </summary>
    public static DateTimeOffset AtRiskFor(CatalogItem item, DateTimeOffset submittedAt, WorkingCalendar? calendar = null, double? share = null)
    {
        var target = TimeSpan.FromHours(item.SlaHours).Ticks;
        var ticks = share is null or Organisation.EscalationSettings.DefaultLevel1AtShare
            ? target / AtRiskDenominator * AtRiskNumerator
            : (long)Math.Round(target * share.Value);
        return (calendar ?? WorkingCalendar.AlwaysOpen).Add(submittedAt, TimeSpan.FromTicks(ticks));
    }

    /// <summary>Breached is past the target: at the target instant itself it is still met.</summary>
    public static bool IsBreached(DateTimeOffset dueAt, DateTimeOffset now) => now > dueAt;

    /// <summary>The first instant at which the target is breached.</summary>
    public static DateTimeOffset BreachAt(DateTimeOffset dueAt) => dueAt.AddTicks(1);

    /// <summary>
    /// When the request counts as at risk: 3/4 of the way from submission to the target, in whole ticks so that
    /// every store and every run computes the same instant.
    /// </summary>
    public static DateTimeOffset AtRiskAt(DateTimeOffset submittedAt, DateTimeOffset dueAt)
    {
        var span = Math.Max(0, (dueAt - submittedAt).Ticks);
        return submittedAt.AddTicks(span / AtRiskDenominator * AtRiskNumerator + span % AtRiskDenominator * AtRiskNumerator / AtRiskDenominator);
    }

    /// <summary>The request's stored at-risk instant; computed from submission and target for documents written before it was stored.</summary>
    public static DateTimeOffset AtRiskAt(ServiceRequest request) =>
        request.AtRiskAt ?? AtRiskAt(request.SubmittedAt, request.DueAt);

    /// <summary>
    /// When the approvers of a stage put to them at <paramref name="stageRequestedAt"/> are due their reminder: 24 hours of
    /// the request's team's working time (every hour when the team has no calendar).
    /// </summary>
    public static DateTimeOffset ReminderAt(DateTimeOffset stageRequestedAt, WorkingCalendar? calendar = null) =>
        (calendar ?? WorkingCalendar.AlwaysOpen).Add(stageRequestedAt, ApprovalReminderAfter);

    /// <summary>When a stage's approvers have not answered in time (working hours as the reminder): never before their reminder, which comes first.</summary>
    public static DateTimeOffset TimeoutAt(DateTimeOffset stageRequestedAt, int timeoutHours, WorkingCalendar? calendar = null)
    {
        var at = (calendar ?? WorkingCalendar.AlwaysOpen).Add(stageRequestedAt, TimeSpan.FromHours(timeoutHours));
        var reminder = ReminderAt(stageRequestedAt, calendar);
        return at > reminder ? at : reminder;
    }

    /// <summary>
    /// The pending stage's reminder instant: as stored when the stage was put to its approvers on a team calendar,
    /// otherwise every hour counts (teams without a calendar, documents written before).
    /// </summary>
    public static DateTimeOffset ReminderAt(ServiceRequest request) =>
        request.Approvals[request.CurrentStage].ReminderDueAt ?? ReminderAt(request.StageRequestedAt(request.CurrentStage));

    /// <summary>The pending stage's timeout instant (<paramref name="timeoutHours"/> its hours), stored or computed as <see cref="ReminderAt(ServiceRequest)"/>.</summary>
    public static DateTimeOffset TimeoutAt(ServiceRequest request, int timeoutHours) =>
        request.Approvals[request.CurrentStage].TimeoutDueAt ?? TimeoutAt(request.StageRequestedAt(request.CurrentStage), timeoutHours);

    /// <summary>
    /// The next instant at which <see cref="ServiceRequest.CheckSla"/> has something to do for the request, or null
    /// when nothing more will ever be due in its current state (fulfilled, final, reminded and timed out, escalated)
    /// or while its clock is paused (waiting for the requester or for parts: nothing is due until it resumes). A supplier
    /// alert (<see cref="ServiceRequest.SupplierAlertAt"/>) and an unassigned request's re-announce
    /// (<see cref="ServiceRequest.ReannounceDueAt"/>) count too, and so do a quality check that waits and a delivery not
    /// acknowledged (<see cref="ServiceRequest.FollowUpCheckAt"/>), and a final request's anonymisation or deletion under its
    /// retention rule (<see cref="ServiceRequest.AnonymiseDueAt"/>, <see cref="ServiceRequest.DeleteDueAt"/>).
    /// </summary>
    /// <remarks>
    /// It takes no calendar: the instants that count working time are fixed in the document where a calendar was known
    /// (the target and at-risk at submission and on resuming, a stage's reminder and timeout when it is put to its
    /// approvers), because the stores index this instant without a directory to ask.
    /// </remarks>
    public static DateTimeOffset? NextCheckAt(ServiceRequest request) =>
        Earliest(Earliest(Earliest(Earliest(NextTargetCheckAt(request), request.SupplierAlertAt), request.ReannounceDueAt), request.FollowUpCheckAt),
            request.RetentionCheckAt);

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null || (b is not null && b < a) ? b : a;

    /// <summary>The next instant of the target and approval rules (null while paused); the supplier alert and the re-announce come on top (<see cref="NextCheckAt"/>).</summary>
    private static DateTimeOffset? NextTargetCheckAt(ServiceRequest request)
    {
        if (request.State == RequestState.AwaitingApproval)
        {
            return request.PendingStage switch
            {
                { Decision: null, RemindedAt: null } => ReminderAt(request),
                { Decision: null, TimedOutAt: null, TimeoutHours: { } hours } => TimeoutAt(request, hours),
                _ => null,
            };
        }

        if (request.State == RequestState.Fulfilled)
        {
            return request.ClosingCheckAt;
        }

        // A paused clock (waiting for the requester or for parts) has nothing due until it runs again.
        return request.IsClockPaused ? null : request.NextEscalationCheckAt();
    }
}
