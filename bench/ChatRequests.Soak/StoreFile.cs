using System.Text.Json;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Testing;
using Microsoft.Data.Sqlite;

namespace ChatRequests.Soak;

/// <summary>A request as the bot's SQLite file holds it: its state, and the reasons of any parked event.</summary>
public sealed record StoredRequest(string Id, RequestState State, bool HasPendingEvents, IReadOnlyList<string> Parked);

/// <summary>
/// The bot's SQLite file, read from outside with read-only connections (the bot writes it), and the store fault: the file
/// made read-only for a moment, then writable again.
/// </summary>
public sealed class StoreFile(string path)
{
    private readonly string _readOnly = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString();

    public string Path { get; } = path;

    /// <summary>The request's state, or null when it is not stored (or the file cannot be read just now).</summary>
    public RequestState? StateOf(string requestId)
    {
        try
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT state FROM requests WHERE id = $id";
            command.Parameters.AddWithValue("$id", requestId);
            return command.ExecuteScalar() is string state ? Enum.Parse<RequestState>(state) : null;
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    public IReadOnlyList<StoredRequest> ReadAll()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, state, next_event_at IS NOT NULL, has_parked, doc FROM requests";
        using var reader = command.ExecuteReader();
        var requests = new List<StoredRequest>();
        while (reader.Read())
        {
            var parked = reader.GetBoolean(3) ? ParkedReasons(reader.GetString(4)) : [];
            requests.Add(new StoredRequest(reader.GetString(0), Enum.Parse<RequestState>(reader.GetString(1)), reader.GetBoolean(2), parked));
        }

        return requests;
    }

    /// <summary>Posts the bot made again after a crash interrupted them, by its own count (the ledger's interrupted attempts).</summary>
    public long InterruptedPosts()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(SUM(interrupted), 0) FROM post_attempts";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The activity ids the bot's ledger recorded as posted (the copy it knows of and updates).</summary>
    public IReadOnlySet<string> RecordedActivityIds()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT activity_id FROM posted_messages";
        using var reader = command.ExecuteReader();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>
    /// Makes the database and its write-ahead log read-only for the bot until disposed, root included (the immutable
    /// attribute: a chmod does not stop root), so every write fails with "attempt to write a readonly database".
    /// </summary>
    public IDisposable MakeReadOnly()
    {
        var files = new[] { Path, Path + "-wal" }.Where(File.Exists).ToArray();
        return files.Length == 0 ? new Undo(() => { }) : DiskFaults.ReadOnly(files);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_readOnly);
        connection.Open();
        return connection;
    }

    private static IReadOnlyList<string> ParkedReasons(string document) =>
        [.. (JsonSerializer.Deserialize<ServiceRequest>(document, RequestJson.Options)?.Outbox ?? [])
            .Where(e => e.IsParked)
            .Select(e => $"{e.Type}: {e.LastError}")];
}
