using ChatRequests.Embedded.Storage;
using ChatRequests.PortContracts.Storage;
using ChatRequests.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace ChatRequests.Embedded.Tests.Storage;

/// <summary>
/// The SQLite store under real faults of its file (read-only, disk full, locked by another process, its -shm deleted):
/// writes fail while the cause lasts, with SQLite's own error, and the first operation after the cause is gone works,
/// without a restart; a submit that failed left nothing behind and burnt no number.
/// </summary>
public sealed class SqliteDatabaseRecoveryTests(ITestOutputHelper output) : IDisposable
{
    private const int SqliteBusy = 5;
    private const int SqliteReadOnly = 8;
    private const int SqliteFull = 13;

    // Shorter than the lock is held, so that writes fail while it is; long enough that writers waiting on each other
    // on a loaded machine do not.
    private static readonly TimeSpan ShortBusyTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LockHeldFor = TimeSpan.FromSeconds(4);

    private readonly TempFolder _folder = new();
    private readonly List<SqliteDatabase> _databases = [];

    public void Dispose()
    {
        _databases.ForEach(d => d.Dispose());
        _folder.Dispose();
    }

    [ReadOnlyFaultFact]
    public async Task ReadOnlyFile_WritesFailWhileItLasts_AndTheFirstWriteAfterwardsSucceeds()
    {
        var (database, store) = Open(_folder.File("data/chatrequests.db"));
        await SubmitAsync(store, "form-1");
        await EmptyPoolAsync(database);

        using (DiskFaults.ReadOnly(database.FilePath))
        {
            var error = await Assert.ThrowsAsync<SqliteException>(() => SubmitAsync(store, "form-2"));
            Assert.Equal(SqliteReadOnly, error.SqliteErrorCode);
            Assert.NotNull(await store.GetAsync("REQ-000001"));
        }

        Assert.Equal("REQ-000002", await SubmitAsync(store, "form-2"));
        Assert.Equal("REQ-000003", await SubmitAsync(store, "form-3"));
    }

    [ReadOnlyFaultFact]
    public async Task ConnectionOpenedDuringTheFault_WritesOnceTheFileIsWritableAgain()
    {
        var (database, store) = Open(_folder.File("data/chatrequests.db"));
        await SubmitAsync(store, "form-1");
        // A connection in use through the fault (a turn's, an event's) keeps SQLite's lock on the file, so SQLite keeps the
        // descriptors of connections closed meanwhile and hands one to the next open of the file: a connection opened
        // during the fault gets a writable database file and, at its first statement, a write-ahead log opened read-only,
        // which it keeps for life.
        await using var inUse = await database.OpenAsync();
        await ScalarAsync(inUse, "SELECT COUNT(*) FROM requests;");
        await EmptyPoolAsync(database);

        using (DiskFaults.ReadOnly(database.FilePath, database.FilePath + "-wal"))
        {
            await Assert.ThrowsAsync<SqliteException>(() => SubmitAsync(store, "form-2"));
        }

        Assert.Equal("REQ-000002", await SubmitAsync(store, "form-2"));
        Assert.Equal("REQ-000003", await SubmitAsync(store, "form-3"));
    }

    [ReadOnlyFaultFact]
    public async Task ReadOnlyFolder_WritesFailWhileItLasts_AndTheFirstWriteAfterwardsSucceeds()
    {
        var (database, store) = Open(_folder.File("data/chatrequests.db"));
        await SubmitAsync(store, "form-1");
        // Every connection closed: SQLite removes -wal and -shm, and must create them again in the folder.
        await EmptyPoolAsync(database);

        using (DiskFaults.ReadOnly(Path.GetDirectoryName(database.FilePath)!))
        {
            await Assert.ThrowsAsync<SqliteException>(() => SubmitAsync(store, "form-2"));
        }

        Assert.Equal("REQ-000002", await SubmitAsync(store, "form-2"));
        Assert.Equal(["REQ-000001", "REQ-000002"], await StoredIdsAsync(store));
    }

    [MountFact]
    public async Task DiskFull_WritesFailWhileItLasts_AndTheFirstWriteAfterSpaceIsFreedSucceeds()
    {
        using var disk = new TinyFileSystem(kilobytes: 2048);
        var (database, store) = Open(disk.File("chatrequests.db"));
        await SubmitAsync(store, "form-1");

        disk.Fill();
        var error = await Assert.ThrowsAsync<SqliteException>(() => SubmitAsync(store, "form-2"));
        Assert.Equal(SqliteFull, error.SqliteErrorCode);
        disk.Free();

        Assert.Equal("REQ-000002", await SubmitAsync(store, "form-2"));
        Assert.Equal("ok", await ScalarAsync(database, "PRAGMA integrity_check;"));
        database.Dispose();
    }

    [Fact]
    public async Task LockedByAnotherWriter_WritesFailAfterTheBusyTimeout_AndTheFirstWriteAfterTheLockSucceeds()
    {
        var (database, store) = Open(_folder.File("data/chatrequests.db"), ShortBusyTimeout);
        await SubmitAsync(store, "form-1");

        using (await HeldWriteLock.TakeAsync(database.FilePath))
        {
            var error = await Assert.ThrowsAsync<SqliteException>(() => SubmitAsync(store, "form-2"));
            Assert.Equal(SqliteBusy, error.SqliteErrorCode);
        }

        Assert.Equal("REQ-000002", await SubmitAsync(store, "form-2"));
    }

    [Fact]
    public async Task ShmDeletedWhileRunning_WritesGoOn_AndNothingIsLostAfterARestart()
    {
        var path = _folder.File("data/chatrequests.db");
        var (database, store) = Open(path);
        await SubmitAsync(store, "form-1");

        File.Delete(path + "-shm");
        await SubmitAsync(store, "form-2");
        database.Dispose();

        var (reopened, reopenedStore) = Open(path);
        Assert.Equal(["REQ-000001", "REQ-000002"], await StoredIdsAsync(reopenedStore));
        Assert.Equal("ok", await ScalarAsync(reopened, "PRAGMA integrity_check;"));
    }

    [ReadOnlyFaultFact]
    public async Task UnderLoad_ReadOnlyFileForAMoment_NoFailureAfterwards_NothingLost_NoNumberBurnt()
    {
        var (database, store) = Open(_folder.File("data/chatrequests.db"));
        var figures = await SubmitLoad.RunAsync(store, () =>
        {
            var fault = DiskFaults.ReadOnly(database.FilePath);
            try
            {
                // The pool pruned during the fault (or grown by the load): the next operations open new connections.
                EmptyPoolAsync(database).GetAwaiter().GetResult();
            }
            catch (SqliteException)
            {
                // A submit of the load already met the fault, so this open set the file up again and met it too (disk I/O
                // error): the fault is on either way, and must be undone.
            }

            return fault;
        });

        // SQLite hands the file descriptor of a connection it closed to the next connection that opens the same file in the
        // process, so under load some connections opened during the fault can still write: whether a submit fails depends
        // on timing. ReadOnlyFile_WritesFailWhileItLasts_... shows the failure itself.
        await AssertRecoveredAsync(store, figures, "read-only file", faultMayPassUnseen: true);
    }

    [Fact]
    public async Task UnderLoad_LockedForAMoment_NoFailureAfterwards_NothingLost_NoNumberBurnt()
    {
        var (database, store) = Open(_folder.File("data/chatrequests.db"), ShortBusyTimeout);
        var figures = await SubmitLoad.RunAsync(
            store, () => HeldWriteLock.TakeAsync(database.FilePath).GetAwaiter().GetResult(), LockHeldFor);

        await AssertRecoveredAsync(store, figures, "locked");
    }

    [MountFact]
    public async Task UnderLoad_DiskFullForAMoment_NoFailureAfterwards_NothingLost_NoNumberBurnt()
    {
        using var disk = new TinyFileSystem(kilobytes: 32768);
        var (database, store) = Open(disk.File("chatrequests.db"));
        var figures = await SubmitLoad.RunAsync(store, () =>
        {
            disk.Fill();
            return new Undo(disk.Free);
        });

        await AssertRecoveredAsync(store, figures, "disk full");
        database.Dispose();
    }

    private async Task AssertRecoveredAsync(SqliteRequestStore store, SubmitLoad.Figures figures, string fault, bool faultMayPassUnseen = false)
    {
        output.WriteLine($"SQLite, {fault}: {figures}");
        await SubmitLoad.AssertRecoveredAsync(store, figures, faultMayPassUnseen);
    }

    /// <summary>
    /// The database as the bot opens it (its busy timeout, unless given: the lock tests wait less for a lock held on purpose).
    /// </summary>
    private (SqliteDatabase Database, SqliteRequestStore Store) Open(string path, TimeSpan? busyTimeout = null)
    {
        var options = new EmbeddedStorageOptions { SqlitePath = path };
        options.BusyTimeout = busyTimeout ?? options.BusyTimeout;
        var database = new SqliteDatabase(
            Options.Create(options),
            NullLogger<SqliteDatabase>.Instance);
        _databases.Add(database);
        return (database, new SqliteRequestStore(database));
    }

    private static Task<string> SubmitAsync(SqliteRequestStore store, string submissionKey) =>
        SubmitLoad.SubmitAsync(store, submissionKey);

    private static Task<List<string>> StoredIdsAsync(SqliteRequestStore store) => SubmitLoad.StoredIdsAsync(store);

    /// <summary>
    /// Closes every idle connection of the file, as the pool's pruning and the idle bot's release do, the group commit's
    /// kept connection included (ADR 0058): the next operation, read or write, opens a new one.
    /// </summary>
    private static Task EmptyPoolAsync(SqliteDatabase database)
    {
        database.ReleasePooledConnections();
        return Task.CompletedTask;
    }

    private static async Task<object?> ScalarAsync(SqliteDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync();
        return await ScalarAsync(connection, sql);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
