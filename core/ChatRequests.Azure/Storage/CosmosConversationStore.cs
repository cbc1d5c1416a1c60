using ChatRequests.Core.Messaging;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;

namespace ChatRequests.Azure.Storage;

/// <summary>Conversation references in the messaging container, one document per conversation.</summary>
public sealed class CosmosConversationStore(CosmosContainers containers, ILogger<CosmosConversationStore> logger) : IConversationStore
{
    private const string Kind = "conversation";

    private readonly CosmosDocuments _documents = new(logger, containers.OperationTimeout);

    public async Task UpsertAsync(ConversationReference reference, CancellationToken cancellationToken = default)
    {
        var container = await containers.MessagingAsync(cancellationToken);
        var updated = ConversationDocument.From(reference);
        // Activities can be handled out of order; an older reference must not replace a newer service URL.
        await _documents.UpdateAsync<ConversationDocument>(
            container,
            updated.Id,
            stored => stored is null || string.CompareOrdinal(updated.UpdatedAtUtc, stored.UpdatedAtUtc) >= 0 ? updated : null,
            cancellationToken);
    }

    public Task<ConversationReference?> FindPersonalAsync(string aadObjectId, CancellationToken cancellationToken = default) =>
        FindFirstAsync(
            "personal",
            new QueryDefinition(
                    "SELECT TOP 1 * FROM c WHERE c.type = @type AND c.userAadObjectId = @aad AND c.conversationType = @personal " +
                    "ORDER BY c.updatedAtUtc DESC")
                .WithParameter("@aad", aadObjectId)
                .WithParameter("@personal", ConversationType.Personal.Value),
            cancellationToken);

    public async Task<ConversationReference?> FindAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var container = await containers.MessagingAsync(cancellationToken);
        var stored = await _documents.ReadAsync<ConversationDocument>(container, ConversationDocument.IdFor(conversationId), cancellationToken);
        return stored?.Document.Reference;
    }

    /// <summary>The most recently refreshed reference, whose service URL is the likeliest to be current.</summary>
    public Task<ConversationReference?> FindAnyInTenantAsync(string? tenantId, CancellationToken cancellationToken = default) =>
        tenantId is null
            ? FindFirstAsync("any", new QueryDefinition("SELECT TOP 1 * FROM c WHERE c.type = @type ORDER BY c.updatedAtUtc DESC"), cancellationToken)
            : FindFirstAsync(
                "any in tenant",
                new QueryDefinition("SELECT TOP 1 * FROM c WHERE c.type = @type AND c.tenantId = @tenant ORDER BY c.updatedAtUtc DESC")
                    .WithParameter("@tenant", tenantId),
                cancellationToken);

    private async Task<ConversationReference?> FindFirstAsync(string name, QueryDefinition query, CancellationToken cancellationToken)
    {
        var container = await containers.MessagingAsync(cancellationToken);
        var found = await _documents.QueryAsync<ConversationDocument>(container, query.WithParameter("@type", Kind), name, cancellationToken);
        return found.FirstOrDefault()?.Reference;
    }

    private sealed record ConversationDocument
    {
        public required string Id { get; init; }
        public string Type { get; init; } = Kind;
        public string? TenantId { get; init; }
        public required string ConversationType { get; init; }
        public string? UserAadObjectId { get; init; }
        public required string UpdatedAtUtc { get; init; }
        public required ConversationReference Reference { get; init; }

        public static string IdFor(string conversationId) => CosmosIds.For(Kind, conversationId);

        public static ConversationDocument From(ConversationReference reference) => new()
        {
            Id = IdFor(reference.ConversationId),
            TenantId = reference.TenantId,
            ConversationType = reference.ConversationType.Value,
            UserAadObjectId = reference.UserAadObjectId,
            UpdatedAtUtc = RequestDocument.Utc(reference.UpdatedAt),
            Reference = reference,
        };
    }
}
