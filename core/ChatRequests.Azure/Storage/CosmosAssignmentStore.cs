using ChatRequests.Core.Assignment;
using Microsoft.Extensions.Logging;

namespace ChatRequests.Azure.Storage;

/// <summary>
/// Availability marks (kind "unavailable", one document per person) and round-robin turns (kind "assignment-turn", one
/// per team) in the messaging container, read by id only.
/// </summary>
public sealed class CosmosAssignmentStore(CosmosContainers containers, ILogger<CosmosAssignmentStore> logger) : IAssignmentStore
{
    private const string UnavailableKind = "unavailable";
    private const string TurnKind = "assignment-turn";

    private readonly CosmosDocuments _documents = new(logger);

    public async Task SetUnavailableAsync(Unavailability unavailability, CancellationToken cancellationToken = default)
    {
        var container = await containers.MessagingAsync(cancellationToken);
        var document = new UnavailableDocument { Id = CosmosIds.For(UnavailableKind, unavailability.Person.Id), Unavailability = unavailability };
        // A second mark keeps the first: nothing is written when one is stored.
        await _documents.UpdateAsync<UnavailableDocument>(container, document.Id, stored => stored is null ? document : null, cancellationToken);
    }

    public async Task<Unavailability?> FindUnavailableAsync(string personId, CancellationToken cancellationToken = default)
    {
        var container = await containers.MessagingAsync(cancellationToken);
        var stored = await _documents.ReadAsync<UnavailableDocument>(container, CosmosIds.For(UnavailableKind, personId), cancellationToken);
        return stored?.Document.Unavailability;
    }

    public async Task<bool> SetAvailableAsync(string personId, CancellationToken cancellationToken = default)
    {
        var container = await containers.MessagingAsync(cancellationToken);
        return await _documents.TryDeleteAsync(container, CosmosIds.For(UnavailableKind, personId), etag: null, cancellationToken);
    }

    public async Task RecordTurnAsync(string teamId, string personId, CancellationToken cancellationToken = default)
    {
        var container = await containers.MessagingAsync(cancellationToken);
        var document = new TurnDocument { Id = CosmosIds.For(TurnKind, teamId), PersonId = personId };
        await _documents.UpdateAsync<TurnDocument>(container, document.Id, _ => document, cancellationToken);
    }

    public async Task<string?> FindLastTurnAsync(string teamId, CancellationToken cancellationToken = default)
    {
        var container = await containers.MessagingAsync(cancellationToken);
        var stored = await _documents.ReadAsync<TurnDocument>(container, CosmosIds.For(TurnKind, teamId), cancellationToken);
        return stored?.Document.PersonId;
    }

    private sealed record UnavailableDocument
    {
        public required string Id { get; init; }
        public string Type { get; init; } = UnavailableKind;
        public required Unavailability Unavailability { get; init; }
    }

    private sealed record TurnDocument
    {
        public required string Id { get; init; }
        public string Type { get; init; } = TurnKind;
        public required string PersonId { get; init; }
    }
}
