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
/// The loop keeps its connection from one batch to the next, with the writes' statements prepared on it (ADR 0058): it is
/// closed after a batch that failed as a whole and whenever the pool's idle connections are released
/// (<see cref="ReleaseConnection"/>), so a fault and an idle bot see it go as they saw the pooled ones go.
/// </summary>
internal sealed class SqliteGroupCommit
{
    // Bounds one transaction's work (and the time its writes wait for the one ahead); the queue is drained in batches.
    private const int MaxBatch = 64;
    private const string Savepoint = "write";
    private const string SaveSql = $"SAVEPOINT \"{Savepoint}\";";
    private const string ReleaseSql = $"RELEASE SAVEPOINT \"{Savepoint}\";";
    private const string UndoSql = $"ROLLBACK TO SAVEPOINT \"{Savepoint}\"; RELEASE SAVEPOINT \"{Savepoint}\";";
    // The transaction's own statements, kept prepared like the writes' (ADR 0061) rather than parsed by SqliteTransaction
    // at every batch: the same SQL SqliteTransaction runs for BeginTransaction(deferred: false), Commit and Rollback.
    private const string BeginSql = "BEGIN IMMEDIATE;";
    private const string CommitSql = "COMMIT;";
    private const string RollbackSql = "ROLLBACK;";

    private readonly Func<CancellationToken, Task<SqliteConnection>> _open;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lazy<Task> _loop;
    private readonly Action<SqliteConnection, int> _committed;

    // The connection the loop writes on and its prepared statements; taken by the loop for a batch, or by a release.
    private readonly SemaphoreSlim _writerGate = new(1, 1);
    private KeptStatements? _writer;
    private volatile bool _releaseAsked;
    private int _preparedOnClosed;

    /// <param name="open">Opens a connection able to write (<see cref="SqliteDatabase.OpenAsync"/>).</param>
    /// <param name="committed">Told of each commit: its connection (asked <see cref="SqliteDatabase.TakePagesWritten"/> before the transaction) and the writes it committed.</param>
    public SqliteGroupCommit(Func<CancellationToken, Task<SqliteConnection>> open, Action<SqliteConnection, int> committed)
    {
        _open = open;
        _committed = committed;
        _loop = new Lazy<Task>(() => Task.Run(RunAsync));
    }

    /// <summary>
    /// Runs <paramref name="write"/> with the statements of the next batch's transaction; the task ends once that transaction
    /// is committed. The write must only use those statements (no other connection, no other store): the loop runs one
    /// write at a time. The caller's token cancels a write that has not started; one that has started runs to its commit.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<KeptStatements, Task<T>> write, CancellationToken cancellationToken)
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

    /// <summary>
    /// Closes the loop's connection now if no batch is running, else once the running one ends; the next batch opens one
    /// afresh. Never waits.
    /// </summary>
    public void ReleaseConnection()
    {
        _releaseAsked = true;
        if (_writerGate.Wait(0))
        {
            try
            {
                CloseWriterIfAsked();
            }
            finally
            {
                _writerGate.Release();
            }
        }
    }

    /// <summary>Statements the loop prepared since it started, on every connection it wrote on (tests).</summary>
    internal int StatementsPrepared => _preparedOnClosed + (_writer?.Prepared ?? 0);

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        await _writerGate.WaitAsync();
        try
        {
            CloseWriterIfAsked();
            if (await CommitOnWriterAsync(batch) is { } written)
            {
                foreach (var write in written)
                {
                    write.Complete();
                }
            }
        }
        finally
        {
            CloseWriterIfAsked();
            _writerGate.Release();
        }
    }

    /// <summary>The writes committed, or null if the batch failed as a whole (each of its writes told).</summary>
    private async Task<List<PendingWrite>?> CommitOnWriterAsync(List<PendingWrite> batch)
    {
        var written = new List<PendingWrite>(batch.Count);
        try
        {
            _writer ??= new KeptStatements(await _open(CancellationToken.None));
            var connection = _writer.Connection;
            SqliteDatabase.TakePagesWritten(connection);
            _writer.For(BeginSql).ExecuteNonQuery();
            // One write alone needs no savepoint: if it fails, the transaction is rolled back with it.
            var alone = batch.Count == 1;
            var faulted = false;
            foreach (var write in batch)
            {
                if (!alone)
                {
                    _writer.For(SaveSql).ExecuteNonQuery();
                }

                try
                {
                    await write.RunAsync(_writer);
                }
                catch (Exception ex) when (raw.sqlite3_get_autocommit(connection.Handle) == 0)
                {
                    // The transaction is still open: undo this write only, and tell its caller now (nothing of it is kept);
                    // the connection stays.
                    _writer.For(alone ? RollbackSql : UndoSql).ExecuteNonQuery();

                    write.Fail(ex);
                    // A handle SQLite refused a write on (read-only, full, I/O) is not kept: the next batch opens one afresh
                    // through the database's checks, as every batch did before the connection was kept.
                    faulted |= ex is SqliteException;
                    continue;
                }

                if (!alone)
                {
                    _writer.For(ReleaseSql).ExecuteNonQuery();
                }

                written.Add(write);
            }

            if (written.Count > 0)
            {
                _writer.For(CommitSql).ExecuteNonQuery();
                _committed(connection, written.Count);
            }
            else if (!alone)
            {
                // Every write of the batch was undone to its savepoint: nothing to commit, the transaction ends.
                _writer.For(RollbackSql).ExecuteNonQuery();
            }

            _writer.ForgetUncached();
            if (faulted)
            {
                CloseWriter();
            }

            return written;
        }
        catch (Exception ex)
        {
            // Nothing of this batch reached the disk (or the commit's outcome is unknown): no write of it is acknowledged,
            // and the connection goes (a read-only or broken handle must not be kept; the next batch opens one afresh), its
            // transaction rolled back first if it is still open, so that no handle goes back to the pool inside one.
            RollBackIfOpen();
            CloseWriter();
            foreach (var write in batch)
            {
                write.Fail(ex);
            }

            return null;
        }
    }

    private void RollBackIfOpen()
    {
        if (_writer is { } writer && writer.Connection.Handle is { } handle && raw.sqlite3_get_autocommit(handle) == 0)
        {
            try
            {
                writer.For(RollbackSql).ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // The connection is closed next, which rolls back what is left (SQLite ends an open transaction on close).
            }
        }
    }

    private void CloseWriterIfAsked()
    {
        if (_releaseAsked)
        {
            _releaseAsked = false;
            CloseWriter();
        }
    }

    private void CloseWriter()
    {
        if (_writer is { } writer)
        {
            _writer = null;
            _preparedOnClosed += writer.Prepared;
            writer.Dispose();
            writer.Connection.Dispose();
        }
    }

    private abstract class PendingWrite
    {
        public abstract Task RunAsync(KeptStatements statements);

        public abstract void Complete();

        public abstract void Fail(Exception exception);

        public abstract bool CancelIfRequested();
    }

    private sealed class PendingWrite<T>(Func<KeptStatements, Task<T>> write, CancellationToken cancellationToken) : PendingWrite
    {
        // Asynchronous continuations: a caller's code never runs on the loop (it could wait there for a write of its own).
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _result = default!;

        public Task<T> Task => _done.Task;

        public override async Task RunAsync(KeptStatements statements) => _result = await write(statements);

        public override void Complete() => _done.TrySetResult(_result);

        public override void Fail(Exception exception) => _done.TrySetException(exception);

        public override bool CancelIfRequested() => cancellationToken.IsCancellationRequested && _done.TrySetCanceled(cancellationToken);
    }
}
