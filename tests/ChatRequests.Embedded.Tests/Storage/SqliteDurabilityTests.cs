using Microsoft.Data.Sqlite;

namespace ChatRequests.Embedded.Tests.Storage;

/// <summary>
/// Which commits wait for the disk (ADR 0025): every connection's (synchronous=FULL) but those opened for the redoable
/// writes of the ledger and the reporting projection, whose handles are a pool of their own.
/// </summary>
public sealed class SqliteDurabilityTests : IDisposable
{
    private const long Normal = 1;
    private const long Full = 2;

    private readonly ScratchDatabase _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task OpenAsync_CommitsWaitForTheDisk()
    {
        await using var connection = await _scratch.Database.OpenAsync();

        Assert.Equal(Full, await SynchronousAsync(connection));
    }

    [Fact]
    public async Task OpenForRedoableWritesAsync_CommitsDoNotWaitForTheDisk()
    {
        await using var connection = await _scratch.Database.OpenForRedoableWritesAsync();

        Assert.Equal(Normal, await SynchronousAsync(connection));
    }

    [Fact]
    public async Task RedoableWrites_HaveAPoolOfTheirOwn_SoNoOtherOperationGetsOneOfItsHandles()
    {
        for (var round = 0; round < 3; round++)
        {
            var redoable = await _scratch.Database.OpenForRedoableWritesAsync();
            var handle = redoable.Handle;
            Assert.Equal(Normal, await SynchronousAsync(redoable));
            await redoable.DisposeAsync();

            await using (var next = await _scratch.Database.OpenAsync())
            {
                Assert.NotSame(handle, next.Handle);
                Assert.Equal(Full, await SynchronousAsync(next));
            }

            // The pool hands its handle back, still set: the pragma runs once per handle, not per write.
            await using var again = await _scratch.Database.OpenForRedoableWritesAsync();
            Assert.Same(handle, again.Handle);
            Assert.Equal(Normal, await SynchronousAsync(again));
        }
    }

    private static async Task<long> SynchronousAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous;";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
