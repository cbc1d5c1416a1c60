using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Assignment;

/// <summary>An agent who said they are not available for new requests ("unavailable", "I'm off today"), since when.</summary>
public sealed record Unavailability(PersonRef Person, DateTimeOffset Since);

/// <summary>
/// What automatic assignment keeps between requests: who marked themselves unavailable (until they say "available"),
/// and per team whose turn was last in round robin, so that the rotation goes on where it was after a restart.
/// </summary>
public interface IAssignmentStore
{
    /// <summary>Marks the person unavailable; a second mark keeps the first <see cref="Unavailability.Since"/>.</summary>
    Task SetUnavailableAsync(Unavailability unavailability, CancellationToken cancellationToken = default);

    /// <summary>The person's mark, or null when they are available.</summary>
    Task<Unavailability?> FindUnavailableAsync(string personId, CancellationToken cancellationToken = default);

    /// <summary>Makes the person available again; false when they were not marked.</summary>
    Task<bool> SetAvailableAsync(string personId, CancellationToken cancellationToken = default);

    /// <summary>Records that <paramref name="personId"/> got the team's latest automatic assignment.</summary>
    Task RecordTurnAsync(string teamId, string personId, CancellationToken cancellationToken = default);

    /// <summary>Who got the team's latest automatic assignment, or null before the first.</summary>
    Task<string?> FindLastTurnAsync(string teamId, CancellationToken cancellationToken = default);
}
