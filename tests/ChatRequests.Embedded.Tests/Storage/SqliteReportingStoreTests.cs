using ChatRequests.Core.Reporting;
using ChatRequests.Core.Requests;
using ChatRequests.Embedded.Storage;
using ChatRequests.PortContracts.Reporting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static ChatRequests.PortContracts.SampleRequests;

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

    [Fact]
    public async Task AFileFromBeforeTheProjection_GetsItsRequestsProjectedWhenItOpens()
    {
        var requests = new SqliteRequestStore(_database);
        var request = Submit("REQ-000001", stages: [ManagerStage()]);
        await requests.CreateAsync(request);
        request.Decide(Bob, true, null, 0, Start.AddHours(1));
        await requests.SaveAsync(request);
        await using (var connection = await _database.OpenAsync())
        await using (var drop = connection.CreateCommand())
        {
            // As a file written by the version before the projection.
            drop.CommandText = "DROP TABLE request_facts; DROP TABLE forms_shown;";
            await drop.ExecuteNonQueryAsync();
        }

        using var reopened = new SqliteDatabase(
            Options.Create(new EmbeddedStorageOptions { SqlitePath = _folder.File("chatrequests.db") }), NullLogger<SqliteDatabase>.Instance);
        var facts = await new SqliteReportingStore(reopened).GetFactsAsync("REQ-000001");

        Assert.Equal((2L, RequestState.Approved), (facts!.Version, facts.State));
    }
}
