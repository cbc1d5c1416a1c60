using System.Text.Json.Serialization;
using ChatRequests.Core.BusinessHours;
using ChatRequests.Core.Sla;

namespace ChatRequests.Core.Requests;

// The fulfilment clock stops while the request waits for someone outside the team: its requester (a question) or a
// supplier (awaiting parts). On resuming, the target moves later by the working time that passed meanwhile.
public sealed partial class ServiceRequest
{
    private List<ClockPause> _pauses = [];

    /// <summary>Since when the fulfilment clock stands still; null while it runs (and in documents written before pauses).</summary>
    [JsonInclude, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? PausedSince { get; internal set; }

    /// <summary>The pauses that ended, in order; empty in documents written before pauses (never paused).</summary>
    [JsonIgnore]
    public IReadOnlyList<ClockPause> Pauses => _pauses;

    [JsonInclude, JsonPropertyName("pauses"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    internal IReadOnlyList<ClockPause>? StoredPauses
    {
        get => _pauses.Count == 0 ? null : _pauses;
        set => _pauses = [.. value ?? []];
    }

    /// <summary>The clock stands still: nothing is warned or escalated, and cards show "paused" instead of the target.</summary>
    [JsonIgnore]
    public bool IsClockPaused => PausedSince is not null;

    /// <summary>The states in which the request waits for someone outside the team, so its target does not count down.</summary>
    public static bool StopsTheClock(RequestState state) => state is RequestState.AwaitingRequester or RequestState.AwaitingParts;

    /// <summary>
    /// After every change of state: the clock stops on entering a waiting state and resumes on leaving it (from one
    /// waiting state to the other it stays stopped). <paramref name="calendar"/> is the team's, to count the pause's
    /// working time; null counts every hour (a team without a calendar).
    /// </summary>
    private void FollowClock(DateTimeOffset now, WorkingCalendar? calendar)
    {
        if (PausedSince is null && StopsTheClock(State))
        {
            PausedSince = now;
            Note(AuditAction.ClockPaused, now, State == RequestState.AwaitingRequester
                ? "Waiting for the requester's answer"
                : "Waiting for parts");
        }
        else if (PausedSince is { } since && !StopsTheClock(State))
        {
            Resume(since, now, calendar ?? WorkingCalendar.AlwaysOpen);
        }
    }

    private void Resume(DateTimeOffset since, DateTimeOffset now, WorkingCalendar calendar)
    {
        var paused = calendar.Between(since, now);
        var atRisk = SlaPolicy.AtRiskAt(this);
        DueAt = calendar.Add(DueAt, paused);
        AtRiskAt = calendar.Add(atRisk, paused);
        MoveLongBreach(paused, calendar);
        _pauses.Add(new ClockPause(since, now, paused));
        PausedSince = null;
        if (State.IsInFulfilment())
        {
            // A request resolved or cancelled from a pause keeps the moved target (it counts again if reopened), quietly.
            // No instant in the words: cards show the history as text, and the moved target in the reader's zone beside it.
            Note(AuditAction.ClockResumed, now,
                paused == TimeSpan.Zero
                    ? "No working time passed, so the target stays"
                    : $"The target moves {WorkingHours(paused)} of working time later");
        }
    }

    private static string WorkingHours(TimeSpan span) => ((int)span.TotalHours, span.Minutes) switch
    {
        (0, var minutes) => $"{minutes} min",
        (var hours, 0) => $"{hours} h",
        (var hours, var minutes) => $"{hours} h {minutes} min",
    };
}
