using Microsoft.Data.Sqlite;

namespace ChatRequests.Embedded.Tests.Storage;

/// <summary>Another process's connection (not from our pool), holding the write lock of a SQLite file until disposed.</summary>
internal sealed class HeldWriteLock(SqliteConnection connection, SqliteTransaction transaction) : IDisposable
{
    public static async Task<HeldWriteLock> TakeAsync(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        var transaction = connection.BeginTransaction(deferred: false);
        return new HeldWriteLock(connection, transaction);
    }

    public void Dispose()
    {
        transaction.Dispose();
        connection.Dispose();
    }
}
