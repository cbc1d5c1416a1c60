using System.Text.Json.Serialization;
using ChatRequests.Core.Requests;

namespace ChatRequests.Core.AccessReviews;

/// <summary>What a reviewer decided for one line.</summary>
public enum AccessDecision
{
    Keep,
    Remove,
}

/// <summary>Where a decided line stands: its effect (the request's history; the removal from the group) done or not.</summary>
public enum AccessLineOutcome
{
    /// <summary>Not decided, or decided and its effect not done yet (a removal waiting for a retry).</summary>
    Pending,
    /// <summary>Kept, and the request's history says so.</summary>
    Kept,
    /// <summary>Taken out of the group, the request's history says so and the person was told.</summary>
    Removed,
    /// <summary>The removal was refused for good or kept failing: the team was told to do it by hand.</summary>
    Failed,
}

/// <summary>One grant on a review card and what became of it.</summary>
public sealed record AccessReviewLine(AccessGrant Grant)
{
    public AccessDecision? Decision { get; init; }
    public PersonRef? DecidedBy { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public AccessLineOutcome Outcome { get; init; }

    /// <summary>Removal attempts that failed for a reason worth a retry.</summary>
    public int FailedAttempts { get; init; }

    /// <summary>Why the removal failed for good (for the team and the card).</summary>
    public string? Failure { get; init; }

    [JsonIgnore] public bool IsSettled => Outcome != AccessLineOutcome.Pending;
}

/// <summary>
/// One reviewer's access review of one cycle (<see cref="CycleId"/>, "2026-10"): the grants of the people they manage
/// (or, for people without a manager, of the team they lead), each to keep or remove. One document, written with a
/// version check: of two clicks on one line the first wins. Once <see cref="DueAt"/> passes with lines undecided, the
/// review also goes to <see cref="EscalatedTo"/> (the reviewer's manager), who may decide it too.
/// </summary>
public sealed class AccessReview
{
    private List<AccessReviewLine> _lines = [];

    public required string Id { get; init; }
    public required string CycleId { get; init; }
    public required PersonRef Reviewer { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset DueAt { get; init; }

    [JsonInclude]
    public IReadOnlyList<AccessReviewLine> Lines
    {
        get => _lines;
        private set => _lines = [.. value];
    }

    /// <summary>The store's version of the document; 0 before it was created.</summary>
    public long Version { get; set; }

    /// <summary>The card reached the reviewer's chat.</summary>
    [JsonInclude] public bool Posted { get; private set; }

    [JsonInclude] public PersonRef? EscalatedTo { get; private set; }
    [JsonInclude] public DateTimeOffset? EscalatedAt { get; private set; }

    /// <summary>The card reached <see cref="EscalatedTo"/> and the reviewer was told.</summary>
    [JsonInclude] public bool EscalationPosted { get; private set; }

    /// <summary>When the reviewer was reminded that the review is due soon; null while not.</summary>
    [JsonInclude] public DateTimeOffset? RemindedAt { get; private set; }

    /// <summary>The reminder reached the reviewer.</summary>
    [JsonInclude] public bool ReminderPosted { get; private set; }

    /// <summary>Overdue, but nobody above the reviewer could be found: logged, the reviewer keeps it.</summary>
    [JsonInclude] public bool NobodyToEscalateTo { get; private set; }

    /// <summary>Some line still waits for a decision or for its effect.</summary>
    [JsonIgnore] public bool IsOpen => _lines.Any(l => !l.IsSettled);

    [JsonIgnore] public int DecidedCount => _lines.Count(l => l.Decision is not null);

    /// <summary>The review's document id: one per reviewer and cycle.</summary>
    public static string IdFor(string cycleId, string reviewerId) => $"{cycleId}:{reviewerId}";

    public static AccessReview Start(string cycleId, PersonRef reviewer, IEnumerable<AccessGrant> grants, DateTimeOffset now, DateTimeOffset dueAt) =>
        new()
        {
            Id = IdFor(cycleId, reviewer.Id),
            CycleId = cycleId,
            Reviewer = reviewer,
            StartedAt = now,
            DueAt = dueAt,
            Lines = [.. grants.Select(g => new AccessReviewLine(g))],
        };

    /// <summary>Who may decide: the reviewer and, once it was escalated, the person it went to. Delegation does not apply.</summary>
    public bool MayDecide(string personId) => Reviewer.Id == personId || EscalatedTo?.Id == personId;

    /// <summary>Records the decision on line <paramref name="line"/>; false when it was decided already (nothing changes).</summary>
    public bool Decide(int line, AccessDecision decision, PersonRef by, DateTimeOffset now)
    {
        if (_lines[line].Decision is not null)
        {
            return false;
        }

        _lines[line] = _lines[line] with { Decision = decision, DecidedBy = by, DecidedAt = now };
        return true;
    }

    public void Settle(int line, AccessLineOutcome outcome, string? failure = null) =>
        _lines[line] = _lines[line] with { Outcome = outcome, Failure = failure };

    public void CountFailedAttempt(int line) => _lines[line] = _lines[line] with { FailedAttempts = _lines[line].FailedAttempts + 1 };

    public void MarkPosted() => Posted = true;

    /// <summary>
    /// When the reviewer is reminded: <see cref="AccessReviewCycle.ReminderWorkingDays"/> working days before
    /// <see cref="DueAt"/>; null when that is not after the start (a review due that soon is reminded by its card).
    /// </summary>
    [JsonIgnore]
    public DateTimeOffset? RemindAt => AccessReviewCycle.WorkingDaysBefore(DueAt, AccessReviewCycle.ReminderWorkingDays) is var at && at > StartedAt ? at : null;

    /// <summary>Due for its one reminder at <paramref name="now"/>: its card was posted, some line undecided, not due yet, not reminded.</summary>
    public bool IsReminderDue(DateTimeOffset now) =>
        RemindAt is { } at && now >= at && now < DueAt && Posted && RemindedAt is null && _lines.Any(l => l.Decision is null);

    /// <summary>Records the reminder (once: the version check makes one sweeper's save win); true, a change.</summary>
    public bool Remind(DateTimeOffset now)
    {
        RemindedAt = now;
        return true;
    }

    public void MarkReminderPosted() => ReminderPosted = true;

    /// <summary>Overdue at <paramref name="now"/>: due, some line undecided, not escalated yet.</summary>
    public bool IsOverdue(DateTimeOffset now) =>
        now >= DueAt && EscalatedAt is null && !NobodyToEscalateTo && _lines.Any(l => l.Decision is null);

    /// <summary>Sends the overdue review to <paramref name="to"/> too, or records that there is nobody; true (a change) either way.</summary>
    public bool Escalate(PersonRef? to, DateTimeOffset now)
    {
        if (to is null)
        {
            NobodyToEscalateTo = true;
            return true;
        }

        EscalatedTo = to;
        EscalatedAt = now;
        return true;
    }

    public void MarkEscalationPosted() => EscalationPosted = true;
}
