using ChatRequests.Core.Requests;
using ChatRequests.Embedded.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.Embedded.Tests.Storage;

/// <summary>
/// What a chat turn, the relay and the status endpoint read from the store does not grow with the requests it holds.
/// Each statement the store runs for them is run on a store of a few open requests and two with a parked step, then
/// again once thousands of closed requests of the same team were added (as a year of a team's work leaves them), and
/// SQLite's own counters of that statement are compared: the virtual machine's steps (each row or index entry read is
/// some) and the steps of full scans. Counts, which load does not change; nothing here is timed.
/// </summary>
public sealed class SqliteStoreReadsTests : IDisposable
{
    private const int ClosedRequests = 3000;
    private const int PageSize = 20;
    private const int RelayReadsAtMost = 1000;
    private static readonly DateTimeOffset Now = Start.AddDays(30);

    private readonly ScratchDatabase _scratch = new();
    private readonly SqliteRequestStore _store;

    public SqliteStoreReadsTests() => _store = new SqliteRequestStore(_scratch.Database);

    public void Dispose() => _scratch.Dispose();

    /// <summary>Each read, as the store runs it, with the values it binds.</summary>
    private static readonly Dictionary<string, (string Sql, Dictionary<string, object?> Values)> Reads = new()
    {
        ["parked list (status endpoint, parked command)"] = (SqliteRequestStore.Select(SqliteRequestStore.ParkedList), []),
        ["team queue page"] = (SqliteRequestStore.Select(SqliteRequestStore.TeamQueuePage), Page(new() { ["$team"] = "team-hardware" })),
        ["team queue count"] = (SqliteRequestStore.Count(SqliteRequestStore.TeamQueueCount), new() { ["$team"] = "team-hardware" }),
        ["assignee loads"] = (SqliteRequestStore.AssigneeLoads, new() { ["$team"] = "team-hardware", ["$fulfilled"] = nameof(RequestState.Fulfilled) }),
        ["approvals page"] = (SqliteRequestStore.Select(SqliteRequestStore.PendingPage), Page(new() { ["$token"] = SqliteRequestStore.RequestRow.ApproverToken(Bob.Id) })),
        ["approvals count"] = (SqliteRequestStore.Count(SqliteRequestStore.PendingCount), new() { ["$token"] = SqliteRequestStore.RequestRow.ApproverToken(Bob.Id) }),
        ["my requests page"] = (SqliteRequestStore.Select(SqliteRequestStore.RequesterPage), new() { ["$requester"] = Alice.Id, ["$max"] = PageSize }),
        ["open questions among my requests (a message in chat)"] = (SqliteRequestStore.Select(SqliteRequestStore.AwaitingRequesterOfPage),
            new() { ["$requester"] = Alice.Id, ["$max"] = PageSize, ["$state"] = nameof(RequestState.AwaitingRequester) }),
        ["due events (relay, status endpoint)"] = (SqliteRequestStore.Select(SqliteRequestStore.DueEvents), new() { ["$now"] = StoredTime.Format(DateTimeOffset.MaxValue), ["$max"] = RelayReadsAtMost }),
        ["due event ids (relay)"] = (SqliteRequestStore.DueEventIds, new() { ["$now"] = StoredTime.Format(DateTimeOffset.MaxValue), ["$max"] = RelayReadsAtMost }),
        ["SLA checks due"] = (SqliteRequestStore.Select(SqliteRequestStore.SlaChecksDue), new() { ["$now"] = StoredTime.Format(Now), ["$max"] = RelayReadsAtMost }),
        ["one request"] = (SqliteRequestStore.Select(SqliteRequestStore.ById), new() { ["$id"] = "REQ-000003" }),
        // A page of a scan of the whole store (retention, exports, the audit) after REQ-000002: every closed request comes before it.
        ["scan page after a position"] = (SqliteRequestStore.Select(SqliteRequestStore.ScanPage), new()
        {
            ["$after_at"] = StoredTime.Format(Start), ["$after_id"] = "REQ-000002", ["$before"] = StoredTime.Format(DateTimeOffset.MaxValue), ["$max"] = 100,
        }),
    };

    public static TheoryData<string> ReadNames => [.. Reads.Keys];

    [Theory]
    [MemberData(nameof(ReadNames))]
    public async Task ARead_TakesTheSameSteps_WithThousandsOfClosedRequestsStored(string read)
    {
        await StoreOpenAndParkedAsync();
        var few = Steps(read);

        await StoreClosedAsync(ClosedRequests);
        var many = Steps(read);

        Assert.Equal(few.Rows, many.Rows);
        Assert.Equal(few, many);
    }

    [Fact]
    public async Task TheLists_AreRight_OnALargeStore()
    {
        await StoreOpenAndParkedAsync();
        await StoreClosedAsync(ClosedRequests);

        Assert.Equal(["REQ-000001", "REQ-000002"], (await _store.ListWithParkedEventsAsync()).Select(r => r.Id));
        Assert.Equal(3, await _store.CountTeamQueueAsync("team-hardware"));
        Assert.Equal(["REQ-000003", "REQ-000004", "REQ-000005"], (await _store.ListTeamQueueAsync("team-hardware", PageSize)).Select(r => r.Id));
        Assert.Equal(3, await _store.CountPendingApprovalAsync(Bob.Id));
        Assert.Equal(ClosedRequests, await _store.CountByRequesterAsync(Dave.Id));
    }

    /// <summary>
    /// The parked list as SQLite ran it before its index (every request walked in order, each row read for its flag): the
    /// comparison above sees it, so it would have failed then.
    /// </summary>
    [Fact]
    public async Task TheComparison_SeesTheParkedListsFormerScan()
    {
        var formerPlan = SqliteRequestStore.Select("INDEXED BY ix_requests_submitted " + SqliteRequestStore.ParkedList);
        await StoreOpenAndParkedAsync();
        var few = Steps(formerPlan, []);

        await StoreClosedAsync(ClosedRequests);
        var many = Steps(formerPlan, []);

        Assert.Equal(2, many.Rows);
        Assert.True(many.FullScanSteps >= few.FullScanSteps + ClosedRequests, $"{few.FullScanSteps} -> {many.FullScanSteps} full-scan steps");
        Assert.True(many.VmSteps > few.VmSteps + ClosedRequests, $"{few.VmSteps} -> {many.VmSteps} steps");
    }

    private static Dictionary<string, object?> Page(Dictionary<string, object?> values)
    {
        values["$max"] = PageSize;
        values["$after_at"] = "";
        values["$after_id"] = "";
        return values;
    }

    /// <summary>Two requests with a parked step (closed), three awaiting Bob's approval (Alice's, for the Hardware team).</summary>
    private async Task StoreOpenAndParkedAsync()
    {
        await _store.CreateAsync(FullLifecycle("REQ-000001"));
        await _store.CreateAsync(FullLifecycle("REQ-000002"));
        for (var i = 3; i <= 5; i++)
        {
            await _store.CreateAsync(Submit($"REQ-{i:000000}", Start.AddMinutes(i), stages: [ManagerStage()]));
        }
    }

    /// <summary>
    /// Dave's requests to the same team, older than the open ones, rejected and done with (their outboxes delivered), as
    /// the store keeps them for years; all written at once, so the group commit stores them in a few transactions.
    /// </summary>
    private Task StoreClosedAsync(int count) =>
        Task.WhenAll(Enumerable.Range(1, count).Select(i =>
        {
            var request = Submit($"REQ-{100000 + i:000000}", Start.AddDays(-400).AddMinutes(i), requester: Dave, stages: [ManagerStage()]);
            request.Decide(Bob, approve: false, "Not this year", 0, request.SubmittedAt.AddHours(1));
            foreach (var done in request.Outbox.ToList())
            {
                request.CompleteEvent(done.Id);
            }

            return _store.CreateAsync(request);
        }));

    private (int Rows, int VmSteps, int FullScanSteps) Steps(string read) => Steps(Reads[read].Sql, Reads[read].Values);

    /// <summary>Runs the statement to its end on a connection of its own and reads SQLite's counters of it.</summary>
    private (int Rows, int VmSteps, int FullScanSteps) Steps(string sql, Dictionary<string, object?> values)
    {
        using var connection = new SqliteConnection($"Data Source={_scratch.Database.FilePath};Pooling=false");
        connection.Open();
        var db = connection.Handle!;
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_prepare_v2(db, sql, out var statement));
        using (statement)
        {
            foreach (var (name, value) in values)
            {
                var index = raw.sqlite3_bind_parameter_index(statement, name);
                Assert.True(index > 0, $"{name} is not a parameter of {sql}");
                var bound = value switch
                {
                    null => raw.sqlite3_bind_null(statement, index),
                    int number => raw.sqlite3_bind_int(statement, index, number),
                    string text => raw.sqlite3_bind_text(statement, index, text),
                    _ => throw new ArgumentException($"{name}: {value.GetType()}"),
                };
                Assert.Equal(raw.SQLITE_OK, bound);
            }

            Assert.Equal(values.Count, raw.sqlite3_bind_parameter_count(statement));
            var rows = 0;
            int step;
            while ((step = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                rows++;
            }

            Assert.Equal(raw.SQLITE_DONE, step);
            return (rows,
                raw.sqlite3_stmt_status(statement, raw.SQLITE_STMTSTATUS_VM_STEP, 0),
                raw.sqlite3_stmt_status(statement, raw.SQLITE_STMTSTATUS_FULLSCAN_STEP, 0));
        }
    }
}
