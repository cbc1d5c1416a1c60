using ChatRequests.Core.Organisation;
using ChatRequests.Core.Sla;
using ChatRequests.Core.Storage;
using ChatRequests.Embedded.Storage;
using ChatRequests.PortContracts.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.Embedded.Tests.Storage;

public sealed class SqliteRequestStoreTests : RequestStoreContract, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly List<SqliteDatabase> _databases = [];

    private string DatabasePath => _folder.File("data/chatrequests.db");

    public void Dispose()
    {
        _databases.ForEach(d => d.Dispose());
        _folder.Dispose();
    }

    protected override IRequestStore CreateStore() => new SqliteRequestStore(OpenDatabase());

    protected override IRequestStore ReopenStore()
    {
        // Close every connection to the file first, as a stopped process would.
        _databases.ForEach(d => d.Dispose());
        return new SqliteRequestStore(OpenDatabase());
    }

    [Fact]
    public async Task FirstUse_FolderMissing_CreatesTheFileInWalMode()
    {
        await Store.GetAsync("REQ-000001");

        Assert.True(File.Exists(DatabasePath));
        Assert.Equal("wal", await RawScalarAsync("PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task CreateAsync_StoresEnumsAsNamesAndTheVersionInTheDocument()
    {
        await Store.CreateAsync(Submit("REQ-000001", stages: [ManagerStage()]));

        var doc = (string)(await RawScalarAsync("SELECT doc FROM requests WHERE id = 'REQ-000001';"))!;

        Assert.Contains("\"state\":\"AwaitingApproval\"", doc);
        Assert.Contains("\"type\":\"ApprovalRequested\"", doc);
        Assert.Contains("\"version\":1", doc);
    }

    [Fact]
    public async Task SaveAsync_KeepsTheQueryColumnsInStepWithTheDocument()
    {
        var request = Submit("REQ-000001", stages: [SecurityStage()]);
        await Store.CreateAsync(request);
        Assert.Equal($"|{Carol.Id}|{Dave.Id}|", await RawScalarAsync("SELECT pending_approvers FROM requests;"));
        Assert.Equal("2026-11-23T09:00:00.0000000Z", await RawScalarAsync("SELECT next_event_at FROM requests;"));

        request.Decide(Carol, approve: true, null, 0, Start.AddHours(1));
        request.CompleteEvent(request.Outbox[0].Id);
        await Store.SaveAsync(request);

        Assert.Equal(DBNull.Value, await RawScalarAsync("SELECT pending_approvers FROM requests;"));
        Assert.Equal("2026-11-23T10:00:00.0000000Z", await RawScalarAsync("SELECT next_event_at FROM requests;"));
        Assert.Equal("Approved", await RawScalarAsync("SELECT state FROM requests;"));
        Assert.Equal(2L, await RawScalarAsync("SELECT version FROM requests;"));
    }

    [Fact]
    public async Task FirstUse_OfAVersion1File_AddsTheSlaColumnAndFillsItForOpenRequestsFromTheirDocuments()
    {
        // Requests as version 1 stored them: its schema, and documents without the SLA marks.
        var approved = Submit("REQ-000001", Start);
        var awaiting = Submit("REQ-000002", Start.AddHours(1), stages: [ManagerStage()]);
        var closed = FullLifecycle("REQ-000003");
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=false"))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = Version1Schema + "PRAGMA user_version = 1;";
            await command.ExecuteNonQueryAsync();
            foreach (var request in new[] { approved, awaiting, closed })
            {
                await InsertVersion1RowAsync(connection, request);
            }
        }

        var due = await Store.ListSlaCheckDueAsync(Start.AddDays(1000), 50);

        Assert.Equal(2L, await RawScalarAsync("PRAGMA user_version;"));
        // The reminder falls back to when the history says approval was requested; at risk is 3/4 of 40 hours.
        Assert.Equal(["REQ-000002", "REQ-000001"], due.Select(r => r.Id));
        Assert.Equal("2026-11-24T10:00:00.0000000Z", await RawScalarAsync("SELECT sla_check_at FROM requests WHERE id = 'REQ-000002';"));
        Assert.Equal("2026-11-24T15:00:00.0000000Z", await RawScalarAsync("SELECT sla_check_at FROM requests WHERE id = 'REQ-000001';"));
        Assert.Equal(DBNull.Value, await RawScalarAsync("SELECT sla_check_at FROM requests WHERE id = 'REQ-000003';"));
        Assert.Equal(1L, await RawScalarAsync("SELECT version FROM requests WHERE id = 'REQ-000001';"));
        Assert.Equal(1L, await RawScalarAsync("SELECT count(*) FROM sqlite_master WHERE name = 'ix_requests_sla_check_at';"));
    }

    [Fact]
    public async Task FirstUse_OfAFileFromANewerVersion_Refuses()
    {
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=false"))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99;";
            await command.ExecuteNonQueryAsync();
        }

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.GetAsync("REQ-000001"));

        Assert.Contains("schema version 99", refused.Message);
    }

    // The schema of version 1, as SqliteDatabase created it before the SLA column (tables the upgrade does not touch left out).
    private const string Version1Schema = """
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
        """;

    private static async Task InsertVersion1RowAsync(SqliteConnection connection, Core.Requests.ServiceRequest request)
    {
        var doc = System.Text.Json.JsonSerializer.SerializeToNode(request, RequestJson.Options)!.AsObject();
        doc["version"] = 1;
        foreach (var name in new[] { "slaCheckAt", "slaWarnedAt", "slaEscalatedAt" })
        {
            Assert.True(doc.Remove(name), name);
        }

        foreach (var stage in doc["approvals"]!.AsArray())
        {
            stage!.AsObject().Remove("requestedAt");
            stage.AsObject().Remove("remindedAt");
        }

        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO requests (id, version, submission_key, requester_id, team_id, state, submitted_at, doc)
            VALUES ($id, 1, $key, $requester, $team, $state, $submitted, $doc);
            """;
        insert.Parameters.AddWithValue("$id", request.Id);
        insert.Parameters.AddWithValue("$key", request.SubmissionKey);
        insert.Parameters.AddWithValue("$requester", request.Requester.Id);
        insert.Parameters.AddWithValue("$team", request.TeamId);
        insert.Parameters.AddWithValue("$state", request.State.ToString());
        insert.Parameters.AddWithValue("$submitted", request.SubmittedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        insert.Parameters.AddWithValue("$doc", doc.ToJsonString());
        await insert.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task RetentionAdoption_ScansOnce_NotAgainAfterARestart_AgainWhenTheSettingChanges()
    {
        var directory = Substitute.For<IDirectory>();
        directory.GetGovernanceSettingsAsync(Arg.Any<CancellationToken>())
            .Returns(new GovernanceSettings { Retention = new RetentionSettings { AnonymiseClosedAfterDays = 400 } });
        var clock = new FakeTimeProvider(Start.AddDays(1));
        SlaSweep Sweeper(IRequestStore store) => new(store, clock, NullLogger<SlaSweep>.Instance, directory: directory);
        await Store.CreateAsync(FullLifecycle("REQ-000001"));
        Assert.Equal(1, (await Sweeper(Store).SweepAsync()).RetentionAdopted);
        // Written without the settings (as by a version before them): only a scan would bring it to them.
        await Store.CreateAsync(FullLifecycle("REQ-000002"));

        var restarted = ReopenStore();
        Assert.Equal(0, (await Sweeper(restarted).SweepAsync()).RetentionAdopted);
        Assert.Null((await restarted.GetAsync("REQ-000002"))!.Retention);

        directory.GetGovernanceSettingsAsync(Arg.Any<CancellationToken>())
            .Returns(new GovernanceSettings { Retention = new RetentionSettings { AnonymiseClosedAfterDays = 300 } });
        Assert.Equal(2, (await Sweeper(ReopenStore()).SweepAsync()).RetentionAdopted);
        Assert.Equal(0, (await Sweeper(ReopenStore()).SweepAsync()).RetentionAdopted);
    }

    private SqliteDatabase OpenDatabase()
    {
        var database = new SqliteDatabase(
            Options.Create(new EmbeddedStorageOptions { SqlitePath = DatabasePath }),
            NullLogger<SqliteDatabase>.Instance);
        _databases.Add(database);
        return database;
    }

    [Theory]
    [InlineData("team queue page", "ix_requests_team_open")]
    [InlineData("team queue count", "ix_requests_team_open")] // not every request the team ever had
    [InlineData("parked list", "ix_requests_parked_order")] // not every request, in order, each row read for its flag
    [InlineData("assignee loads", "ix_requests_team_open")]
    [InlineData("pending page", "ix_requests_pending_order")]
    [InlineData("pending count", "ix_requests_pending_order")]
    public async Task BoundedLists_AreReadThroughTheirIndex_InTheirOrder_WithoutSortingTheWholeList(string query, string index)
    {
        await Store.CreateAsync(Submit("REQ-000001", stages: [ManagerStage()]));
        var sql = query switch
        {
            "team queue page" => $"SELECT version, doc FROM requests {SqliteRequestStore.TeamQueuePage}",
            "team queue count" => $"SELECT COUNT(*) FROM requests {SqliteRequestStore.TeamQueueCount}",
            "assignee loads" => SqliteRequestStore.AssigneeLoads,
            "pending page" => $"SELECT version, doc FROM requests {SqliteRequestStore.PendingPage}",
            "parked list" => SqliteRequestStore.Select(SqliteRequestStore.ParkedList),
            _ => $"SELECT COUNT(*) FROM requests {SqliteRequestStore.PendingCount}",
        };

        var plan = await QueryPlanAsync(sql);

        Assert.Contains(index, plan);
        // The page comes in the index's order: SQLite sorts nothing (the grouping of the loads is by assignee, a few rows).
        if (query.EndsWith("page", StringComparison.Ordinal) || query.EndsWith("list", StringComparison.Ordinal))
        {
            Assert.DoesNotContain("TEMP B-TREE", plan);
        }
    }

    [Fact]
    public async Task Upgrade_AFileWithTheOldPendingApproversIndex_GetsTheListIndexesInstead()
    {
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=false"))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE requests (id TEXT NOT NULL PRIMARY KEY, version INTEGER NOT NULL, submission_key TEXT NOT NULL UNIQUE,
                    requester_id TEXT NOT NULL, team_id TEXT NOT NULL, state TEXT NOT NULL, submitted_at TEXT NOT NULL,
                    pending_approvers TEXT NULL, next_event_at TEXT NULL, has_parked INTEGER NOT NULL DEFAULT 0, doc TEXT NOT NULL,
                    sla_check_at TEXT NULL);
                CREATE INDEX ix_requests_pending_approvers ON requests (pending_approvers) WHERE pending_approvers IS NOT NULL;
                PRAGMA user_version = 2;
                """;
            await command.ExecuteNonQueryAsync();
        }

        await Store.GetAsync("REQ-000001");

        Assert.Equal(0L, await RawScalarAsync("SELECT count(*) FROM sqlite_master WHERE name = 'ix_requests_pending_approvers';"));
        Assert.Equal(2L, await RawScalarAsync("SELECT count(*) FROM sqlite_master WHERE name IN ('ix_requests_pending_order', 'ix_requests_team_open');"));
    }

    [Fact]
    public async Task Upgrade_AFileWithTheIndexesThatLostToAFullScan_GetsThePartialOnesInstead()
    {
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=false"))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = Version1Schema + "ALTER TABLE requests ADD COLUMN sla_check_at TEXT NULL; PRAGMA user_version = 2;";
            await command.ExecuteNonQueryAsync();
        }

        await Store.GetAsync("REQ-000001");

        Assert.Equal(0L, await RawScalarAsync("SELECT count(*) FROM sqlite_master WHERE name IN ('ix_requests_team_state', 'ix_requests_parked');"));
        Assert.Equal(2L, await RawScalarAsync("SELECT count(*) FROM sqlite_master WHERE name IN ('ix_requests_parked_order', 'ix_requests_team_open');"));
    }

    private async Task<string> QueryPlanAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var details = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            details.Add(reader.GetString(3));
        }

        return string.Join(" | ", details);
    }

    private async Task<object?> RawScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
