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

    private readonly CosmosDocuments _documents = new(logger, containers.OperationTimeout);

    public async Task SetUnavailableAsync(Unavailability unavailability, CancellationToken cancellationToken = default)
    {
        var container = await containers.MessagingAsync(cancellationToken);
        var document = new UnavailableDocument { Id = CosmosIds.For(UnavailableKind, unavailability.Person.Id), Unavailability = unavailability };
        await _documents.UpdateAsync<UnavailableDocument>(container, document.Id, _ => document, cancellationToken);
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

    public async Task<bool> TakeTurnAsync(string teamId, string? lastTurnId, string personId, CancellationToken cancellationToken = default)
    {
        var container = await containers.MessagingAsync(cancellationToken);
        var id = CosmosIds.For(TurnKind, teamId);
        var document = new TurnDocument { Id = id, PersonId = personId };
        var stored = await _documents.ReadAsync<TurnDocument>(container, id, cancellationToken);
        if (stored?.Document.PersonId != lastTurnId)
        {
            return false;
        }

        // The ETag read with the last turn makes the write fail (412) when another turn was taken in between.
        var written = stored is { ETag: var etag }
            ? await _documents.TryReplaceAsync(container, id, document, etag, cancellationToken)
            : await _documents.TryCreateAsync(container, id, document, cancellationToken);
        return written is not null;
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
