using System.Collections.Concurrent;

namespace ChatRequests.Core.Assignment;

/// <summary>Availability and round-robin turns held in the process only (tests, and hosts that keep nothing across a restart).</summary>
public sealed class InMemoryAssignmentStore : IAssignmentStore
{
    private readonly ConcurrentDictionary<string, Unavailability> _unavailable = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _turns = new(StringComparer.Ordinal);

    public Task SetUnavailableAsync(Unavailability unavailability, CancellationToken cancellationToken = default)
    {
        _unavailable[unavailability.Person.Id] = unavailability;
        return Task.CompletedTask;
    }

    public Task<Unavailability?> FindUnavailableAsync(string personId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_unavailable.TryGetValue(personId, out var mark) ? mark : null);

    public Task<bool> SetAvailableAsync(string personId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_unavailable.TryRemove(personId, out _));

    public Task<bool> TakeTurnAsync(string teamId, string? lastTurnId, string personId, CancellationToken cancellationToken = default) =>
        Task.FromResult(lastTurnId is null ? _turns.TryAdd(teamId, personId) : _turns.TryUpdate(teamId, personId, lastTurnId));

    public Task<string?> FindLastTurnAsync(string teamId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_turns.TryGetValue(teamId, out var personId) ? personId : null);
}
