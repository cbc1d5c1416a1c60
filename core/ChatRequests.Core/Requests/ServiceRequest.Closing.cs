using System.Globalization;
using System.Text.Json.Serialization;
using ChatRequests.Core.Sla;

namespace ChatRequests.Core.Requests;

// Closing without the requester: a fulfilled request they do not answer is reminded once, then closed by the system;
// an automatically closed request may be reopened for a while. A requester's own confirmation closes it for good.
public sealed partial class ServiceRequest
{
    /// <summary>When the fulfilled request closes by itself; null when it waits for the requester however long.</summary>
    [JsonInclude, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ClosingSchedule? Closing { get; internal set; }

    /// <summary>Closed by the system for want of an answer (not by the requester's confirmation).</summary>
    [JsonIgnore] public bool WasClosedAutomatically => State == RequestState.Closed && Closing?.AutoClosedAt is not null;

    /// <summary>Whether the requester may reopen it at <paramref name="now"/>: fulfilled, or closed by the system within the window.</summary>
    public bool MayReopen(DateTimeOffset now) =>
        State == RequestState.Fulfilled || (WasClosedAutomatically && now <= Closing!.ReopenUntil);

    /// <summary>The next instant the closing timer of a fulfilled request is due (<see cref="SlaPolicy.NextCheckAt"/>).</summary>
    [JsonIgnore] internal DateTimeOffset? ClosingCheckAt => Closing switch
    {
        null => null,
        { RemindedAt: null } c => c.RemindAt,
        { AutoClosedAt: null } c => c.AutoCloseAt,
        _ => null,
    };

    private void ScheduleClosing(DateTimeOffset fulfilledAt, ClosingTerms? terms) => Closing = terms?.ScheduleFrom(fulfilledAt);

    /// <summary>
    /// The closing timer of a fulfilled request (called by <see cref="CheckSla"/>): the reminder first, in the requester's
    /// chat with the buttons; then, if they still have not answered, the system closes it. Each once; a reminder that
    /// is due together with the closing (a sweep that did not run for days) is skipped, not sent after the fact.
    /// </summary>
    private SlaOutcome CheckClosing(DateTimeOffset now)
    {
        if (State != RequestState.Fulfilled || Closing is not { AutoClosedAt: null } closing)
        {
            return SlaOutcome.None;
        }

        if (now >= closing.AutoCloseAt)
        {
            var why = $"closed automatically: no answer in {Days(closing.AutoCloseAfterWorkingDays)}";
            Closing = closing with { AutoClosedAt = now, RemindedAt = closing.RemindedAt ?? now };
            Apply(RequestCommand.AutoClose, PersonRef.System, now, why);
            Raise(RequestEventType.AutoClosed, PersonRef.System, now, why);
            return SlaOutcome.None with { AutoClosed = true };
        }

        if (closing.RemindedAt is not null || now < closing.RemindAt)
        {
            return SlaOutcome.None;
        }

        Closing = closing with { RemindedAt = now };
        Note(AuditAction.RemindRequester, now, $"Reminded {Requester.Name} to confirm or reopen");
        Raise(RequestEventType.ConfirmationReminder, PersonRef.System, now, null);
        return SlaOutcome.None with { RemindedRequester = true };
    }

    /// <summary>Reopening a closed request: only one the system closed, and only within its window; the refusal says until when it was possible.</summary>
    private void EnsureReopenable(DateTimeOffset now)
    {
        if (State != RequestState.Closed || MayReopen(now))
        {
            return;
        }

        if (!WasClosedAutomatically)
        {
            throw new RequestRuleException($"{Id} is closed: you confirmed it. If something is wrong again, type 'new request' to ask for help.");
        }

        var until = Closing!.ReopenUntil!.Value.ToUniversalTime().ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        throw new RequestRuleException(
            $"{Id} closed automatically and could be reopened until {until} ({Days(Closing.ReopenWithinDays, "day")}); that time has passed. Type 'new request' to ask again.");
    }

    private static string Days(int n, string unit = "working day") =>
        n == 1 ? $"1 {unit}" : $"{n.ToString(CultureInfo.InvariantCulture)} {unit}s";
}
