using System.Text.Json;
using ChatRequests.Core.Reporting;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using Microsoft.Data.Sqlite;

namespace ChatRequests.Embedded.Storage;

/// <summary>
/// The reporting projection in the embedded SQLite database: the fact row as JSON beside the columns a report's query
/// narrows by. A row is replaced only by a newer document version, in one statement, so concurrent workers cannot
/// interleave a check and a write.
/// </summary>
public sealed class SqliteReportingStore(SqliteDatabase database) : IReportingStore
{
    public Task<bool> UpsertFactsAsync(RequestFacts facts, CancellationToken cancellationToken = default) =>
        database.WriteAsync(statements => UpsertAsync(statements, facts, CancellationToken.None), cancellationToken);

    /// <summary>
    /// Stores the row in the statements' transaction unless the stored one is as new or newer, and marks its form
    /// submitted; also what <see cref="SqliteDatabase"/> projects a file's existing requests with when it adds the tables.
    /// </summary>
    internal static async Task<bool> UpsertAsync(KeptStatements statements, RequestFacts facts, CancellationToken cancellationToken)
    {
        var command = statements.For($"""
            INSERT INTO request_facts (request_id, version, submission_key, team_id, category, requester_id, submitted_at, updated_at, is_open, doc)
            VALUES ($request_id, $version, $submission_key, $team_id, $category, $requester_id, $submitted_at, $updated_at, $is_open, {StoredDocument.AsText})
            ON CONFLICT (request_id) DO UPDATE SET
                version = excluded.version, submission_key = excluded.submission_key, team_id = excluded.team_id,
                category = excluded.category, requester_id = excluded.requester_id, submitted_at = excluded.submitted_at,
                updated_at = excluded.updated_at, is_open = excluded.is_open, doc = excluded.doc
            WHERE excluded.version > request_facts.version;
            """);
        command.Parameters.AddWithValue("$request_id", facts.RequestId);
        command.Parameters.AddWithValue("$version", facts.Version);
        command.Parameters.AddWithValue("$submission_key", facts.SubmissionKey);
        command.Parameters.AddWithValue("$team_id", facts.TeamId);
        command.Parameters.AddWithValue("$category", facts.Category);
        command.Parameters.AddWithValue("$requester_id", facts.Requester.Id);
        command.Parameters.AddWithValue("$submitted_at", StoredTime.Format(facts.SubmittedAt));
        command.Parameters.AddWithValue("$updated_at", StoredTime.Format(facts.UpdatedAt));
        command.Parameters.AddWithValue("$is_open", facts.State.IsOpen() ? 1 : 0);
        command.Parameters.AddWithValue("$doc", RequestDocumentWriter.ToUtf8Bytes(facts));
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return false;
        }

        var form = statements.For("UPDATE forms_shown SET submitted_at = $submitted_at WHERE form_key = $key AND submitted_at IS NULL;");
        form.Parameters.AddWithValue("$key", facts.SubmissionKey);
        form.Parameters.AddWithValue("$submitted_at", StoredTime.Format(facts.SubmittedAt));
        await form.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }

    public async Task<RequestFacts?> GetFactsAsync(string requestId, CancellationToken cancellationToken = default) =>
        await database.ReadScalarAsync(
            "SELECT doc FROM request_facts WHERE request_id = $request_id;", p => p.AddWithValue("$request_id", requestId), cancellationToken)
            is string doc ? Read(doc) : null;

    public Task RecordFormShownAsync(FormShown form, CancellationToken cancellationToken = default)
    {
        var doc = JsonSerializer.Serialize(form with { SubmittedAt = null }, RequestJson.Options);
        return database.WriteAsync(
            statements =>
            {
                // A form whose request is projected already (a slow write) is submitted from the start.
                var command = statements.For("""
                    INSERT INTO forms_shown (form_key, team_id, category, person_id, shown_at, submitted_at, doc)
                    VALUES ($key, $team_id, $category, $person_id, $shown_at,
                            (SELECT submitted_at FROM request_facts WHERE submission_key = $key LIMIT 1), $doc)
                    ON CONFLICT (form_key) DO NOTHING;
                    """);
                command.Parameters.AddWithValue("$key", form.FormKey);
                command.Parameters.AddWithValue("$team_id", (object?)form.TeamId ?? DBNull.Value);
                command.Parameters.AddWithValue("$category", form.Category);
                command.Parameters.AddWithValue("$person_id", form.Person.Id);
                command.Parameters.AddWithValue("$shown_at", StoredTime.Format(form.ShownAt));
                command.Parameters.AddWithValue("$doc", doc);
                return command.ExecuteNonQueryAsync();
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<RequestFacts>> ReadFactsAsync(ReportScope scope, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT doc FROM request_facts WHERE submitted_at < $to AND (updated_at >= $from OR is_open = 1)"
            + Narrowed(command, scope) + ";";
        command.Parameters.AddWithValue("$from", StoredTime.Format(scope.Period.From));
        command.Parameters.AddWithValue("$to", StoredTime.Format(scope.Period.To));
        var rows = new List<RequestFacts>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var facts = Read(reader.GetString(0));
            if (scope.Covers(facts))
            {
                rows.Add(facts);
            }
        }

        return rows;
    }

    public async Task<IReadOnlyList<FormShown>> ReadFormsAsync(ReportScope scope, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT doc, submitted_at FROM forms_shown WHERE shown_at >= $from AND shown_at < $to"
            + Narrowed(command, scope, personColumn: "person_id") + ";";
        command.Parameters.AddWithValue("$from", StoredTime.Format(scope.Period.From));
        command.Parameters.AddWithValue("$to", StoredTime.Format(scope.Period.To));
        var forms = new List<FormShown>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var form = JsonSerializer.Deserialize<FormShown>(reader.GetString(0), RequestJson.Options)!
                with { SubmittedAt = reader.IsDBNull(1) ? null : StoredTime.Parse(reader.GetString(1)) };
            if (scope.Covers(form))
            {
                forms.Add(form);
            }
        }

        return forms;
    }

    /// <summary>The scope's team and category as conditions (the requesters are checked on the rows read).</summary>
    private static string Narrowed(SqliteCommand command, ReportScope scope, string personColumn = "requester_id")
    {
        var where = "";
        if (scope.TeamId is not null)
        {
            where += " AND team_id = $team_id";
            command.Parameters.AddWithValue("$team_id", scope.TeamId);
        }

        if (scope.Category is not null)
        {
            where += " AND category = $category";
            command.Parameters.AddWithValue("$category", scope.Category);
        }

        if (scope.RequesterIds is { Count: 1 } one)
        {
            where += $" AND {personColumn} = $person_id";
            command.Parameters.AddWithValue("$person_id", one.First());
        }

        return where;
    }

    private static RequestFacts Read(string doc) => JsonSerializer.Deserialize<RequestFacts>(doc, RequestJson.Options)!;
}
