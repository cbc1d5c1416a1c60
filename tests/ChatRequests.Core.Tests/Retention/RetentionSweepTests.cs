using System.Text.Json;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Sla;
using ChatRequests.Core.Storage;
using ChatRequests.PortContracts.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.Core.Tests.Retention;

public sealed class RetentionSweepTests
{
    private static readonly DateTimeOffset ClosedAt = Start.AddHours(8);

    private readonly InMemoryRequestStore _store = new();
    private readonly FakeTimeProvider _clock = new(ClosedAt);

    [Fact]
    public async Task Sweep_AnonymisesAClosedRequestOnItsDay_NotBefore_AndOnceAcrossARestart()
    {
        await CreateClosedAsync("REQ-000001", new RetentionSettings { AnonymiseClosedAfterDays = 30 });

        _clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromTicks(1));
        Assert.Equal(0, (await Sweep(_store).SweepAsync()).Checked);
        Assert.Null((await _store.GetAsync("REQ-000001"))!.Anonymised);

        _clock.Advance(TimeSpan.FromTicks(1));
        var result = await Sweep(_store).SweepAsync();

        Assert.Equal(1, result.Anonymised);
        var stored = (await _store.GetAsync("REQ-000001"))!;
        Assert.Equal(ClosedAt.AddDays(30), stored.Anonymised!.At);
        Assert.Equal(ServiceRequest.FormerEmployeeName, stored.Requester.Name);

        // Restarted: another store over the same documents, a new sweeper, a day later; nothing is done twice.
        _clock.Advance(TimeSpan.FromDays(1));
        var again = await Sweep(_store.Reopen()).SweepAsync();

        Assert.Equal(0, again.Anonymised);
        Assert.Single((await _store.GetAsync("REQ-000001"))!.History, h => h.Action == AuditAction.Anonymise);
    }

    [Fact]
    public async Task Sweep_LongAfterTheDay_AnonymisesOnce_AndLeavesOpenAndUnruledRequestsAlone()
    {
        await CreateClosedAsync("REQ-000001", new RetentionSettings { AnonymiseClosedAfterDays = 30 });
        await CreateClosedAsync("REQ-000002", settings: null);
        var open = Submit("REQ-000003", at: ClosedAt, requester: Alice);
        open.AdoptRetention(new RetentionSettings { AnonymiseClosedAfterDays = 30 });
        await _store.CreateAsync(open);

        _clock.Advance(TimeSpan.FromDays(400));
        var result = await Sweep(_store).SweepAsync();

        Assert.Equal(1, result.Anonymised);
        Assert.Equal(Alice.Id, (await _store.GetAsync("REQ-000002"))!.Requester.Id);
        Assert.Equal(Alice.Id, (await _store.GetAsync("REQ-000003"))!.Requester.Id);
    }

    [Fact]
    public async Task Sweep_DeletesAnAnonymisedRequest_TheRulesYearsAfterItClosed()
    {
        await CreateClosedAsync("REQ-000001", new RetentionSettings { AnonymiseClosedAfterDays = 30, KeepAuditYears = 2 });
        _clock.Advance(TimeSpan.FromDays(30));
        await Sweep(_store).SweepAsync();

        _clock.SetUtcNow(ClosedAt.AddYears(2).AddTicks(-1));
        Assert.Equal(0, (await Sweep(_store).SweepAsync()).Deleted);
        Assert.NotNull(await _store.GetAsync("REQ-000001"));

        _clock.SetUtcNow(ClosedAt.AddYears(2));
        Assert.Equal(1, (await Sweep(_store).SweepAsync()).Deleted);
        Assert.Null(await _store.GetAsync("REQ-000001"));
    }

    [Fact]
    public async Task FirstSweep_BringsRequestsLoggedBeforeTheSettingToIt_AndAnonymisesTheFinalOnesPastTheirDay()
    {
        await CreateClosedAsync("REQ-000001", settings: null);
        await CreateClosedAsync("REQ-000002", settings: null);
        _clock.Advance(TimeSpan.FromDays(10));
        var directory = Governed(new RetentionSettings { AnonymiseClosedAfterDays = 5 });
        await _store.CreateAsync(Submit("REQ-000003", at: ClosedAt));

        var first = await Sweep(_store, directory).SweepAsync();

        Assert.Equal(3, first.RetentionAdopted);
        Assert.Equal(2, first.Anonymised);
        Assert.Null((await _store.GetAsync("REQ-000003"))!.Anonymised);
        Assert.Equal(5, (await _store.GetAsync("REQ-000003"))!.Retention!.AnonymiseAfterDays);
        Assert.Equal(0, (await Sweep(_store, directory).SweepAsync()).RetentionAdopted);
    }

    [Fact]
    public async Task Sweep_AfterTheSettingChanges_BringsEveryRequestToTheNewOne_OnceForEachChange()
    {
        await CreateClosedAsync("REQ-000001", new RetentionSettings { AnonymiseClosedAfterDays = 400 });
        var settings = new RetentionSettings { AnonymiseClosedAfterDays = 400 };
        var directory = Governed(settings);
        var sweep = Sweep(_store, directory);
        Assert.Equal(0, (await sweep.SweepAsync()).RetentionAdopted);

        directory.GetGovernanceSettingsAsync(Arg.Any<CancellationToken>())
            .Returns(new GovernanceSettings { Retention = new RetentionSettings { AnonymiseClosedAfterDays = 1 } });
        _clock.Advance(TimeSpan.FromDays(2));
        var changed = await sweep.SweepAsync();

        Assert.Equal(1, changed.RetentionAdopted);
        Assert.Equal(1, changed.Anonymised);
    }

    [Fact]
    public async Task AfterARestart_TheAdoptionScanDoesNotRunAgain_UntilTheSettingChanges()
    {
        await CreateClosedAsync("REQ-000001", settings: null);
        var directory = Governed(new RetentionSettings { AnonymiseClosedAfterDays = 400 });
        Assert.Equal(1, (await Sweep(_store, directory).SweepAsync()).RetentionAdopted);
        // Put in the store without the settings (as by a version before them): only a scan would bring it to them.
        await CreateClosedAsync("REQ-000002", settings: null);

        // Restarted, and a second sweeper: the store's mark says every request has the settings; no scan.
        var restarted = _store.Reopen();
        Assert.Equal(0, (await Sweep(restarted, directory).SweepAsync()).RetentionAdopted);
        Assert.Equal(0, (await Sweep(_store.Reopen(), directory).SweepAsync()).RetentionAdopted);
        Assert.Null((await _store.GetAsync("REQ-000002"))!.Retention);

        // The setting changes: the next sweep, restarted or not, scans once more.
        directory.GetGovernanceSettingsAsync(Arg.Any<CancellationToken>())
            .Returns(new GovernanceSettings { Retention = new RetentionSettings { AnonymiseClosedAfterDays = 300 } });
        Assert.Equal(2, (await Sweep(_store.Reopen(), directory).SweepAsync()).RetentionAdopted);
        Assert.Equal(0, (await Sweep(_store.Reopen(), directory).SweepAsync()).RetentionAdopted);
    }

    [Fact]
    public async Task ASettingsChange_GoesThroughAManyRequestStoreInBatches_AndASweepStoppedHalfWayResumes_SavingEachRequestOnce()
    {
        // Two requests per submission time, so that a batch has to end between two times; before any SLA check is due.
        const int Count = 2 * SlaSweep.RetentionBatchSize + 250;
        var before = new RetentionSettings { AnonymiseClosedAfterDays = 400 };
        for (var n = 1; n <= Count; n++)
        {
            var request = Submit($"REQ-{n:D6}", Start.AddMinutes(n / 2));
            request.AdoptRetention(before);
            await _store.CreateAsync(request);
        }

        var directory = Governed(before);
        var clock = new FakeTimeProvider(Start.AddDays(-1));
        SlaSweep Sweeper(IRequestStore store) => new(store, clock, NullLogger<SlaSweep>.Instance, directory: directory);
        Assert.Equal(0, (await Sweeper(_store).SweepAsync()).RetentionAdopted);
        var after = new RetentionSettings { AnonymiseClosedAfterDays = 30 };
        directory.GetGovernanceSettingsAsync(Arg.Any<CancellationToken>()).Returns(new GovernanceSettings { Retention = after });
        var saves = new SavesCounted(_store);

        var first = (await Sweeper(saves).SweepAsync()).RetentionAdopted;
        saves.FailAfter = saves.Count + 100;   // the second sweep stops half-way through its batch (the process dies)
        await Assert.ThrowsAsync<IOException>(() => Sweeper(saves).SweepAsync());
        saves.FailAfter = int.MaxValue;
        var resumed = new List<int>();
        for (var sweep = 0; sweep < 5; sweep++)   // restarted: a new sweeper each time
        {
            resumed.Add((await Sweeper(saves).SweepAsync()).RetentionAdopted);
        }

        Assert.InRange(first, SlaSweep.RetentionBatchSize, SlaSweep.RetentionBatchSize + 1);
        // After the restart the unfinished batch is read again, not the first one; its first 100 are not saved again.
        Assert.InRange(resumed[0], SlaSweep.RetentionBatchSize - 100, SlaSweep.RetentionBatchSize + 1 - 100);
        Assert.Equal(Count, first + 100 + resumed.Sum());
        Assert.Equal([0, 0], resumed[^2..]);
        Assert.Equal(Count, saves.Count);
        var stored = new List<ServiceRequest>();
        await foreach (var request in _store.ScanAsync())
        {
            stored.Add(request);
        }

        Assert.Equal(Count, stored.Count);
        Assert.All(stored, r => Assert.Equal((2L, RetentionRule.From(after)), (r.Version, r.Retention)));
        Assert.Equal(JsonSerializer.Serialize(after), await _store.GetMarkAsync(SlaSweep.RetentionMark));
    }

    /// <summary>Counts the saves that reach the store; from <see cref="FailAfter"/> on, a save fails as a dying disk would.</summary>
    private sealed class SavesCounted(IRequestStore inner) : ForwardingRequestStore(inner)
    {
        public int Count { get; private set; }

        public int FailAfter { get; set; } = int.MaxValue;

        public override async Task SaveAsync(ServiceRequest request, CancellationToken cancellationToken = default)
        {
            if (Count >= FailAfter)
            {
                throw new IOException("disk I/O error");
            }

            await base.SaveAsync(request, cancellationToken);
            Count++;
        }
    }

    private static IDirectory Governed(RetentionSettings retention)
    {
        var directory = Substitute.For<IDirectory>();
        directory.GetGovernanceSettingsAsync(Arg.Any<CancellationToken>()).Returns(new GovernanceSettings { Retention = retention });
        directory.ListTeamsAsync(Arg.Any<CancellationToken>()).Returns([]);
        return directory;
    }

    private SlaSweep Sweep(InMemoryRequestStore store, IDirectory directory) =>
        new(store, _clock, NullLogger<SlaSweep>.Instance, directory: directory);

    private async Task CreateClosedAsync(string id, RetentionSettings? settings)
    {
        var request = FullLifecycle(id);
        request.AdoptRetention(settings);
        await _store.CreateAsync(request);
    }

    private SlaSweep Sweep(InMemoryRequestStore store) => new(store, _clock, NullLogger<SlaSweep>.Instance);
}
