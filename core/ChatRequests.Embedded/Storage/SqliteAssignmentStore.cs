using System.Text.Json;
using ChatRequests.Core.Assignment;
using ChatRequests.Core.Storage;

namespace ChatRequests.Embedded.Storage;

/// <summary>Availability marks (one row per person) and round-robin turns (one row per team) in the embedded SQLite database.</summary>
public sealed class SqliteAssignmentStore(SqliteDatabase database) : IAssignmentStore
{
    public async Task SetUnavailableAsync(Unavailability unavailability, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO unavailable_agents (person_id, doc) VALUES ($person_id, $doc) ON CONFLICT (person_id) DO UPDATE SET doc = excluded.doc;";
        command.Parameters.AddWithValue("$person_id", unavailability.Person.Id);
        command.Parameters.AddWithValue("$doc", JsonSerializer.Serialize(unavailability, RequestJson.Options));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<Unavailability?> FindUnavailableAsync(string personId, CancellationToken cancellationToken = default) =>
        await database.ReadScalarAsync(
            "SELECT doc FROM unavailable_agents WHERE person_id = $person_id;", p => p.AddWithValue("$person_id", personId), cancellationToken)
            is string doc
            ? JsonSerializer.Deserialize<Unavailability>(doc, RequestJson.Options)
            : null;

    public async Task<bool> SetAvailableAsync(string personId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM unavailable_agents WHERE person_id = $person_id;";
        command.Parameters.AddWithValue("$person_id", personId);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<bool> TakeTurnAsync(string teamId, string? lastTurnId, string personId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // One statement each, so the check and the write are one step: the first turn creates the row, a later one
        // changes it only while it still names the last turn the caller read.
        command.CommandText = lastTurnId is null
            ? "INSERT INTO assignment_turns (team_id, person_id) VALUES ($team_id, $person_id) ON CONFLICT (team_id) DO NOTHING;"
            : "UPDATE assignment_turns SET person_id = $person_id WHERE team_id = $team_id AND person_id = $last_turn_id;";
        command.Parameters.AddWithValue("$team_id", teamId);
        command.Parameters.AddWithValue("$person_id", personId);
        command.Parameters.AddWithValue("$last_turn_id", (object?)lastTurnId ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<string?> FindLastTurnAsync(string teamId, CancellationToken cancellationToken = default) =>
        await database.ReadScalarAsync(
            "SELECT person_id FROM assignment_turns WHERE team_id = $team_id;", p => p.AddWithValue("$team_id", teamId), cancellationToken)
            as string;
}
