using System.Text.Json;
using ChatRequests.Core.Approvals;
using ChatRequests.Core.Storage;

namespace ChatRequests.Embedded.Storage;

/// <summary>Delegations in the embedded SQLite database, one row per approver.</summary>
public sealed class SqliteDelegationStore(SqliteDatabase database) : IDelegationStore
{
    public async Task SetAsync(Delegation delegation, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO delegations (approver_id, doc) VALUES ($approver_id, $doc)
            ON CONFLICT (approver_id) DO UPDATE SET doc = excluded.doc;
            """;
        command.Parameters.AddWithValue("$approver_id", delegation.Approver.Id);
        command.Parameters.AddWithValue("$doc", JsonSerializer.Serialize(delegation, RequestJson.Options));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<Delegation?> FindAsync(string approverId, CancellationToken cancellationToken = default) =>
        await database.ReadScalarAsync(
            "SELECT doc FROM delegations WHERE approver_id = $approver_id;", p => p.AddWithValue("$approver_id", approverId), cancellationToken)
            is string doc
            ? JsonSerializer.Deserialize<Delegation>(doc, RequestJson.Options)
            : null;

    public async Task<bool> RemoveAsync(string approverId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM delegations WHERE approver_id = $approver_id;";
        command.Parameters.AddWithValue("$approver_id", approverId);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }
}
