using Microsoft.Data.Sqlite;

namespace ChatRequests.Embedded.Storage;

/// <summary>
/// The statements run on one kept connection, each prepared once and run again by every later use of the same SQL
/// (ADR 0058 for the writes, ADR 0061 for the reads). Microsoft.Data.Sqlite keeps a command's prepared statements while
/// its connection stays open and finalizes them when it closes, so this lives as long as its connection is kept: by the
/// group commit (<see cref="SqliteGroupCommit"/>) or by the readers (<see cref="SqliteReaders"/>). Not thread-safe: one
/// operation at a time.
/// </summary>
internal sealed class KeptStatements(SqliteConnection connection) : IDisposable
{
    // The request store's UPDATE names the columns that changed, so its texts vary; a bound keeps an odd mix from growing it.
    private const int MaxStatements = 64;

    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly List<SqliteCommand> _uncached = [];

    public SqliteConnection Connection { get; } = connection;

    /// <summary>The transaction the next commands run in (the group commit's batch; none for a read).</summary>
    public SqliteTransaction? Transaction { get; set; }

    /// <summary>Commands made for a SQL text not asked for before (each prepares its statements at its first run).</summary>
    public int Prepared { get; private set; }

    /// <summary>
    /// The command for <paramref name="sql"/> in the current transaction, its parameters cleared: the same command, with its
    /// statements prepared, each time the same SQL is asked for. Use it before asking for another of the same text.
    /// </summary>
    public SqliteCommand For(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            Prepared++;
            if (_commands.Count < MaxStatements)
            {
                _commands.Add(sql, command);
            }
            else
            {
                _uncached.Add(command);
            }
        }

        command.Transaction = Transaction;
        command.Parameters.Clear();
        return command;
    }

    /// <summary>Disposes the commands beyond the bound, used by one operation only (at the end of each batch or read).</summary>
    public void ForgetUncached()
    {
        _uncached.ForEach(command => command.Dispose());
        _uncached.Clear();
    }

    /// <summary>Finalizes the statements; the connection is its owner's to close.</summary>
    public void Dispose()
    {
        ForgetUncached();
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
