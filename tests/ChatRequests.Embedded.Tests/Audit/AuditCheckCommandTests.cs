using System.Text.Json.Nodes;
using ChatRequests.AuditCheck;
using ChatRequests.Embedded.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.Embedded.Tests.Audit;

/// <summary>The whole-store check (tools/ChatRequests.AuditCheck) over a SQLite file the way an operator runs it.</summary>
public sealed class AuditCheckCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string DatabasePath => _folder.File("chatrequests.db");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task RunAsync_EveryHistoryIntact_SaysSoAndExitsWith0()
    {
        await StoreAsync();

        var (exit, output) = await RunAsync();

        Assert.Equal(0, exit);
        Assert.Equal("Checked 3 requests: 3 intact, 0 written before the chain and not yet sealed, 0 broken.", output.Trim());
    }

    [Fact]
    public async Task RunAsync_OneRequestTamperedInTheDatabase_NamesItAndExitsWith1()
    {
        await StoreAsync();
        // Someone with access to the file edits an approver's comment in place.
        await TamperAsync("REQ-000002", doc =>
        {
            var approval = doc["history"]!.AsArray().First(h => (string?)h!["comment"] == "Fine by me")!;
            approval["comment"] = "Fine by me, buy two";
        });

        var (exit, output) = await RunAsync();

        Assert.Equal(1, exit);
        var lines = output.Trim().Split('\n');
        Assert.Equal("Checked 3 requests: 2 intact, 0 written before the chain and not yet sealed, 1 broken.", lines[0].Trim());
        Assert.Equal("The history of REQ-000002 is broken at entry 3 of 13: its content was changed after it was written.", lines[1].Trim());
    }

    [Fact]
    public async Task RunAsync_StoreNotConfigured_SaysWhichKeyAndExitsWith2()
    {
        var output = new StringWriter();

        var exit = await AuditCheckCommand.RunAsync(["--Storage:Provider=Floppy"], output, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("Storage:Provider", output.ToString(), StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output)> RunAsync()
    {
        var output = new StringWriter();
        var exit = await AuditCheckCommand.RunAsync([$"--Storage:SqlitePath={DatabasePath}"], output, CancellationToken.None);
        return (exit, output.ToString());
    }

    private async Task StoreAsync()
    {
        using var database = Open();
        var store = new SqliteRequestStore(database);
        await store.CreateAsync(FullLifecycle("REQ-000001"));
        await store.CreateAsync(FullLifecycle("REQ-000002"));
        await store.CreateAsync(Submit("REQ-000003", Start.AddDays(1)));
    }

    private async Task TamperAsync(string requestId, Action<JsonNode> change)
    {
        using var database = Open();
        await using var connection = await database.OpenAsync();
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT doc FROM requests WHERE id = $id";
        read.Parameters.AddWithValue("$id", requestId);
        var doc = JsonNode.Parse((string)(await read.ExecuteScalarAsync())!)!;
        change(doc);
        await using var write = connection.CreateCommand();
        write.CommandText = "UPDATE requests SET doc = $doc WHERE id = $id";
        write.Parameters.AddWithValue("$id", requestId);
        write.Parameters.AddWithValue("$doc", doc.ToJsonString());
        await write.ExecuteNonQueryAsync();
    }

    private SqliteDatabase Open() => new(
        Options.Create(new EmbeddedStorageOptions { SqlitePath = DatabasePath }), NullLogger<SqliteDatabase>.Instance);
}
