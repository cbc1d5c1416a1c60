using ChatRequests.Core.Storage;
using ChatRequests.Embedded.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static ChatRequests.Embedded.Tests.SampleRequests;

namespace ChatRequests.Embedded.Tests.Storage;

public sealed class SqliteRequestStoreTests : RequestStoreContract, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly List<SqliteDatabase> _databases = [];

    private string DatabasePath => _folder.File("data/chatrequests.db");

    public void Dispose()
    {
        _databases.ForEach(d => d.Dispose());
        _folder.Dispose();
    }

    protected override IRequestStore CreateStore() => new SqliteRequestStore(OpenDatabase());

    protected override IRequestStore ReopenStore()
    {
        // Close every connection to the file first, as a stopped process would.
        _databases.ForEach(d => d.Dispose());
        return new SqliteRequestStore(OpenDatabase());
    }

    [Fact]
    public async Task FirstUse_FolderMissing_CreatesTheFileInWalMode()
    {
        await Store.GetAsync("REQ-000001");

        Assert.True(File.Exists(DatabasePath));
        Assert.Equal("wal", await RawScalarAsync("PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task CreateAsync_StoresEnumsAsNamesAndTheVersionInTheDocument()
    {
        await Store.CreateAsync(Submit("REQ-000001", stages: [ManagerStage()]));

        var doc = (string)(await RawScalarAsync("SELECT doc FROM requests WHERE id = 'REQ-000001';"))!;

        Assert.Contains("\"state\":\"AwaitingApproval\"", doc);
        Assert.Contains("\"type\":\"ApprovalRequested\"", doc);
        Assert.Contains("\"version\":1", doc);
    }

    [Fact]
    public async Task SaveAsync_KeepsTheQueryColumnsInStepWithTheDocument()
    {
        var request = Submit("REQ-000001", stages: [SecurityStage()]);
        await Store.CreateAsync(request);
        Assert.Equal($"|{Carol.Id}|{Dave.Id}|", await RawScalarAsync("SELECT pending_approvers FROM requests;"));
        Assert.Equal("2026-11-23T09:00:00.0000000Z", await RawScalarAsync("SELECT next_event_at FROM requests;"));

        request.Decide(Carol, approve: true, null, 0, Start.AddHours(1));
        request.CompleteEvent(request.Outbox[0].Id);
        await Store.SaveAsync(request);

        Assert.Equal(DBNull.Value, await RawScalarAsync("SELECT pending_approvers FROM requests;"));
        Assert.Equal("2026-11-23T10:00:00.0000000Z", await RawScalarAsync("SELECT next_event_at FROM requests;"));
        Assert.Equal("Approved", await RawScalarAsync("SELECT state FROM requests;"));
        Assert.Equal(2L, await RawScalarAsync("SELECT version FROM requests;"));
    }

    private SqliteDatabase OpenDatabase()
    {
        var database = new SqliteDatabase(
            Options.Create(new EmbeddedStorageOptions { SqlitePath = DatabasePath }),
            NullLogger<SqliteDatabase>.Instance);
        _databases.Add(database);
        return database;
    }

    private async Task<object?> RawScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
