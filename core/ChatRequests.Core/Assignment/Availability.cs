using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Assignment;

/// <summary>
/// An agent who said they are not available for new requests ("unavailable", "away until Monday"), since when and until
/// when (<see cref="AvailabilityDesk"/> sets it). A mark without <see cref="Until"/> (written before marks ended) lasts until
/// they say "available".
/// </summary>
public sealed record Unavailability(PersonRef Person, DateTimeOffset Since)
{
    /// <summary>When the mark ends by itself (the start of the working day they are back); null: only "available" ends it.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Whether the mark still stands at <paramref name="at"/>.</summary>
    public bool StandsAt(DateTimeOffset at) => Until is not { } until || at < until;
}

/// <summary>
/// What automatic assignment keeps between requests: who marked themselves unavailable (until the mark's end or they say
/// "available"), and per team whose turn was last in round robin, so that the rotation goes on where it was after a restart.
/// </summary>
public interface IAssignmentStore
{
    /// <summary>Marks the person unavailable, replacing a mark stored before (the desk keeps its <see cref="Unavailability.Since"/>).</summary>
    Task SetUnavailableAsync(Unavailability unavailability, CancellationToken cancellationToken = default);

    /// <summary>The person's mark as stored, or null when none is; one that ended (<see cref="Unavailability.StandsAt"/>) is still returned.</summary>
    Task<Unavailability?> FindUnavailableAsync(string personId, CancellationToken cancellationToken = default);

    /// <summary>Makes the person available again; false when they were not marked.</summary>
    Task<bool> SetAvailableAsync(string personId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that <paramref name="personId"/> got the team's next automatic assignment, only if the last turn is still
    /// <paramref name="lastTurnId"/> (null: none yet), as one atomic step; false when another assignment took a turn since
    /// (the caller reads the last turn again and chooses again), so that two requests reaching the team at once never
    /// both go to the same person on the same turn.
    /// </summary>
    Task<bool> TakeTurnAsync(string teamId, string? lastTurnId, string personId, CancellationToken cancellationToken = default);

    /// <summary>Who got the team's latest automatic assignment, or null before the first.</summary>
    Task<string?> FindLastTurnAsync(string teamId, CancellationToken cancellationToken = default);
}
