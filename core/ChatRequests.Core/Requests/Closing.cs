using System.Text.Json.Serialization;
using ChatRequests.Core.BusinessHours;
using ChatRequests.Core.Organisation;

namespace ChatRequests.Core.Requests;

/// <summary>
/// What the organisation asks of one resolution, worked out by the workflow from the catalog item and the team: whether
/// a colleague checks the work first, whether a work note is required, and how the request closes once fulfilled
/// (null: it waits for the requester, as before closure settings existed).
/// </summary>
public sealed record ResolutionRules(bool QualityCheck, bool WorkNoteRequired, ClosingTerms? Closing)
{
    /// <summary>No check, no note required, nothing closes by itself.</summary>
    public static ResolutionRules None { get; } = new(false, false, null);

    /// <summary>When a check that waits is brought to the lead's attention; null when it never is.</summary>
    public ReviewReminderTerms? ReviewReminder { get; init; }
}

/// <summary>A team's <c>qualityCheckReminderAfterHours</c>: working hours a check may wait before the lead is told, on the team's calendar.</summary>
public sealed record ReviewReminderTerms(int AfterWorkingHours, WorkingCalendar Calendar)
{
    public DateTimeOffset RemindAt(DateTimeOffset requestedAt) => Calendar.Add(requestedAt, TimeSpan.FromHours(AfterWorkingHours));
}

/// <summary>A team's closure settings with the calendar its working days count on.</summary>
public sealed record ClosingTerms(ClosureSettings Settings, WorkingCalendar Calendar)
{
    /// <summary>The schedule of a request fulfilled at <paramref name="fulfilledAt"/>.</summary>
    public ClosingSchedule ScheduleFrom(DateTimeOffset fulfilledAt) => new(
        fulfilledAt,
        AfterWorkingDays(fulfilledAt, Settings.ReminderDays),
        AfterWorkingDays(fulfilledAt, Settings.AutoCloseDays),
        Settings.AutoCloseDays,
        Settings.ReopenDays);

    /// <summary>
    /// The follow-up of a delivery that went out at <paramref name="sentAt"/> (<see cref="ClosureSettings.ReceiptReminderAfterWorkingDays"/>,
    /// <see cref="ClosureSettings.ReceiptAlertAfterWorkingDays"/>); null when the settings ask for neither.
    /// </summary>
    public ReceiptFollowUp? ReceiptFollowUpFrom(DateTimeOffset sentAt) =>
        Settings is { ReceiptReminderAfterWorkingDays: null, ReceiptAlertAfterWorkingDays: null }
            ? null
            : new ReceiptFollowUp(
                Settings.ReceiptReminderAfterWorkingDays is { } remind ? AfterWorkingDays(sentAt, remind) : null,
                Settings.ReceiptAlertAfterWorkingDays is { } alert ? AfterWorkingDays(sentAt, alert) : null);

    /// <summary>
    /// A working day is one day's opening hours of the calendar (24 hours when it is always open), so "5 working days"
    /// from Monday 10:00 on a weekday 08:00–18:00 calendar is the next Monday 10:00, holidays skipped.
    /// </summary>
    private DateTimeOffset AfterWorkingDays(DateTimeOffset from, int days) =>
        Calendar.Add(from, (Calendar.Closes - Calendar.Opens) * days);
}

/// <summary>
/// When a fulfilled request is closed by the system if the requester does not answer, fixed when it was fulfilled; the
/// marks make the reminder and the closing happen once, across restarts and with several sweepers.
/// </summary>
public sealed record ClosingSchedule(
    DateTimeOffset FulfilledAt,
    DateTimeOffset RemindAt,
    DateTimeOffset AutoCloseAt,
    int AutoCloseAfterWorkingDays,
    int ReopenWithinDays)
{
    /// <summary>When the requester was reminded to confirm (once).</summary>
    public DateTimeOffset? RemindedAt { get; init; }

    /// <summary>When the system closed the request (once); null while it waits or when the requester answered.</summary>
    public DateTimeOffset? AutoClosedAt { get; init; }

    /// <summary>Until when an automatically closed request may be reopened by its requester.</summary>
    [JsonIgnore] public DateTimeOffset? ReopenUntil => AutoClosedAt?.AddDays(ReopenWithinDays);
}

/// <summary>The quality check of the latest resolution: who did the work, and who verified or failed it, when and why.</summary>
public sealed record QualityReview(PersonRef ResolvedBy, DateTimeOffset RequestedAt)
{
    public PersonRef? Reviewer { get; init; }
    public bool? Passed { get; init; }
    /// <summary>Why it failed (internal: the team reads it, the requester does not).</summary>
    public string? Reason { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }

    [JsonIgnore] public bool IsPending => Passed is null;

    /// <summary>When the lead is told the check still waits (<see cref="ReviewReminderTerms"/>); null when never.</summary>
    public DateTimeOffset? RemindAt { get; init; }

    /// <summary>When they were told (once).</summary>
    public DateTimeOffset? RemindedAt { get; init; }
}

/// <summary>
/// The follow-up of a delivered item the requester has not acknowledged, fixed when it went out: a reminder to the
/// requester, then a word to the assignee; the marks make each happen once, across restarts and with several sweepers.
/// </summary>
public sealed record ReceiptFollowUp(DateTimeOffset? RemindAt, DateTimeOffset? AlertAt)
{
    public DateTimeOffset? RemindedAt { get; init; }

    public DateTimeOffset? AlertedAt { get; init; }

    /// <summary>The next instant something is due; null when both were done (or neither is set).</summary>
    [JsonIgnore]
    public DateTimeOffset? DueAt
    {
        get
        {
            var remind = RemindedAt is null ? RemindAt : null;
            var alert = AlertedAt is null ? AlertAt : null;
            return remind is null || (alert is not null && alert < remind) ? alert : remind;
        }
    }
}
