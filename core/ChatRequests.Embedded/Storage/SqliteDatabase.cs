using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ChatRequests.Core.Reporting;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SQLitePCL;

namespace ChatRequests.Embedded.Storage;

/// <summary>
/// The embedded SQLite database shared by the request store, the conversation store and the message ledger.
/// Creates the folder, the file, WAL mode and the schema on first use; runs writes in the group commit (ADR 0029), reads
/// on connections kept with their statements (ADR 0061), and hands out pooled connections, one per operation, for the
/// rest, so the stores are safe to use from many threads at once.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    // 2: requests.sla_check_at (the SLA sweep's query), added to version-1 files by MigrateFrom1Async.
    private const int SchemaVersion = 2;

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
            doc               TEXT    NOT NULL,
            sla_check_at      TEXT    NULL
        );
        CREATE INDEX IF NOT EXISTS ix_requests_requester ON requests (requester_id, submitted_at);
        CREATE INDEX IF NOT EXISTS ix_requests_next_event_at ON requests (next_event_at)
            WHERE next_event_at IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_requests_sla_check_at ON requests (sla_check_at)
            WHERE sla_check_at IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_requests_submitted ON requests (submitted_at, id);

        CREATE TABLE IF NOT EXISTS counters (
            name  TEXT    NOT NULL PRIMARY KEY,
            value INTEGER NOT NULL
        );

        -- The request number each form's submission key got (SqliteRequestStore.ReserveNumberAsync), so that a form sent
        -- twice uses one number; added like delegations, without a version change.
        CREATE TABLE IF NOT EXISTS request_numbers (
            submission_key TEXT    NOT NULL PRIMARY KEY,
            number         INTEGER NOT NULL
        ) WITHOUT ROWID;

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

        -- Added without a version change: CREATE TABLE IF NOT EXISTS gives version-2 files the table as they open.
        CREATE TABLE IF NOT EXISTS delegations (
            approver_id TEXT NOT NULL PRIMARY KEY,
            doc         TEXT NOT NULL
        );

        CREATE TABLE IF NOT EXISTS unavailable_agents (
            person_id TEXT NOT NULL PRIMARY KEY,
            doc       TEXT NOT NULL
        );

        CREATE TABLE IF NOT EXISTS assignment_turns (
            team_id   TEXT NOT NULL PRIMARY KEY,
            person_id TEXT NOT NULL
        );

        CREATE TABLE IF NOT EXISTS access_reviews (
            id         TEXT    NOT NULL PRIMARY KEY,
            version    INTEGER NOT NULL,
            is_open    INTEGER NOT NULL,
            started_at TEXT    NOT NULL,
            doc        TEXT    NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_access_reviews_open ON access_reviews (started_at) WHERE is_open = 1;

        CREATE TABLE IF NOT EXISTS access_review_cycles (
            cycle_id   TEXT NOT NULL PRIMARY KEY,
            started_at TEXT NOT NULL
        );

        CREATE TABLE IF NOT EXISTS post_attempts (
            key         TEXT    NOT NULL PRIMARY KEY,
            in_flight   INTEGER NOT NULL,
            interrupted INTEGER NOT NULL,
            started_at  TEXT    NOT NULL
        );

        -- The reporting projection (SqliteReportingStore): one row per request, the newest document version only.
        CREATE TABLE IF NOT EXISTS request_facts (
            request_id     TEXT    NOT NULL PRIMARY KEY,
            version        INTEGER NOT NULL,
            submission_key TEXT    NOT NULL,
            team_id        TEXT    NOT NULL,
            category       TEXT    NOT NULL COLLATE NOCASE,
            requester_id   TEXT    NOT NULL,
            submitted_at   TEXT    NOT NULL,
            updated_at     TEXT    NOT NULL,
            is_open        INTEGER NOT NULL,
            doc            TEXT    NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_request_facts_submitted ON request_facts (submitted_at);
        CREATE INDEX IF NOT EXISTS ix_request_facts_submission_key ON request_facts (submission_key);

        CREATE TABLE IF NOT EXISTS forms_shown (
            form_key     TEXT NOT NULL PRIMARY KEY,
            team_id      TEXT NULL,
            category     TEXT NOT NULL COLLATE NOCASE,
            person_id    TEXT NOT NULL,
            shown_at     TEXT NOT NULL,
            submitted_at TEXT NULL,
            doc          TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_forms_shown_at ON forms_shown (shown_at);

        -- Marks of whole-store work (IRequestStore.GetMarkAsync); added like delegations, without a version change.
        CREATE TABLE IF NOT EXISTS store_marks (
            name  TEXT NOT NULL PRIMARY KEY,
            value TEXT NOT NULL
        );
        """;

    private readonly string _connectionString;
    private readonly string _connectionSettings;
    private readonly ILogger<SqliteDatabase> _logger;
    private readonly SemaphoreSlim _initializeLock = new(1, 1);
    private volatile bool _initialized;

    // 1 while connections open read-only (see OpenConnectionAsync), so that a fault is logged once, not per operation.
    private int _readOnly;

    // The connections (SQLite handles, reused by the pool) checked able to write (see CanWriteAsync).
    private readonly ConditionalWeakTable<sqlite3, object> _writable = new();
    private static readonly object Checked = new();

    private readonly SqliteGroupCommit _writes;

    // The connections kept for reads (ADR 0061): two a core, at most Storage:MaxReaders however many cores there are.
    private readonly SqliteReaders _reads;

    // A frame of the write-ahead log: its 24-byte header and a page (PRAGMA page_size, read when the file is opened).
    private const int WalFrameHeader = 24;
    private int _walFrameBytes = 4096 + WalFrameHeader;

    public SqliteDatabase(IOptions<EmbeddedStorageOptions> options, ILogger<SqliteDatabase> logger)
        : this(options, logger, Environment.ProcessorCount)
    {
    }

    /// <summary>A database as it opens on a machine of <paramref name="processorCount"/> cores (tests).</summary>
    internal SqliteDatabase(IOptions<EmbeddedStorageOptions> options, ILogger<SqliteDatabase> logger, int processorCount)
    {
        var settings = options.Value;
        FilePath = Path.GetFullPath(settings.SqlitePath);
        _connectionSettings =
            $"PRAGMA cache_size = -{settings.CacheSizeKiB.ToString(CultureInfo.InvariantCulture)}; " +
            $"PRAGMA busy_timeout = {((int)settings.BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)};";
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(settings.BusyTimeout.TotalSeconds)),
        }.ToString();
        _logger = logger;
        _writes = new SqliteGroupCommit(OpenAsync, NoteCommit);
        _reads = new SqliteReaders(OpenAsync, IsCheckedWritable, Math.Min(settings.MaxReaders, 2 * Math.Max(1, processorCount)));
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

    /// <summary>
    /// Runs <paramref name="write"/> in the transaction of the next group commit (ADR 0029) and returns its result once that
    /// transaction is on the disk. The write uses only the statements it is given (<see cref="KeptStatements.For"/>, kept
    /// prepared from one write to the next: ADR 0058); writes that must be seen by whoever is told of them go through here.
    /// </summary>
    internal Task<T> WriteAsync<T>(Func<KeptStatements, Task<T>> write, CancellationToken cancellationToken = default) =>
        _writes.WriteAsync(write, cancellationToken);

    /// <summary>Statements the group commit prepared since the database opened, on every connection it wrote on (tests: ADR 0058).</summary>
    internal int WriteStatementsPrepared => _writes.StatementsPrepared;

    /// <summary>
    /// Runs <paramref name="read"/> on a connection kept for reads, with the statements it is given (<see cref="KeptStatements.For"/>,
    /// kept prepared from one read to the next: ADR 0061). The read must dispose its data readers before it returns, and must
    /// not start another read of this database inside it: reads beyond <c>Storage:MaxReaders</c> wait for one to end, so
    /// reads that each wait for a nested one could wait for ever.
    /// </summary>
    internal Task<T> ReadAsync<T>(Func<KeptStatements, Task<T>> read, CancellationToken cancellationToken = default) =>
        _reads.ReadAsync(read, cancellationToken);

    /// <summary>The first value of the first row <paramref name="sql"/> gives (or null), read on a kept connection (<see cref="ReadAsync{T}"/>).</summary>
    internal Task<object?> ReadScalarAsync(string sql, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken = default) =>
        _reads.ReadAsync(
            async statements =>
            {
                var command = statements.For(sql);
                bind(command.Parameters);
                var value = await command.ExecuteScalarAsync(cancellationToken);
                return value is DBNull ? null : value;
            },
            cancellationToken);

    /// <summary>The reads' statements prepared on kept connections now idle or closed (tests: ADR 0061).</summary>
    internal int ReadStatementsPrepared => _reads.StatementsPrepared;

    /// <summary>Connections kept for reads now (tests: ADR 0061).</summary>
    internal int ReadersKept => _reads.Kept;

    /// <summary>The most connections kept for reads, and reads run at once (tests: ADR 0061).</summary>
    internal int MaxReaders => _reads.Max;

    /// <summary>What the store did since it opened: documents read and written, writes, commits, bytes of the log.</summary>
    public StoreWork Work { get; } = new();

    /// <summary>
    /// The pages this connection wrote since it was last asked (SQLite's count per handle, reset by asking): in WAL mode
    /// the frames a commit appended to the log.
    /// </summary>
    internal static int TakePagesWritten(SqliteConnection connection)
    {
        raw.sqlite3_db_status(connection.Handle, raw.SQLITE_DBSTATUS_CACHE_WRITE, out var pages, out _, 1);
        return pages;
    }

    /// <summary>Counts a commit of <paramref name="writes"/> on the connection, asked <see cref="TakePagesWritten"/> before its transaction.</summary>
    internal void NoteCommit(SqliteConnection connection, int writes) =>
        Work.Committed(writes, TakePagesWritten(connection) * (long)_walFrameBytes);

    /// <summary>Closes the pooled connections, so that the file is released (tests, shutdown).</summary>
    public void Dispose()
    {
        ReleasePooledConnections();
        _initializeLock.Dispose();
        Work.Dispose();
    }

    /// <summary>
    /// Closes the pooled connections not in use (those in use close when their operation ends), and with them their page
    /// caches and prepared statements: for an idle bot (ADR 0043). The group commit's connection and those kept for reads
    /// go too (at the end of their batch or read if one is running). The next operation opens a connection afresh.
    /// </summary>
    public void ReleasePooledConnections()
    {
        _writes.ReleaseConnection();
        _reads.Release();
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
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

            _walFrameBytes = WalFrameHeader + Convert.ToInt32(
                await ExecuteScalarAsync(connection, "PRAGMA page_size;", cancellationToken), CultureInfo.InvariantCulture);

            await using (var transaction = connection.BeginTransaction(deferred: false))
            {
                var version = Convert.ToInt32(
                    await ExecuteScalarAsync(connection, transaction, "PRAGMA user_version;", cancellationToken), CultureInfo.InvariantCulture);
                if (version > SchemaVersion)
                {
                    throw new InvalidOperationException(
                        $"The SQLite database {FilePath} has schema version {version}; this version of ChatRequests knows up to {SchemaVersion}.");
                }

                if (version == 1)
                {
                    await MigrateFrom1Async(connection, transaction, cancellationToken);
                }

                var hadProjection = await TableExistsAsync(connection, transaction, "request_facts", cancellationToken);

                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = Schema + SqliteRequestStore.Indexes + $"PRAGMA user_version = {SchemaVersion.ToString(CultureInfo.InvariantCulture)};";
                await command.ExecuteNonQueryAsync(cancellationToken);
                if (!hadProjection)
                {
                    await ProjectExistingRequestsAsync(connection, transaction, cancellationToken);
                }
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

    /// <summary>
    /// Version 1 had no sla_check_at: add the column and fill it for the requests that are not final from their
    /// documents (the same derivation a save writes), so that the SLA sweep finds the requests logged before the upgrade.
    /// Runs inside the initialising transaction: an upgrade that fails leaves the file at version 1.
    /// </summary>
    /// <summary>
    /// The reporting projection's tables were just added to a file that may hold requests already (written by a version
    /// without them): each gets its fact row, so reports cover them at once. Runs inside the initialising transaction;
    /// on a new file there is nothing to project.
    /// </summary>
    private async Task ProjectExistingRequestsAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var rows = new List<RequestFacts>();
        await using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = "SELECT version, doc FROM requests;";
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (JsonSerializer.Deserialize<ServiceRequest>(reader.GetString(1), RequestJson.Options) is { } request)
                {
                    request.Version = reader.GetInt64(0);
                    rows.Add(RequestFacts.From(request));
                }
            }
        }

        using var statements = new KeptStatements(connection) { Transaction = transaction };
        foreach (var facts in rows)
        {
            await SqliteReportingStore.UpsertAsync(statements, facts, cancellationToken);
        }

        if (rows.Count > 0)
        {
            _logger.LogInformation("SQLite database {DatabasePath}: the reporting projection was added and {Count} existing requests projected", FilePath, rows.Count);
        }
    }

    private static async Task<bool> TableExistsAsync(SqliteConnection connection, SqliteTransaction transaction, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $name;";
        command.Parameters.AddWithValue("$name", table);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    private async Task MigrateFrom1Async(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using (var alter = connection.CreateCommand())
        {
            alter.Transaction = transaction;
            alter.CommandText = "ALTER TABLE requests ADD COLUMN sla_check_at TEXT NULL;";
            await alter.ExecuteNonQueryAsync(cancellationToken);
        }

        var checks = new List<(string Id, string At)>();
        await using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            // Only unresolved requests can have an SLA check; the document decides for each of them.
            var resolved = Enum.GetValues<RequestState>().Where(state => !state.IsUnresolved()).ToList();
            select.CommandText = $"SELECT id, doc FROM requests WHERE state NOT IN ({string.Join(", ", resolved.Select((_, i) => $"$resolved{i}"))});";
            for (var i = 0; i < resolved.Count; i++)
            {
                select.Parameters.AddWithValue($"$resolved{i}", resolved[i].ToString());
            }

            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var request = JsonSerializer.Deserialize<ServiceRequest>(reader.GetString(1), RequestJson.Options);
                if (request?.SlaCheckAt is { } at)
                {
                    checks.Add((reader.GetString(0), StoredTime.Format(at)));
                }
            }
        }

        foreach (var (id, at) in checks)
        {
            await using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = "UPDATE requests SET sla_check_at = $at WHERE id = $id;";
            update.Parameters.AddWithValue("$at", at);
            update.Parameters.AddWithValue("$id", id);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        _logger.LogInformation("SQLite database {DatabasePath} upgraded from schema version 1: SLA checks of {Count} open requests filled in",
            FilePath, checks.Count);
    }

    /// <summary>
    /// A connection that can write whenever the file can be written now. SQLite opens a file it may not write (the file or
    /// its folder read-only for a moment) for reading only, silently, and such a handle stays read-only for life: pooled,
    /// it went on failing writes with "attempt to write a readonly database" long after the file was writable again. The
    /// same holds for the write-ahead log, opened at a connection's first statement: a connection opened during the fault
    /// can even get a writable database file (SQLite hands it the descriptor of one closed meanwhile) and a read-only log,
    /// which nothing but a write shows. So each new connection is checked once, its file and its log (see
    /// <see cref="CanWriteAsync"/>); one that cannot write empties the pool (every connection open now is discarded when
    /// closed, the old one included) and the open is tried once more: while the cause lasts, reads still work and writes
    /// fail at once, and once it is gone the very next operation writes. Only connections that passed the check are pooled.
    /// </summary>
    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenPooledAsync(cancellationToken);
        if (await CanWriteAsync(connection, cancellationToken))
        {
            NoteWritable();
            return connection;
        }

        SqliteConnection.ClearPool(connection);
        await connection.DisposeAsync();
        connection = await OpenPooledAsync(cancellationToken);
        if (await CanWriteAsync(connection, cancellationToken))
        {
            NoteWritable();
        }
        else
        {
            SqliteConnection.ClearPool(connection);
            NoteReadOnly();
        }

        return connection;
    }

    /// <summary>
    /// Whether the connection can write once the file can: its database file is open for writing, and so is its write-ahead
    /// log. SQLite tells the first (sqlite3_db_readonly) but not the second, except by refusing, at once and before any other
    /// work, to checkpoint a log it opened read-only (SQLITE_READONLY): so the log is opened (a first read) and asked for a
    /// passive checkpoint, which waits for no one. Checked once per connection: a handle that could write when it opened its
    /// log can write whenever its file can.
    /// </summary>
    private async Task<bool> CanWriteAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var handle = connection.Handle!;
        if (_writable.TryGetValue(handle, out _))
        {
            return true;
        }

        if (raw.sqlite3_db_readonly(handle, "main") == 1)
        {
            return false;
        }

        try
        {
            await ExecuteScalarAsync(connection, "PRAGMA schema_version;", cancellationToken);
            await ExecuteScalarAsync(connection, "PRAGMA wal_checkpoint(PASSIVE);", cancellationToken);
        }
        catch (SqliteException)
        {
            // Read-only log, or the file cannot be written just now (a checkpoint writes it): not to be pooled either way.
            return false;
        }

        _writable.AddOrUpdate(handle, Checked);
        return true;
    }

    /// <summary>Whether the connection passed <see cref="CanWriteAsync"/> (one opened during a read-only moment did not).</summary>
    private bool IsCheckedWritable(SqliteConnection connection) => _writable.TryGetValue(connection.Handle!, out _);

    private void NoteReadOnly()
    {
        if (Interlocked.Exchange(ref _readOnly, 1) == 0)
        {
            _logger.LogError("SQLite database {DatabasePath} cannot be written (the file or its folder is read-only); writes fail until it can", FilePath);
        }
    }

    private void NoteWritable()
    {
        if (Interlocked.Exchange(ref _readOnly, 0) == 1)
        {
            _logger.LogInformation("SQLite database {DatabasePath} can be written again", FilePath);
        }
    }

    private async Task<SqliteConnection> OpenPooledAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Per connection: a writer that finds the database locked waits this long instead of failing at once; its
            // page cache stays within the configured size (one command for both). A handle keeps both for life, so they
            // are set when the pool opens it, not on every reuse: a handle checked writable (below) had them set then.
            if (!_writable.TryGetValue(connection.Handle!, out _))
            {
                await ExecuteScalarAsync(connection, _connectionSettings, cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task<object?> ExecuteScalarAsync(
        SqliteConnection connection, string sql, CancellationToken cancellationToken) =>
        await ExecuteScalarAsync(connection, null, sql, cancellationToken);

    private static async Task<object?> ExecuteScalarAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
