using Microsoft.Data.Sqlite;

namespace ChatRequests.Embedded.Storage;

/// <summary>
/// Connections kept for reads, outside Microsoft.Data.Sqlite's pool, each with the reads' statements prepared on it
/// (ADR 0061): a read borrows one, runs its statements (<see cref="KeptStatements.For"/>) and gives it back. They leave as
/// the group commit's connection does (ADR 0058): a read that fails drops its connection, <see cref="Release"/> closes the
/// idle ones at once and the busy ones when their read ends (the idle release of ADR 0043, the recovery of ADR 0021), and a
/// connection that was not checked writable when it opened (a read-only moment) serves one read only. At most <c>max</c>
/// reads run at once, each on its own connection; a read beyond them waits for one to end (ADR 0061's note of 2026-12-07),
/// so that the connections, their page caches and statements are bounded by <c>max</c>, not by the reads the cores could run.
/// </summary>
internal sealed class SqliteReaders(
    Func<CancellationToken, Task<SqliteConnection>> open, Func<SqliteConnection, bool> keepable, int max)
{
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _turns = new(max, max);
    private readonly Stack<Reader> _idle = new();
    // Kept connections, idle or reading; a release begins a new generation, and a reader of an older one is not kept.
    private int _kept;
    private int _generation;
    private int _preparedOnClosed;

    /// <summary>
    /// Runs <paramref name="read"/> with the statements of a kept connection. The read must end its statements before it
    /// returns (dispose its data readers): the connection serves other reads after it, and a statement left stepping would
    /// hold its snapshot of the file.
    /// </summary>
    public async Task<T> ReadAsync<T>(Func<KeptStatements, Task<T>> read, CancellationToken cancellationToken)
    {
        await _turns.WaitAsync(cancellationToken);
        try
        {
            var reader = await TakeAsync(cancellationToken);
            T result;
            try
            {
                result = await read(reader.Statements);
            }
            catch
            {
                // Whatever failed (SQLite's error, a cancelled read, a bad document), the connection is not handed out again.
                Drop(reader);
                throw;
            }

            GiveBack(reader);
            return result;
        }
        finally
        {
            _turns.Release();
        }
    }

    /// <summary>The most connections this keeps, and the most reads that run at once.</summary>
    public int Max => max;

    /// <summary>Closes the idle connections now and the busy ones when their read ends; the next read opens one afresh. Never waits.</summary>
    public void Release()
    {
        List<Reader> idle;
        lock (_lock)
        {
            _generation++;
            idle = [.. _idle];
            _idle.Clear();
            _kept -= idle.Count;
        }

        idle.ForEach(Close);
    }

    /// <summary>Statements prepared on the connections idle or closed (tests).</summary>
    internal int StatementsPrepared
    {
        get
        {
            lock (_lock)
            {
                return _preparedOnClosed + _idle.Sum(reader => reader.Statements.Prepared);
            }
        }
    }

    /// <summary>Connections kept now, idle or reading (tests).</summary>
    internal int Kept
    {
        get
        {
            lock (_lock)
            {
                return _kept;
            }
        }
    }

    private async Task<Reader> TakeAsync(CancellationToken cancellationToken)
    {
        int generation;
        lock (_lock)
        {
            if (_idle.TryPop(out var idle))
            {
                return idle;
            }

            generation = _kept < max ? _generation : -1;
            if (generation >= 0)
            {
                _kept++;
            }
        }

        SqliteConnection connection;
        try
        {
            connection = await open(cancellationToken);
        }
        catch
        {
            Unkeep(generation);
            throw;
        }

        if (generation >= 0 && !keepable(connection))
        {
            Unkeep(generation);
            generation = -1;
        }

        return new Reader(new KeptStatements(connection), generation);
    }

    private void GiveBack(Reader reader)
    {
        reader.Statements.ForgetUncached();
        lock (_lock)
        {
            if (reader.Generation >= 0 && reader.Generation == _generation)
            {
                _idle.Push(reader);
                return;
            }

            if (reader.Generation >= 0)
            {
                _kept--;
            }
        }

        Close(reader);
    }

    private void Drop(Reader reader)
    {
        Unkeep(reader.Generation);
        Close(reader);
    }

    private void Unkeep(int generation)
    {
        if (generation >= 0)
        {
            lock (_lock)
            {
                _kept--;
            }
        }
    }

    private void Close(Reader reader)
    {
        Interlocked.Add(ref _preparedOnClosed, reader.Statements.Prepared);
        reader.Statements.Dispose();
        reader.Statements.Connection.Dispose();
    }

    /// <param name="Generation">The release generation it was kept in, or -1 for a connection that serves one read.</param>
    private sealed record Reader(KeptStatements Statements, int Generation);
}
