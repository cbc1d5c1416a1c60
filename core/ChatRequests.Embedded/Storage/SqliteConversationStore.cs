using System.Text.Json;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Storage;
using Microsoft.Data.Sqlite;

namespace ChatRequests.Embedded.Storage;

/// <summary>Conversation references in the embedded SQLite database, one row per conversation.</summary>
public sealed class SqliteConversationStore(SqliteDatabase database) : IConversationStore
{
    public Task UpsertAsync(ConversationReference reference, CancellationToken cancellationToken = default)
    {
        var doc = JsonSerializer.Serialize(reference, RequestJson.Options);
        return database.WriteAsync(
            statements =>
            {
                // Activities can be handled out of order; an older reference must not replace a newer service URL.
                var command = statements.For("""
                    INSERT INTO conversations (conversation_id, tenant_id, conversation_type, user_aad_object_id, updated_at, doc)
                    VALUES ($conversation_id, $tenant_id, $conversation_type, $user_aad_object_id, $updated_at, $doc)
                    ON CONFLICT (conversation_id) DO UPDATE SET
                        tenant_id = excluded.tenant_id,
                        conversation_type = excluded.conversation_type,
                        user_aad_object_id = excluded.user_aad_object_id,
                        updated_at = excluded.updated_at,
                        doc = excluded.doc
                    WHERE excluded.updated_at >= conversations.updated_at;
                    """);
                command.Parameters.AddWithValue("$conversation_id", reference.ConversationId);
                command.Parameters.AddWithValue("$tenant_id", (object?)reference.TenantId ?? DBNull.Value);
                command.Parameters.AddWithValue("$conversation_type", reference.ConversationType.Value);
                command.Parameters.AddWithValue("$user_aad_object_id", (object?)reference.UserAadObjectId ?? DBNull.Value);
                command.Parameters.AddWithValue("$updated_at", StoredTime.Format(reference.UpdatedAt));
                command.Parameters.AddWithValue("$doc", doc);
                return command.ExecuteNonQueryAsync();
            },
            cancellationToken);
    }

    public Task<ConversationReference?> FindPersonalAsync(string aadObjectId, CancellationToken cancellationToken = default) =>
        FindFirstAsync(
            // The literal, not a parameter: SQLite uses the partial index ix_conversations_personal only for its own condition.
            $"WHERE user_aad_object_id = $aad AND conversation_type = '{ConversationType.Personal}' ORDER BY updated_at DESC",
            p => p.AddWithValue("$aad", aadObjectId),
            cancellationToken);

    public Task<ConversationReference?> FindAsync(string conversationId, CancellationToken cancellationToken = default) =>
        FindFirstAsync("WHERE conversation_id = $id", p => p.AddWithValue("$id", conversationId), cancellationToken);

    /// <summary>The most recently refreshed reference, whose service URL is the likeliest to be current.</summary>
    public Task<ConversationReference?> FindAnyInTenantAsync(string? tenantId, CancellationToken cancellationToken = default) =>
        tenantId is null
            ? FindFirstAsync("ORDER BY updated_at DESC", _ => { }, cancellationToken)
            : FindFirstAsync("WHERE tenant_id = $tenant ORDER BY updated_at DESC", p => p.AddWithValue("$tenant", tenantId), cancellationToken);

    private async Task<ConversationReference?> FindFirstAsync(
        string whereAndOrder, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken) =>
        await database.ReadScalarAsync($"SELECT doc FROM conversations {whereAndOrder} LIMIT 1;", bind, cancellationToken) is string doc
            ? JsonSerializer.Deserialize<ConversationReference>(doc, RequestJson.Options)
            : null;
}
