using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRequests.Core.Audit;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Requests;
using ChatRequests.Embedded.Storage;
using ChatRequests.PortContracts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatRequests.Embedded.Tests.Storage;

/// <summary>
/// Rows as the SQLite stores wrote them before audit actions and conversation types were typed
/// (Fixtures/stored-sqlite-rows-schema2.json: four requests whose histories hold every audit action, and a personal
/// chat, a channel and a group chat): they load, and writing them back changes none of their strings.
/// </summary>
public sealed class StoredRowsTests : IDisposable
{
    private static readonly JsonObject Fixture =
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "stored-sqlite-rows-schema2.json")))!.AsObject();

    private readonly TempFolder _folder = new();
    private readonly SqliteDatabase _database;

    public StoredRowsTests()
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

    [Fact]
    public async Task Requests_Load_WithEveryAuditActionTyped_AndSaveBackTheSameDocument()
    {
        await InsertFixtureRowsAsync();
        var store = new SqliteRequestStore(_database);
        var actions = new HashSet<AuditAction>();

        foreach (var row in Rows("requests"))
        {
            var request = (await store.GetAsync((string)row["id"]!))!;
            actions.UnionWith(request.History.Select(h => h.Action));

            await store.SaveAsync(request);

            var expected = ((string)row["doc"]!).Replace("\"version\":1,", "\"version\":2,", StringComparison.Ordinal);
            Assert.Equal(expected, await ScalarAsync("SELECT doc FROM requests WHERE id = $id", (string)row["id"]!));
        }

        // Every action but those first written after the fixture was.
        Assert.Equal(
            AuditAction.All.Except(StoredFixtureActions.WrittenSince).ToHashSet(),
            actions);
    }

    [Fact]
    public async Task Requests_WrittenBeforeTheChain_AreUnsealed_AndVerifyOnceTheirNextLineSealsThem()
    {
        await InsertFixtureRowsAsync();
        var store = new SqliteRequestStore(_database);

        foreach (var row in Rows("requests"))
        {
            var request = (await store.GetAsync((string)row["id"]!))!;
            var earlier = request.History.Count;
            Assert.Equal(ChainStatus.Unsealed, HistoryChain.Verify(request).Status);

            request.RedactHistory(h => h.Actor.Id == request.Requester.Id, PersonRef.System, "retention", new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
            await store.SaveAsync(request);

            var verdict = HistoryChain.Verify((await store.GetAsync(request.Id))!);
            Assert.Equal((ChainStatus.Intact, earlier, earlier + 2), (verdict.Status, verdict.Predating, verdict.Entries));
        }
    }

    [Fact]
    public async Task Conversations_Load_WithTheirTypes_AndUpsertBackTheSameRow()
    {
        await InsertFixtureRowsAsync();
        var store = new SqliteConversationStore(_database);

        var personal = await store.FindPersonalAsync("7f3c1a52-0001-4b6e-9a0d-000000000001");
        var channel = await store.FindAsync("19:hardware@thread.tacv2");
        var group = await store.FindAsync("19:group@thread.v2");

        Assert.Equal(
            [ConversationType.Personal, ConversationType.Channel, ConversationType.GroupChat],
            new[] { personal!.ConversationType, channel!.ConversationType, group!.ConversationType });
        foreach (var row in Rows("conversations"))
        {
            var id = (string)row["conversation_id"]!;
            await store.UpsertAsync((await store.FindAsync(id))!);

            Assert.Equal((string)row["doc"]!, await ScalarAsync("SELECT doc FROM conversations WHERE conversation_id = $id", id));
            Assert.Equal((string)row["conversation_type"]!, await ScalarAsync("SELECT conversation_type FROM conversations WHERE conversation_id = $id", id));
        }
    }

    private static IEnumerable<JsonObject> Rows(string table) => Fixture[table]!.AsArray().Select(r => r!.AsObject());

    private async Task InsertFixtureRowsAsync()
    {
        await using var connection = await _database.OpenAsync();
        foreach (var table in new[] { "requests", "conversations" })
        {
            foreach (var row in Rows(table))
            {
                await using var insert = connection.CreateCommand();
                insert.CommandText = $"INSERT INTO {table} ({string.Join(", ", row.Select(c => c.Key))}) " +
                    $"VALUES ({string.Join(", ", row.Select(c => "$" + c.Key))});";
                foreach (var (column, value) in row)
                {
                    insert.Parameters.AddWithValue("$" + column, value is null ? DBNull.Value : ValueOf(value));
                }

                await insert.ExecuteNonQueryAsync();
            }
        }
    }

    private static object ValueOf(JsonNode value) =>
        value.GetValueKind() == JsonValueKind.Number ? value.GetValue<long>() : value.GetValue<string>();

    private async Task<string> ScalarAsync(string sql, string id)
    {
        await using var connection = await _database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
