using ChatRequests.Core.Audit;
using ChatRequests.Core.Requests;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.PortContracts.Storage;

/// <summary>The whole-store scan, and the audit chain surviving the store's round trip.</summary>
public abstract partial class RequestStoreContract
{
    [Fact]
    public async Task ScanAsync_EmptyStore_YieldsNothing()
    {
        Assert.Empty(await Store.ScanAsync().ToListAsync());
    }

    [Fact]
    public async Task ScanAsync_MoreThanAPage_YieldsEveryRequestOnce_BySubmissionTimeThenId()
    {
        // Submitted out of order, some at the same instant, and more than one page of the stores (100).
        var expected = new List<(DateTimeOffset At, string Id)>();
        for (var i = 1; i <= 130; i++)
        {
            var at = Start.AddMinutes((i * 37) % 50);
            var id = $"REQ-{i:D6}";
            await Store.CreateAsync(Submit(id, at));
            expected.Add((at, id));
        }

        var scanned = await ReopenStore().ScanAsync().ToListAsync();

        Assert.Equal(
            expected.OrderBy(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal).Select(e => e.Id),
            scanned.Select(r => r.Id));
    }

    [Fact]
    public async Task ScanAsync_Period_YieldsOnlyRequestsSubmittedFromItsStartToBeforeItsEnd()
    {
        await Store.CreateAsync(Submit("REQ-000001", Start.AddTicks(-1)));
        await Store.CreateAsync(Submit("REQ-000002", Start));
        await Store.CreateAsync(Submit("REQ-000003", Start.AddDays(1).AddTicks(-1)));
        await Store.CreateAsync(Submit("REQ-000004", Start.AddDays(1)));

        var period = await Store.ScanAsync(Start, Start.AddDays(1)).Select(r => r.Id).ToListAsync();
        var from = await Store.ScanAsync(submittedFrom: Start.AddDays(1).AddTicks(-1)).Select(r => r.Id).ToListAsync();
        var before = await Store.ScanAsync(submittedBefore: Start).Select(r => r.Id).ToListAsync();

        Assert.Equal(["REQ-000002", "REQ-000003"], period);
        Assert.Equal(["REQ-000003", "REQ-000004"], from);
        Assert.Equal(["REQ-000001"], before);
    }

    [Fact]
    public async Task ScanAsync_ScannedRequest_CanBeSavedWithItsVersion()
    {
        await Store.CreateAsync(Submit("REQ-000001", stages: [ManagerStage()]));

        var scanned = Assert.Single(await Store.ScanAsync().ToListAsync());
        scanned.Decide(Bob, approve: true, null, 0, Start.AddHours(1));
        await Store.SaveAsync(scanned);

        Assert.Equal(2, (await Store.GetAsync("REQ-000001"))!.Version);
    }

    [Fact]
    public async Task History_StoredAndReadBack_StillVerifies()
    {
        var request = FullLifecycle("REQ-000001");
        request.RedactHistory(h => h.Actor.Id == Alice.Id, PersonRef.System, "retention", Start.AddDays(400));
        await Store.CreateAsync(request);

        var loaded = await ReopenStore().GetAsync("REQ-000001");
        var scanned = Assert.Single(await ReopenStore().ScanAsync().ToListAsync());

        Assert.True(HistoryChain.Verify(loaded!).IsIntact, HistoryChain.Verify(loaded!).Describe("REQ-000001"));
        Assert.True(HistoryChain.Verify(scanned).IsIntact);
        Assert.Equal(request.History.Select(h => h.Hash), loaded!.History.Select(h => h.Hash));
    }
}
