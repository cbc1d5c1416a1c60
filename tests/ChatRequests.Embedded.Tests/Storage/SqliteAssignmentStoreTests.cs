using ChatRequests.Core.Assignment;
using ChatRequests.Embedded.Storage;
using ChatRequests.PortContracts.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatRequests.Embedded.Tests.Storage;

public sealed class SqliteAssignmentStoreTests : AssignmentStoreContract, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly List<SqliteDatabase> _databases = [];

    public void Dispose()
    {
        _databases.ForEach(d => d.Dispose());
        _folder.Dispose();
    }

    protected override IAssignmentStore CreateStore() => new SqliteAssignmentStore(Open());

    protected override IAssignmentStore ReopenStore() => new SqliteAssignmentStore(Open());

    private SqliteDatabase Open()
    {
        var database = new SqliteDatabase(
            Options.Create(new EmbeddedStorageOptions { SqlitePath = _folder.File("chatrequests.db") }),
            NullLogger<SqliteDatabase>.Instance);
        _databases.Add(database);
        return database;
    }
}
