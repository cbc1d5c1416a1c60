using ChatRequests.Core.Messaging;
using ChatRequests.Embedded.Storage;
using ChatRequests.PortContracts.Storage;
using ChatRequests.Testing;
using Microsoft.Data.Sqlite;

namespace ChatRequests.Embedded.Tests.Storage;

/// <summary>
/// The connections kept for reads (ADR 0061): a read's statements are prepared once and run again by later reads, a kept
/// connection sees every later write and holds no snapshot between reads, and it leaves as the writer's does: after a
/// failed read, with the pool's idle connections, and at once if it was opened during a read-only moment. However many cores
/// the machine has, no more are kept, nor reads run at once, than <c>Storage:MaxReaders</c>.
/// </summary>
public sealed class SqliteReadersTests : IDisposable
{
    private readonly ScratchDatabase _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task ReadsOfLaterEvents_RunTheStatementsTheFirstReadsPrepared()
    {
        var (store, ledger, conversations) = Stores();
        var id = await SubmitLoad.SubmitAsync(store, "form-1");
        await ReadAsEventsDoAsync(store, ledger, conversations, id);
        var prepared = _scratch.Database.ReadStatementsPrepared;

        // The same reads of another request, one at a time as a turn makes them: nothing is prepared again.
        var second = await SubmitLoad.SubmitAsync(store, "form-2");
        await ReadAsEventsDoAsync(store, ledger, conversations, second);
        await ReadAsEventsDoAsync(store, ledger, conversations, id);

        Assert.True(prepared >= 3);
        Assert.Equal(prepared, _scratch.Database.ReadStatementsPrepared);
        Assert.Equal(1, _scratch.Database.ReadersKept);
    }

    [Fact]
    public async Task AKeptReader_SeesEveryLaterWrite_AndHoldsNoSnapshotBetweenReads()
    {
        var (store, ledger, _) = Stores();
        var id = await SubmitLoad.SubmitAsync(store, "form-1");
        var request = (await store.GetAsync(id))!;
        Assert.Null(await ledger.FindAsync("REQ-000001/approval"));

        await store.SaveAsync(request);
        await ledger.RecordAsync(new PostedMessage("REQ-000001/approval", "conversation-1", "activity-1", DateTimeOffset.UnixEpoch));

        Assert.Equal(2L, (await store.GetAsync(id))!.Version);
        Assert.Equal("activity-1", (await ledger.FindAsync("REQ-000001/approval"))!.ActivityId);
        Assert.Equal(1, _scratch.Database.ReadersKept);
        // A statement left stepping would keep its snapshot, and with it the log's frames: a full checkpoint then stops short.
        Assert.Equal(0L, await CheckpointBusyAsync());
    }

    [Fact]
    public async Task AReadThatFails_DropsItsConnection_AndTheNextReadPreparesAfresh()
    {
        var (store, _, _) = Stores();
        var id = await SubmitLoad.SubmitAsync(store, "form-1");
        await store.SetMarkAsync("mark", "value");
        await store.GetAsync(id);
        var prepared = _scratch.Database.ReadStatementsPrepared;
        await ExecuteAsync("UPDATE requests SET doc = 'not a document' WHERE id = $id;", id);

        await Assert.ThrowsAnyAsync<Exception>(() => store.GetAsync(id));

        Assert.Equal(0, _scratch.Database.ReadersKept);
        Assert.Equal("value", await store.GetMarkAsync("mark"));
        Assert.True(_scratch.Database.ReadStatementsPrepared > prepared);
        Assert.Equal(1, _scratch.Database.ReadersKept);
    }

    [Fact]
    public async Task ReleasedConnections_IncludeTheReaders_SoTheLogIsRemoved_AndTheNextReadPreparesAfresh()
    {
        var (store, ledger, conversations) = Stores();
        var id = await SubmitLoad.SubmitAsync(store, "form-1");
        await ReadAsEventsDoAsync(store, ledger, conversations, id);
        var prepared = _scratch.Database.ReadStatementsPrepared;

        _scratch.Database.ReleasePooledConnections();

        // The last connection of the file closed: SQLite checkpointed the log and removed it with its -shm (ADR 0043).
        Assert.Equal(0, _scratch.Database.ReadersKept);
        Assert.False(File.Exists(_scratch.Database.FilePath + "-wal"));
        Assert.False(File.Exists(_scratch.Database.FilePath + "-shm"));
        Assert.NotNull(await store.GetAsync(id));
        Assert.True(_scratch.Database.ReadStatementsPrepared > prepared);
    }

    [Fact]
    public async Task AReleaseDuringARead_ClosesItsConnectionWhenTheReadEnds()
    {
        var (store, _, _) = Stores();
        var id = await SubmitLoad.SubmitAsync(store, "form-1");
        var reading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var read = _scratch.Database.ReadAsync(
            async statements =>
            {
                reading.SetResult();
                await release.Task;
                var command = statements.For("SELECT COUNT(*) FROM requests;");
                return await command.ExecuteScalarAsync();
            });
        await reading.Task;
        _scratch.Database.ReleasePooledConnections();
        release.SetResult();

        Assert.Equal(1L, await read);
        Assert.Equal(0, _scratch.Database.ReadersKept);
        Assert.NotNull(await store.GetAsync(id));
        Assert.Equal(1, _scratch.Database.ReadersKept);
    }

    [Theory]
    [InlineData(null, 64, 4)]
    [InlineData(6, 64, 6)]
    [InlineData(null, 1, 2)]
    public async Task ADatabaseOnManyCores_KeepsNoMoreReadersThanItsCap_AndTheReadsBeyondWaitForOne(int? maxReaders, int cores, int cap)
    {
        using var scratch = new ScratchDatabase(
            maxReaders is { } max ? new EmbeddedStorageOptions { MaxReaders = max } : null, processorCount: cores);
        await SubmitLoad.SubmitAsync(new SqliteRequestStore(scratch.Database), "form-1");
        var reading = 0;
        var most = 0;
        var full = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Five times as many reads as the cap, each holding its connection until released.
        var reads = Enumerable.Range(0, 5 * cap).Select(_ => scratch.Database.ReadAsync(
            async statements =>
            {
                var now = Interlocked.Increment(ref reading);
                InterlockedMax(ref most, now);
                if (now == cap)
                {
                    full.TrySetResult();
                }

                await release.Task;
                var count = await statements.For("SELECT COUNT(*) FROM requests;").ExecuteScalarAsync();
                Interlocked.Decrement(ref reading);
                return count;
            })).ToList();
        await full.Task;

        Assert.Equal(cap, scratch.Database.MaxReaders);
        Assert.Equal(cap, Volatile.Read(ref reading));
        Assert.Equal(cap, scratch.Database.ReadersKept);
        release.SetResult();
        Assert.All(await Task.WhenAll(reads), count => Assert.Equal(1L, count));
        Assert.Equal(cap, most);
        Assert.Equal(cap, scratch.Database.ReadersKept);
    }

    [ReadOnlyFaultFact]
    public async Task AReaderOpenedDuringAReadOnlyMoment_ServesThatReadOnly_AndTheNextOneAfterwardsIsKept()
    {
        var (store, _, _) = Stores();
        var id = await SubmitLoad.SubmitAsync(store, "form-1");
        _scratch.Database.ReleasePooledConnections();

        using (DiskFaults.ReadOnly(_scratch.Database.FilePath))
        {
            Assert.NotNull(await store.GetAsync(id));
            Assert.Equal(0, _scratch.Database.ReadersKept);
        }

        Assert.NotNull(await store.GetAsync(id));
        Assert.Equal(1, _scratch.Database.ReadersKept);
        Assert.Equal("REQ-000002", await SubmitLoad.SubmitAsync(store, "form-2"));
    }

    private (SqliteRequestStore Store, SqliteMessageLedger Ledger, SqliteConversationStore Conversations) Stores() =>
        (new SqliteRequestStore(_scratch.Database), new SqliteMessageLedger(_scratch.Database), new SqliteConversationStore(_scratch.Database));

    /// <summary>The reads an event of a request makes: the request, the ledger's look-up before a post, the conversation.</summary>
    private static async Task ReadAsEventsDoAsync(
        SqliteRequestStore store, SqliteMessageLedger ledger, SqliteConversationStore conversations, string id)
    {
        Assert.NotNull(await store.GetAsync(id));
        await ledger.FindAsync($"{id}/approval");
        await conversations.FindAsync($"conversation-{id}");
    }

    private static void InterlockedMax(ref int most, int value)
    {
        var seen = Volatile.Read(ref most);
        while (value > seen && Interlocked.CompareExchange(ref most, value, seen) is var was && was != seen)
        {
            seen = was;
        }
    }

    private SqliteConnection OwnConnection() =>
        // A connection of its own, outside the pool and the kept ones: what it sees is in the file.
        new(new SqliteConnectionStringBuilder { DataSource = _scratch.Database.FilePath, Pooling = false }.ToString());

    private async Task ExecuteAsync(string sql, string id)
    {
        await using var connection = OwnConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of <c>PRAGMA wal_checkpoint(TRUNCATE)</c>: 1 if a reader's snapshot stopped it.</summary>
    private async Task<long> CheckpointBusyAsync()
    {
        await using var connection = OwnConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
