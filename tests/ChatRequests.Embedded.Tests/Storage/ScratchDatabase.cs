using ChatRequests.Embedded.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatRequests.Embedded.Tests.Storage;

/// <summary>A SQLite database file of one test's own, in a folder deleted afterwards: what each store's contract runs on.</summary>
public sealed class ScratchDatabase : IDisposable
{
    private readonly TempFolder _folder = new();

    public ScratchDatabase()
    {
        Database = new SqliteDatabase(
            Options.Create(new EmbeddedStorageOptions { SqlitePath = _folder.File("chatrequests.db") }),
            NullLogger<SqliteDatabase>.Instance);
    }

    public SqliteDatabase Database { get; }

    public void Dispose()
    {
        Database.Dispose();
        _folder.Dispose();
    }
}
