using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatRequests.Embedded.Storage;

/// <summary>
/// The embedded SQLite database shared by the request store, the conversation store and the message ledger.
/// Creates the folder, the file, WAL mode and the schema on first use; hands out pooled connections, one per
/// operation, so the stores are safe to use from many threads at once.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private const int SchemaVersion = 1;

    // WAL lets readers run while one writer writes; writers queue on busy_timeout. Each statement that
    // writes is atomic, which is all the stores need: one document per request, one row per write.
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS requests (
            id                TEXT    NOT NULL PRIMARY KEY,
            version           INTEGER NOT NULL,
            submission_key    TEXT    NOT NULL UNIQUE,
            requester_id      TEXT    NOT NULL,
            team_id           TEXT    NOT NULL,
            state             TEXT    NOT NULL,
            submitted_at      TEXT    NOT NULL,
            pending_approvers TEXT    NULL,
            next_event_at     TEXT    NULL,
            has_parked        INTEGER NOT NULL DEFAULT 0,
            doc               TEXT    NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_requests_requester ON requests (requester_id, submitted_at);
        CREATE INDEX IF NOT EXISTS ix_requests_team_state ON requests (team_id, state);
        CREATE INDEX IF NOT EXISTS ix_requests_pending_approvers ON requests (pending_approvers)
            WHERE pending_approvers IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_requests_next_event_at ON requests (next_event_at)
            WHERE next_event_at IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_requests_parked ON requests (submitted_at)
            WHERE has_parked = 1;

        CREATE TABLE IF NOT EXISTS counters (
            name  TEXT    NOT NULL PRIMARY KEY,
            value INTEGER NOT NULL
        );

        CREATE TABLE IF NOT EXISTS conversations (
            conversation_id    TEXT NOT NULL PRIMARY KEY,
            tenant_id          TEXT NULL,
            conversation_type  TEXT NOT NULL,
            user_aad_object_id TEXT NULL,
            updated_at         TEXT NOT NULL,
            doc                TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_conversations_personal ON conversations (user_aad_object_id, updated_at)
            WHERE conversation_type = 'personal';
        CREATE INDEX IF NOT EXISTS ix_conversations_tenant ON conversations (tenant_id, updated_at);

        CREATE TABLE IF NOT EXISTS posted_messages (
            key             TEXT NOT NULL PRIMARY KEY,
            conversation_id TEXT NOT NULL,
            activity_id     TEXT NOT NULL,
            posted_at       TEXT NOT NULL
        );

        CREATE TABLE IF NOT EXISTS post_attempts (
            key         TEXT    NOT NULL PRIMARY KEY,
            in_flight   INTEGER NOT NULL,
            interrupted INTEGER NOT NULL,
            started_at  TEXT    NOT NULL
        );
        """;

    private readonly string _connectionString;
    private readonly int _busyTimeoutMilliseconds;
    private readonly ILogger<SqliteDatabase> _logger;
    private readonly SemaphoreSlim _initializeLock = new(1, 1);
    private volatile bool _initialized;

    public SqliteDatabase(IOptions<EmbeddedStorageOptions> options, ILogger<SqliteDatabase> logger)
    {
        var settings = options.Value;
        FilePath = Path.GetFullPath(settings.SqlitePath);
        _busyTimeoutMilliseconds = (int)settings.BusyTimeout.TotalMilliseconds;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(settings.BusyTimeout.TotalSeconds)),
        }.ToString();
        _logger = logger;
    }

    /// <summary>The full path of the database file.</summary>
    public string FilePath { get; }

    /// <summary>An open connection from the pool; dispose it when the operation is done.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (!_initialized)
        {
            await InitializeAsync(cancellationToken);
        }

        return await OpenConnectionAsync(cancellationToken);
    }

    /// <summary>Closes the pooled connections, so that the file is released (tests, shutdown).</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        _initializeLock.Dispose();
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _initializeLock.WaitAsync(cancellationToken);
        try
        {
            if (_initialized)
            {
                return;
            }

            if (Path.GetDirectoryName(FilePath) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }

            await using var connection = await OpenConnectionAsync(cancellationToken);
            var journalMode = await ExecuteScalarAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken);
            if (!string.Equals(journalMode as string, "wal", StringComparison.OrdinalIgnoreCase))
            {
                // Some file systems (network shares) cannot do WAL; SQLite then keeps its rollback journal.
                _logger.LogWarning("SQLite database {DatabasePath} runs in journal mode {JournalMode}, not WAL", FilePath, journalMode);
            }

            await using (var transaction = connection.BeginTransaction(deferred: false))
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = Schema + $"PRAGMA user_version = {SchemaVersion.ToString(CultureInfo.InvariantCulture)};";
                await command.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            _logger.LogInformation("SQLite database ready at {DatabasePath}", FilePath);
            _initialized = true;
        }
        finally
        {
            _initializeLock.Release();
        }
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Per connection: a writer that finds the database locked waits this long instead of failing at once.
            await ExecuteScalarAsync(
                connection,
                $"PRAGMA busy_timeout = {_busyTimeoutMilliseconds.ToString(CultureInfo.InvariantCulture)};",
                cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task<object?> ExecuteScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
