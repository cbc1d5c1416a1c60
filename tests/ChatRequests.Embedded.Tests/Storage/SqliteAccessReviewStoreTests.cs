using ChatRequests.Core.AccessReviews;
using ChatRequests.Embedded.Storage;
using ChatRequests.PortContracts.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatRequests.Embedded.Tests.Storage;

public sealed class SqliteAccessReviewStoreTests : AccessReviewStoreContract, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly SqliteDatabase _database;

    public SqliteAccessReviewStoreTests()
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

    protected override IAccessReviewStore CreateStore() => new SqliteAccessReviewStore(_database);
}
