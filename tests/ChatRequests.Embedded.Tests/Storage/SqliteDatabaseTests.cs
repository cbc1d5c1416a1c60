using ChatRequests.Embedded.Storage;
using Microsoft.Data.Sqlite;

namespace ChatRequests.Embedded.Tests.Storage;

/// <summary>What every connection the database hands out is set up with, new or taken again from the pool.</summary>
public sealed class SqliteDatabaseTests
{
    [Fact]
    public async Task Connections_HaveTheConfiguredPageCacheAndBusyTimeout_NewOrPooled()
    {
        using var scratch = new ScratchDatabase(new EmbeddedStorageOptions { CacheSizeKiB = 300, BusyTimeout = TimeSpan.FromSeconds(3) });

        // Two at once: two connections of the pool; then one taken again from it.
        await using (var first = await scratch.Database.OpenAsync())
        await using (var second = await scratch.Database.OpenAsync())
        {
            Assert.Equal(-300L, await ScalarAsync(first, "PRAGMA cache_size;"));
            Assert.Equal(-300L, await ScalarAsync(second, "PRAGMA cache_size;"));
            Assert.Equal(3000L, await ScalarAsync(second, "PRAGMA busy_timeout;"));
        }

        await using var again = await scratch.Database.OpenAsync();
        Assert.Equal(-300L, await ScalarAsync(again, "PRAGMA cache_size;"));
        Assert.Equal(3000L, await ScalarAsync(again, "PRAGMA busy_timeout;"));
    }

    [Fact]
    public async Task PooledConnection_TakenAgain_KeepsItsHandleAndIsNotSetUpAgain()
    {
        using var scratch = new ScratchDatabase(new EmbeddedStorageOptions { CacheSizeKiB = 300, BusyTimeout = TimeSpan.FromSeconds(3) });
        SQLitePCL.sqlite3 handle;
        await using (var first = await scratch.Database.OpenAsync())
        {
            handle = first.Handle!;
            // Changed on the handle behind the database's back: set up again on the next open, it would be back at 3000.
            await ScalarAsync(first, "PRAGMA busy_timeout = 1234;");
        }

        await using var again = await scratch.Database.OpenAsync();

        Assert.Same(handle, again.Handle);
        Assert.Equal(1234L, await ScalarAsync(again, "PRAGMA busy_timeout;"));
        Assert.Equal(-300L, await ScalarAsync(again, "PRAGMA cache_size;"));
    }

    [Fact]
    public async Task ByDefault_EachConnectionCachesAtMost256KiB()
    {
        using var scratch = new ScratchDatabase();

        await using var connection = await scratch.Database.OpenAsync();

        Assert.Equal(-256L, await ScalarAsync(connection, "PRAGMA cache_size;"));
        Assert.Equal(10_000L, await ScalarAsync(connection, "PRAGMA busy_timeout;"));
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
