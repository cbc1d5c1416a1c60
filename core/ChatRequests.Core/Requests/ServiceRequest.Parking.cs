using System.Globalization;
using System.Text.Json.Serialization;

namespace ChatRequests.Core.Requests;

/// <summary>
/// Parked steps reach people: each parking is kept (<see cref="Parkings"/>), written in the history and announced to the
/// owning team with a <see cref="RequestEventType.ParkedNotice"/> event, whose card offers Retry and Dismiss. A notice that
/// is itself parked announces nothing more, so a notice never loops.
/// </summary>
public sealed partial class ServiceRequest
{
    private List<ParkedStep> _parkings = [];

    /// <summary>Every time one of the request's events was parked, oldest first, with what became of it.</summary>
    [JsonIgnore]
    public IReadOnlyList<ParkedStep> Parkings => _parkings;

    // Not written while empty, so documents without a parking are saved back as they were.
    [JsonInclude, JsonPropertyName("parkings"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    internal IReadOnlyList<ParkedStep>? StoredParkings
    {
        get => _parkings.Count == 0 ? null : _parkings;
        set => _parkings = [.. value ?? []];
    }

    /// <summary>The parkings that still wait for a person's Retry or Dismiss.</summary>
    [JsonIgnore]
    public IEnumerable<ParkedStep> WaitingParkings => _parkings.Where(p => p.IsWaiting && _outbox.Any(e => e.Id == p.EventId && e.IsParked));

    public ParkedStep? FindParking(string parkId) => _parkings.FirstOrDefault(p => p.Id == parkId);

    /// <summary>
    /// A person tries the parked step again: the event is due now with its attempts reset. False, changing nothing, when
    /// the parking was already retried or dismissed (a double click, an old card).
    /// </summary>
    public bool RetryParked(string parkId, PersonRef by, DateTimeOffset now) =>
        Settle(parkId, by, now, ParkOutcome.Retried, index => _outbox[index] = _outbox[index] with
        {
            Attempts = 0,
            NextAttemptAt = now,
            ParkedAt = null,
            Retries = _outbox[index].Retries + 1,
        });

    /// <summary>
    /// A person gives the parked step up for good: the event leaves the outbox. False, changing nothing, when the parking
    /// was already retried or dismissed.
    /// </summary>
    public bool DismissParked(string parkId, PersonRef by, DateTimeOffset now) =>
        Settle(parkId, by, now, ParkOutcome.Dismissed, _outbox.RemoveAt);

    private void Park(OutboxEvent parked, DateTimeOffset now)
    {
        if (parked.Type == RequestEventType.ParkedNotice)
        {
            // The notice about a parking could not be posted: it stays parked (on /status and the dashboard), and the
            // relay logs and counts it; announcing it would be a notice about a notice.
            return;
        }

        var step = new ParkedStep(
            (_parkings.Count + 1).ToString(CultureInfo.InvariantCulture), parked.Id, parked.Type, now, parked.Attempts,
            ParkReasons.Plain(parked.LastError ?? ""));
        _parkings.Add(step);
        Note(AuditAction.EventParked, now, $"Step given up after {Attempts(step.Attempts)}: {step.Step}. Why: {step.Reason}. The team can retry or dismiss it.");
        Raise(RequestEventType.ParkedNotice, PersonRef.System, now, step.Id);
    }

    private bool Settle(string parkId, PersonRef by, DateTimeOffset now, ParkOutcome outcome, Action<int> onEvent)
    {
        var index = _parkings.FindIndex(p => p.Id == parkId);
        if (index < 0 || !_parkings[index].IsWaiting)
        {
            return false;
        }

        var park = _parkings[index];
        var eventIndex = _outbox.FindIndex(e => e.Id == park.EventId && e.IsParked);
        if (eventIndex < 0)
        {
            return false;
        }

        onEvent(eventIndex);
        _parkings[index] = park with { Outcome = outcome, SettledBy = by, SettledAt = now };
        UpdatedAt = now;
        var (action, words) = outcome == ParkOutcome.Retried
            ? (AuditAction.EventRetried, $"Retried {park.Step}")
            : (AuditAction.EventDismissed, $"Dismissed {park.Step}: it will not be done");
        Record(now, by, action, State, State, words);
        Raise(RequestEventType.ParkedNotice, by, now, park.Id);
        return true;
    }

    private static string Attempts(int count) => count == 1 ? "1 attempt" : $"{count.ToString(CultureInfo.InvariantCulture)} attempts";
}
