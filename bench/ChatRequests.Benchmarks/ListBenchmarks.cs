using BenchmarkDotNet.Attributes;
using ChatRequests.Cards;
using ChatRequests.Cards.Gallery;
using ChatRequests.Core.Requests;
using ChatRequests.Embedded.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatRequests.Benchmarks;

/// <summary>
/// A team queue of 6,000 open laptop requests in SQLite (5,000 waiting for the same manager, 1,000 approved and taken by
/// the agent): the "queue" and "approvals" cards and the least-loaded count as a turn builds them now (one page and a
/// count) and as main built them (every request on the list loaded in one query, for a card that shows 20).
/// </summary>
public class ListBenchmarks
{
    private const int Open = 5_000;

    private string _folder = null!;
    private SqliteDatabase _database = null!;
    private SqliteRequestStore _store = null!;
    private RequestCards _cards = null!;
    private LaptopStory _story = null!;
    private string _teamId = null!;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        var organisation = SampleOrganisation.Load();
        _story = await LaptopStory.CreateAsync(organisation);
        _cards = new RequestCards(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(LaptopStory.At(4, 12, 0)));
        _folder = Directory.CreateTempSubdirectory("chatrequests-bench-").FullName;
        _database = new SqliteDatabase(
            Options.Create(new EmbeddedStorageOptions { SqlitePath = Path.Combine(_folder, "lists.db") }), NullLogger<SqliteDatabase>.Instance);
        _store = new SqliteRequestStore(_database);
        for (var i = 0; i < Open * 6 / 5; i++)
        {
            var r = await organisation.SubmitAsync(
                $"REQ-{200_000 + i:D6}", _story.Requester.Id, LaptopStory.Filled with { SubmissionKey = $"form-{i}" }, LaptopStory.At(2, 9, 0).AddSeconds(i));
            if (i % 6 == 0)
            {
                _story.ManagerApproves(r);
                _story.FinanceApproves(r);
                _story.AgentTakesIt(r);
            }

            r.Version = 0;
            await _store.CreateAsync(r);
            _teamId = r.TeamId;
        }

        Console.WriteLine($"// {await _store.CountTeamQueueAsync(_teamId)} open in {_teamId}, {await _store.CountPendingApprovalAsync(_story.Manager.Id)} waiting for {_story.Manager.Name}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Description = "queue card, 6,000 open: one page + count (now)")]
    public async Task<int> QueuePage()
    {
        var page = await _store.ListTeamQueueAsync(_teamId, RequestCards.MaxListed);
        var total = await _store.CountTeamQueueAsync(_teamId);
        return _cards.RequestList(page, "Open requests", "Nothing open.", _story.Agent, new ListPart(total, 0, PagedList.Queue)).FallbackText.Length;
    }

    [Benchmark(Description = "queue card, 6,000 open: whole queue loaded (main)")]
    public async Task<int> QueueWhole()
    {
        var all = await _store.ListTeamQueueAsync(_teamId, int.MaxValue);
        return _cards.RequestList(all, "Open requests", "Nothing open.", _story.Agent).FallbackText.Length;
    }

    [Benchmark(Description = "approvals card, 5,000 waiting: one page + count (now)")]
    public async Task<int> ApprovalsPage()
    {
        var page = await _store.ListPendingApprovalAsync(_story.Manager.Id, RequestCards.MaxListed);
        var total = await _store.CountPendingApprovalAsync(_story.Manager.Id);
        return _cards.ApprovalList(page, _story.Manager, new ListPart(total, 0, PagedList.Approvals)).FallbackText.Length;
    }

    [Benchmark(Description = "approvals card, 5,000 waiting: all loaded (main)")]
    public async Task<int> ApprovalsWhole()
    {
        var all = await _store.ListPendingApprovalAsync(_story.Manager.Id, int.MaxValue);
        return _cards.ApprovalList(all, _story.Manager).FallbackText.Length;
    }

    [Benchmark(Description = "least-loaded counts, 6,000 open: count query (now)")]
    public async Task<int> LoadsCounted() => (await _store.CountUnresolvedByAssigneeAsync(_teamId)).Count;

    [Benchmark(Description = "least-loaded counts, 6,000 open: queue loaded (main)")]
    public async Task<int> LoadsFromQueue()
    {
        var all = await _store.ListTeamQueueAsync(_teamId, int.MaxValue);
        return all.Where(r => r.Assignee is not null && r.State.IsUnresolved()).CountBy(r => r.Assignee!.Id).Count();
    }
}
