using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;

namespace ChatRequests.Core.Fulfilment;

/// <summary>An event the relay gave up on, with the reason, for an operator to fix and retry.</summary>
public sealed record ParkedEvent(
    string RequestId,
    string EventId,
    RequestEventType Type,
    int Attempts,
    string? LastError,
    DateTimeOffset? ParkedAt);

/// <summary>The state of the outboxes, as a health endpoint shows it.</summary>
/// <param name="PendingEvents">Events waiting in outboxes, due now or backing off after a failure.</param>
/// <param name="DueEvents">Events due now: a relay that keeps up holds this near zero.</param>
/// <param name="OldestDueAt">When the longest-waiting due event became due; how far behind the relay is.</param>
/// <param name="IsPartial">True when more requests hold events than one check reads; the counts are then lower bounds.</param>
public sealed record RelayHealthReport(
    DateTimeOffset CheckedAt,
    int PendingEvents,
    int DueEvents,
    DateTimeOffset? OldestDueAt,
    IReadOnlyList<ParkedEvent> Parked,
    bool IsPartial)
{
    /// <summary>Healthy while nothing is parked; parked events need a person.</summary>
    public bool IsHealthy => Parked.Count == 0;
}

/// <summary>Reads the outboxes through the store port and reports pending and parked events.</summary>
public sealed class RelayHealth(IRequestStore store, TimeProvider clock)
{
    /// <summary>Requests read per check: a health probe must stay cheap even when a backlog has built up.</summary>
    public const int MaxRequestsRead = 1000;

    public async Task<RelayHealthReport> CheckAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        // Counted by the store, on every poll: no request is loaded for them.
        var pending = await store.CountPendingEventsAsync(now, MaxRequestsRead, cancellationToken);
        var withParked = await store.ListWithParkedEventsAsync(cancellationToken);
        var parked = withParked
            .SelectMany(r => r.Outbox.Where(e => e.IsParked)
                .Select(e => new ParkedEvent(r.Id, e.Id, e.Type, e.Attempts, e.LastError, e.ParkedAt)))
            .ToList();

        return new RelayHealthReport(now, pending.Count, pending.Due, pending.OldestDueAt, parked, pending.IsPartial);
    }
}
