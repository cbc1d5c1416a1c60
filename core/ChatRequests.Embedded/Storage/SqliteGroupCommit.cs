using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ChatRequests.Embedded.Storage;

/// <summary>
/// Group commit (ADR 0029): the writes that arrive while a commit waits for the disk share the next commit and its one
/// <c>fsync</c>. One loop takes every write waiting, runs each in a savepoint of one <c>BEGIN IMMEDIATE</c> transaction
/// on one connection, commits (with <c>synchronous=FULL</c>, as every write before), and only then completes the callers'
/// tasks: no caller hears of a write before it is on the disk, and a <c>kill -9</c> at any moment loses only writes
/// nobody was told about. A write that fails is rolled back to its savepoint and fails alone; an error that ends the
/// transaction (disk full, read-only file, a failed commit) fails every write of the batch, none of which was
/// acknowledged, and the next batch opens a connection afresh (<see cref="SqliteDatabase.OpenAsync"/>, which replaces a
/// read-only handle), so the store recovers as it did with one commit per write.
/// </summary>
internal sealed class SqliteGroupCommit
{
    // Bounds one transaction's work (and the time its writes wait for the one ahead); the queue is drained in batches.
    private const int MaxBatch = 64;
    private const string Savepoint = "write";

    private readonly Func<CancellationToken, Task<SqliteConnection>> _open;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lazy<Task> _loop;
    private readonly Action<SqliteConnection, int> _committed;

    /// <param name="open">Opens a connection able to write (<see cref="SqliteDatabase.OpenAsync"/>).</param>
    /// <param name="committed">Told of each commit: its connection (asked <see cref="SqliteDatabase.TakePagesWritten"/> before the transaction) and the writes it committed.</param>
    public SqliteGroupCommit(Func<CancellationToken, Task<SqliteConnection>> open, Action<SqliteConnection, int> committed)
    {
        _open = open;
        _committed = committed;
        _loop = new Lazy<Task>(() => Task.Run(RunAsync));
    }

    /// <summary>
    /// Runs <paramref name="write"/> on a command of the next batch's transaction; the task ends once that transaction is
    /// committed. The write must only use the command (no other connection, no other store): the loop runs one write at a
    /// time. The caller's token cancels a write that has not started; one that has started runs to its commit.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteCommand, Task<T>> write, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingWrite<T>(write, cancellationToken);
        // Unbounded and never completed: the database stays usable after SqliteDatabase.Dispose releases the file.
        _queue.Writer.TryWrite(pending);

        _ = _loop.Value;
        return pending.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write))
            {
                if (!write.CancelIfRequested())
                {
                    batch.Add(write);
                }
            }

            if (batch.Count > 0)
            {
                await CommitAsync(batch);
                batch.Clear();
            }
        }
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        var written = new List<PendingWrite>(batch.Count);
        try
        {
            await using var connection = await _open(CancellationToken.None);
            SqliteDatabase.TakePagesWritten(connection);
            await using var transaction = connection.BeginTransaction(deferred: false);
            // One write alone needs no savepoint: if it fails, the transaction is rolled back with it. The savepoint's two
            // statements are prepared once per batch, not once per write (what SqliteTransaction.Save and Release do).
            var alone = batch.Count == 1;
            await using var save = alone ? null : Statement(transaction, $"SAVEPOINT \"{Savepoint}\";");
            await using var release = alone ? null : Statement(transaction, $"RELEASE SAVEPOINT \"{Savepoint}\";");
            foreach (var write in batch)
            {
                save?.ExecuteNonQuery();

                try
                {
                    await using var command = connection.CreateCommand();
                    command.Transaction = transaction;
                    await write.RunAsync(command);
                }
                catch (Exception ex) when (!alone && raw.sqlite3_get_autocommit(connection.Handle) == 0)
                {
                    // The transaction is still open: undo this write only, and tell its caller now (nothing of it is kept).
                    transaction.Rollback(Savepoint);
                    transaction.Release(Savepoint);
                    write.Fail(ex);
                    continue;
                }

                release?.ExecuteNonQuery();
                written.Add(write);
            }

            if (written.Count > 0)
            {
                await transaction.CommitAsync();
                _committed(connection, written.Count);
            }
        }
        catch (Exception ex)
        {
            // Nothing of this batch reached the disk (or the commit's outcome is unknown): no write of it is acknowledged.
            foreach (var write in batch)
            {
                write.Fail(ex);
            }

            return;
        }

        foreach (var write in written)
        {
            write.Complete();
        }
    }

    private static SqliteCommand Statement(SqliteTransaction transaction, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private abstract class PendingWrite
    {
        public abstract Task RunAsync(SqliteCommand command);

        public abstract void Complete();

        public abstract void Fail(Exception exception);

        public abstract bool CancelIfRequested();
    }

    private sealed class PendingWrite<T>(Func<SqliteCommand, Task<T>> write, CancellationToken cancellationToken) : PendingWrite
    {
        // Asynchronous continuations: a caller's code never runs on the loop (it could wait there for a write of its own).
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _result = default!;

        public Task<T> Task => _done.Task;

        public override async Task RunAsync(SqliteCommand command) => _result = await write(command);

        public override void Complete() => _done.TrySetResult(_result);

        public override void Fail(Exception exception) => _done.TrySetException(exception);

        public override bool CancelIfRequested() => cancellationToken.IsCancellationRequested && _done.TrySetCanceled(cancellationToken);
    }
}
