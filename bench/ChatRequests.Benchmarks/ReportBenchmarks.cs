using BenchmarkDotNet.Attributes;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Reporting;
using ChatRequests.Core.Requests;
using ChatRequests.Embedded.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatRequests.Benchmarks;

/// <summary>
/// A month's report over 10,000 fact rows (and 12,000 forms shown): the figures computed from rows in memory, and read from
/// the SQLite projection and computed, as <c>report</c> does on the embedded default.
/// </summary>
public class ReportBenchmarks
{
    private const int Rows = 10_000;
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ReportScope Month = new(new ReportPeriod(Start, Start.AddMonths(1), "November 2026"));
    private static readonly DateTimeOffset Now = Start.AddMonths(1).AddDays(3);

    private List<RequestFacts> _facts = null!;
    private List<FormShown> _forms = null!;
    private string _folder = null!;
    private SqliteDatabase _database = null!;
    private SqliteReportingStore _store = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _facts = [.. Enumerable.Range(1, Rows).Select(i => Row(i, random))];
        _forms = [.. Enumerable.Range(1, Rows + Rows / 5).Select(i => new FormShown(
            $"form-{i}", "item", "Hardware", "team-1", new PersonRef($"p-{i % 500}", "Person"), Start.AddMinutes(i * 3)))];
        _folder = Directory.CreateTempSubdirectory("chatrequests-bench-").FullName;
        _database = new SqliteDatabase(
            Options.Create(new EmbeddedStorageOptions { SqlitePath = Path.Combine(_folder, "report.db") }), NullLogger<SqliteDatabase>.Instance);
        _store = new SqliteReportingStore(_database);
        foreach (var form in _forms)
        {
            _store.RecordFormShownAsync(form).GetAwaiter().GetResult();
        }

        foreach (var facts in _facts)
        {
            _store.UpsertFactsAsync(facts).GetAwaiter().GetResult();
        }

        var figures = ReportCalculator.Compute(Month, _facts, _forms, GovernanceSettings.Default.Reports, Now);
        Console.WriteLine($"// {Rows} rows: logged {figures.Logged}, fulfilled {figures.Fulfilled}, backlog {figures.Backlog}, cycle time p50 {figures.CycleTime.P50} p90 {figures.CycleTime.P90}, outliers {figures.Outliers.Count}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Description = "report, 10,000 rows in memory")]
    public ReportFigures Compute() => ReportCalculator.Compute(Month, _facts, _forms, GovernanceSettings.Default.Reports, Now);

    [Benchmark(Description = "report, 10,000 rows read from SQLite")]
    public async Task<ReportFigures> ReadAndCompute() =>
        ReportCalculator.Compute(Month, await _store.ReadFactsAsync(Month), await _store.ReadFormsAsync(Month), GovernanceSettings.Default.Reports, Now);

    /// <summary>A request of the month: two in three fulfilled, some rejected or cancelled, a few restricted, rated now and then.</summary>
    private static RequestFacts Row(int i, Random random)
    {
        var submitted = Start.AddMinutes(random.Next(0, 30 * 24 * 60));
        var asked = submitted;
        var approved = asked.AddMinutes(random.Next(1, 48 * 60));
        var assigned = approved.AddMinutes(random.Next(1, 8 * 60));
        var fulfilled = assigned.AddMinutes(random.Next(30, 72 * 60));
        var outcome = random.Next(10);
        var done = outcome < 7;
        var approver = new PersonRef($"m-{i % 40}", "Manager");
        return new RequestFacts
        {
            RequestId = $"REQ-{i:D6}",
            Version = 5,
            SubmissionKey = $"form-{i}",
            TeamId = $"team-{i % 5}",
            Category = $"Category {i % 8}",
            CatalogItemId = $"item-{i % 60}",
            ItemName = $"Item {i % 60}",
            Restricted = i % 23 == 0,
            Requester = new PersonRef($"p-{i % 500}", $"Person {i % 500}"),
            State = done ? RequestState.Closed : outcome == 7 ? RequestState.Rejected : outcome == 8 ? RequestState.Cancelled : RequestState.InProgress,
            SubmittedAt = submitted,
            UpdatedAt = fulfilled.AddHours(2),
            ApprovalAskedAt = asked,
            ApprovedAt = outcome == 7 ? null : approved,
            NeededApproval = outcome != 7,
            Stages = [new StageFacts("Manager", asked, [new DecisionFacts(approver, approved, outcome != 7)]) { DecidedAt = approved, Approved = outcome != 7 }],
            AssignedAt = assigned,
            FulfilledAt = done ? fulfilled : null,
            ClosedAt = done ? fulfilled.AddHours(2) : null,
            CancelledAt = outcome == 8 ? approved.AddHours(1) : null,
            CancelReason = outcome == 8 ? (i % 2 == 0 ? "No longer needed" : "no longer needed") : null,
            RejectedAt = outcome == 7 ? approved : null,
            RejectReason = outcome == 7 ? "Too expensive" : null,
            DueAt = submitted.AddHours(40),
            SlaMet = done ? fulfilled <= submitted.AddHours(40) : null,
            ReopenCount = i % 17 == 0 ? 1 : 0,
            QcFailures = i % 29 == 0 ? 1 : 0,
            Automated = done && i % 11 == 0,
            Rating = done && i % 3 == 0 ? 1 + (i % 5) : null,
            RatedAt = done && i % 3 == 0 ? fulfilled.AddHours(2) : null,
            TimeInStates = done
                ? [new(RequestState.AwaitingApproval, approved - asked), new(RequestState.Approved, assigned - approved), new(RequestState.InProgress, fulfilled - assigned)]
                : [],
        };
    }
}
