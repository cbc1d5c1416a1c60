using ChatRequests.Core.Reporting;
using ChatRequests.Embedded.Storage;
using ChatRequests.PortContracts.Reporting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatRequests.Embedded.Tests.Storage;

public sealed class SqliteReportingStoreTests : ReportingStoreContract, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly SqliteDatabase _database;

    public SqliteReportingStoreTests()
    {
        _database = new SqliteDatabase(
            Options.Create(new EmbeddedStorageOptions { SqlitePath = _folder.File("chatrequests.db") }),
            NullLogger<SqliteDatabase>.Instance);
    }

    public void Dispose()
    {
        _database.Dispose();
        _folder.Dispose();
    }

    protected override IReportingStore CreateStore() => new SqliteReportingStore(_database);
}
