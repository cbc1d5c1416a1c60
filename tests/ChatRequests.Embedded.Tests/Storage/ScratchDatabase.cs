using ChatRequests.Embedded.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatRequests.Embedded.Tests.Storage;

/// <summary>A SQLite database file of one test's own, in a folder deleted afterwards: what each store's contract runs on.</summary>
public sealed class ScratchDatabase : IDisposable
{
    private readonly TempFolder _folder = new();

    /// <param name="options">The bot's defaults unless given; the file is always the test's own.</param>
    /// <param name="processorCount">The cores of the machine it opens on, this one's unless given.</param>
    public ScratchDatabase(EmbeddedStorageOptions? options = null, int? processorCount = null)
    {
        options ??= new EmbeddedStorageOptions();
        options.SqlitePath = _folder.File("chatrequests.db");
        Database = new SqliteDatabase(
            Options.Create(options), NullLogger<SqliteDatabase>.Instance, processorCount ?? Environment.ProcessorCount);
    }

    public SqliteDatabase Database { get; }

    public void Dispose()
    {
        Database.Dispose();
        _folder.Dispose();
    }
}
