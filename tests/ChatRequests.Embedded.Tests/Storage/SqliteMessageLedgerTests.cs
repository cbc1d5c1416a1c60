using ChatRequests.Core.Messaging;
using ChatRequests.Embedded.Storage;
using ChatRequests.PortContracts.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatRequests.Embedded.Tests.Storage;

public sealed class SqliteMessageLedgerTests : MessageLedgerContract, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly SqliteDatabase _database;

    public SqliteMessageLedgerTests()
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

    protected override IMessageLedger CreateLedger() => new SqliteMessageLedger(_database);
}
