using ChatRequests.Core.Storage;
using ChatRequests.Embedded.Storage;
using ChatRequests.PortContracts.Storage;
using Microsoft.Data.Sqlite;

namespace ChatRequests.Embedded.Tests.Storage;

/// <summary>
/// Group commit (ADR 0029): writes that arrive while a commit cannot go ahead share the next one, none is acknowledged
/// before its commit, each is in the file afterwards, and a write that fails fails alone.
/// </summary>
public sealed class SqliteGroupCommitTests : IDisposable
{
    private readonly ScratchDatabase _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task WritesArrivingWhileTheFileIsLocked_ShareOneCommit_AndNoneIsAcknowledgedBeforeIt()
    {
        var store = new SqliteRequestStore(_scratch.Database);
        await SubmitLoad.SubmitAsync(store, "form-0");
        var commitsBefore = _scratch.Database.Work.Commits;

        Task<long>[] reservations;
        using (await HeldWriteLock.TakeAsync(_scratch.Database.FilePath))
        {
            reservations = [.. Enumerable.Range(1, 20).Select(i => store.ReserveNumberAsync($"form-{i}"))];
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            Assert.DoesNotContain(reservations, reservation => reservation.IsCompleted);
        }

        var numbers = await Task.WhenAll(reservations);
        Assert.Equal(Enumerable.Range(2, 20).Select(n => (long)n), numbers.Order());
        // The batch the loop had begun when the lock was taken, then all the others at once.
        Assert.InRange(_scratch.Database.Work.Commits - commitsBefore, 1, 2);
        Assert.Equal(21L, await CountAsync("SELECT COUNT(*) FROM request_numbers;"));
    }

    [Fact]
    public async Task AWriteThatFailsInABatch_FailsAlone_AndTheOthersAreStored()
    {
        var store = new SqliteRequestStore(_scratch.Database);
        var id = await SubmitLoad.SubmitAsync(store, "form-1");
        var stale = (await store.GetAsync(id))!;
        var current = (await store.GetAsync(id))!;
        await store.SaveAsync(current);

        var numbers = await FailsBetweenTwoNumbersAsync(store, () => store.SaveAsync(stale));

        Assert.Equal([2L, 3L], numbers);
        Assert.Equal(current.Version, (await store.GetAsync(id))!.Version);
    }

    [Fact]
    public async Task AWriteThatThrowsInABatch_IsUndoneAlone_AndTheWritesAroundItAreStored()
    {
        var store = new SqliteRequestStore(_scratch.Database);
        var id = await SubmitLoad.SubmitAsync(store, "form-1");
        var twin = (await store.GetAsync(id))!;

        // The same id again: the insert fails inside the batch's transaction, after the write before it ran.
        var numbers = await FailsBetweenTwoNumbersAsync(store, () => store.CreateAsync(twin));

        Assert.Equal([2L, 3L], numbers);
        Assert.Equal(1L, await CountAsync("SELECT COUNT(*) FROM requests;"));
        Assert.Equal(3L, await CountAsync("SELECT COUNT(*) FROM request_numbers;"));
    }

    [Fact]
    public async Task ABatchWhoseEveryWriteFails_EndsItsTransaction_SoTheFileCanBeWrittenAtOnce()
    {
        var store = new SqliteRequestStore(_scratch.Database);
        var id = await SubmitLoad.SubmitAsync(store, "form-1");
        var twin = (await store.GetAsync(id))!;

        Task<long> blocked;
        Task[] duplicates;
        using (await HeldWriteLock.TakeAsync(_scratch.Database.FilePath))
        {
            // The first write waits in a batch of its own for the lock; the two duplicates form the next batch and both fail.
            blocked = store.ReserveNumberAsync("form-2");
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            duplicates = [store.CreateAsync(twin), store.CreateAsync(twin)];
        }

        Assert.Equal(2L, await blocked);
        foreach (var duplicate in duplicates)
        {
            await Assert.ThrowsAsync<ConcurrencyConflictException>(() => duplicate);
        }

        // No transaction of the writer's is left open: another connection takes the write lock (it would wait for it and
        // fail as busy), and the next batch begins its own.
        using (await HeldWriteLock.TakeAsync(_scratch.Database.FilePath))
        {
        }

        Assert.Equal(3L, await store.ReserveNumberAsync("form-3"));
        Assert.Equal(1L, await CountAsync("SELECT COUNT(*) FROM requests;"));
    }

    [Fact]
    public async Task AWriteCancelledBeforeItsBatch_IsNotWritten()
    {
        var store = new SqliteRequestStore(_scratch.Database);
        await SubmitLoad.SubmitAsync(store, "form-1");

        using var cancellation = new CancellationTokenSource();
        Task<long> blocked, cancelled;
        using (await HeldWriteLock.TakeAsync(_scratch.Database.FilePath))
        {
            blocked = store.ReserveNumberAsync("form-2");
            // Queued behind the batch that waits for the lock (or in it, in which case it runs to its commit).
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            cancelled = store.ReserveNumberAsync("form-3", cancellation.Token);
            await cancellation.CancelAsync();
        }

        Assert.Equal(2L, await blocked);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(2L, await CountAsync("SELECT COUNT(*) FROM request_numbers;"));
    }

    [Fact]
    public async Task WritesOfLaterBatches_RunTheStatementsTheFirstBatchPrepared()
    {
        var store = new SqliteRequestStore(_scratch.Database);
        var id = await SubmitLoad.SubmitAsync(store, "form-1");
        var request = (await store.GetAsync(id))!;
        await store.SaveAsync(request);
        var prepared = _scratch.Database.WriteStatementsPrepared;

        // The same writes again, each in a batch of its own: nothing is prepared again, and each is stored.
        var second = await SubmitLoad.SubmitAsync(store, "form-2");
        await store.SaveAsync((await store.GetAsync(second))!);
        await store.SaveAsync(request);

        Assert.Equal(prepared, _scratch.Database.WriteStatementsPrepared);
        Assert.Equal(3L, (await store.GetAsync(id))!.Version);
        Assert.Equal(2L, await CountAsync("SELECT COUNT(*) FROM requests;"));
    }

    [Fact]
    public async Task ReleasedConnections_IncludeTheWriters_SoTheLogIsRemoved_AndTheNextWritePreparesAfresh()
    {
        var store = new SqliteRequestStore(_scratch.Database);
        await SubmitLoad.SubmitAsync(store, "form-1");
        var prepared = _scratch.Database.WriteStatementsPrepared;
        Assert.True(File.Exists(_scratch.Database.FilePath + "-wal"));

        _scratch.Database.ReleasePooledConnections();

        // The last connection of the file closed: SQLite checkpointed the log and removed it with its -shm (ADR 0043).
        Assert.False(File.Exists(_scratch.Database.FilePath + "-wal"));
        Assert.False(File.Exists(_scratch.Database.FilePath + "-shm"));
        Assert.Equal("REQ-000002", await SubmitLoad.SubmitAsync(store, "form-2"));
        Assert.True(_scratch.Database.WriteStatementsPrepared > prepared);
    }

    /// <summary>
    /// Runs <paramref name="failing"/> between two number reservations, all three queued while the file's write lock is
    /// held so that they share a batch; checks it fails with a conflict and returns the two numbers.
    /// </summary>
    private async Task<long[]> FailsBetweenTwoNumbersAsync(SqliteRequestStore store, Func<Task> failing)
    {
        Task<long> before, after;
        Task failed;
        using (await HeldWriteLock.TakeAsync(_scratch.Database.FilePath))
        {
            before = store.ReserveNumberAsync("form-2");
            failed = failing();
            after = store.ReserveNumberAsync("form-3");
        }

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => failed);
        return await Task.WhenAll(before, after);
    }

    private async Task<long> CountAsync(string sql)
    {
        // A connection of its own, outside the pool: what is counted is in the file, not in a connection's cache.
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _scratch.Database.FilePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
