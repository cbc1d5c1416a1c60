using ChatRequests.Core.Messaging;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.PortContracts.Storage;

/// <summary>What every <see cref="IMessageLedger"/> adapter must do, tested through the port only.</summary>
public abstract class MessageLedgerContract
{
    private IMessageLedger? _ledger;

    protected IMessageLedger Ledger => _ledger ??= CreateLedger();

    /// <summary>A ledger over fresh, empty storage of its own.</summary>
    protected abstract IMessageLedger CreateLedger();

    [Fact]
    public async Task FindAsync_UnknownKey_ReturnsNull()
    {
        Assert.Null(await Ledger.FindAsync("REQ-000001/team-card"));
    }

    [Fact]
    public async Task RecordAsync_NewKey_IsFoundWithEveryField()
    {
        var message = new PostedMessage("REQ-000001/team-card", "19:hardware@thread.tacv2", "1700000000001", Start);

        await Ledger.RecordAsync(message);

        Assert.Equal(message, await Ledger.FindAsync("REQ-000001/team-card"));
    }

    [Fact]
    public async Task RecordAsync_KeyAlreadyRecorded_KeepsTheFirstMessage()
    {
        var first = new PostedMessage("REQ-000001/team-card", "19:hardware@thread.tacv2", "1700000000001", Start);
        await Ledger.RecordAsync(first);

        await Ledger.RecordAsync(first with { ActivityId = "1700000000002", PostedAt = Start.AddSeconds(1) });

        Assert.Equal(first, await Ledger.FindAsync("REQ-000001/team-card"));
    }

    [Fact]
    public async Task RecordAsync_ConcurrentRecordsOfOneKey_KeepExactlyOne()
    {
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() =>
            Ledger.RecordAsync(new PostedMessage("REQ-000001/team-card", "19:hardware@thread.tacv2", $"activity-{i}", Start)))));

        var kept = await Ledger.FindAsync("REQ-000001/team-card");
        Assert.StartsWith("activity-", kept!.ActivityId);
        Assert.Equal(kept, await Ledger.FindAsync("REQ-000001/team-card"));
    }

    [Fact]
    public async Task BeginAttemptAsync_FirstAttempt_IsNotARepost()
    {
        Assert.False(await Ledger.BeginAttemptAsync("REQ-000001/team-card", Start));
        Assert.Equal(0, await Ledger.CountInterruptedAsync("REQ-000001/"));
    }

    [Fact]
    public async Task BeginAttemptAsync_AfterAnAttemptThatNeverEnded_ReportsAndCountsTheInterruption()
    {
        await Ledger.BeginAttemptAsync("REQ-000001/team-card", Start);

        var repost = await Ledger.BeginAttemptAsync("REQ-000001/team-card", Start.AddSeconds(5));

        Assert.True(repost);
        Assert.Equal(1, await Ledger.CountInterruptedAsync("REQ-000001/"));
        Assert.Equal(0, await Ledger.CountInterruptedAsync("REQ-000002/"));
    }

    [Fact]
    public async Task BeginAttemptAsync_AfterARecordedOrAbandonedAttempt_IsNotARepost()
    {
        await Ledger.BeginAttemptAsync("REQ-000001/team-card", Start);
        await Ledger.AbandonAttemptAsync("REQ-000001/team-card");
        Assert.False(await Ledger.BeginAttemptAsync("REQ-000001/team-card", Start.AddSeconds(1)));

        await Ledger.RecordAsync(new PostedMessage("REQ-000001/team-card", "19:hardware@thread.tacv2", "1", Start));

        Assert.False(await Ledger.BeginAttemptAsync("REQ-000001/team-card", Start.AddSeconds(2)));
        Assert.Equal(0, await Ledger.CountInterruptedAsync("REQ-000001/"));
    }

    [Fact]
    public async Task CountInterruptedAsync_CountsExactlyTheKeysStartingWithThePrefix()
    {
        foreach (var key in new[]
                 {
                     "REQ-000001/approval/0/bob", "REQ-000001/approval/1/carol", "REQ-000001/team-card",
                     "REQ-0000012/approval/0/bob", "req-000001/approval/0/bob", "REQ-000002/approval/0/bob",
                 })
        {
            await InterruptOnceAsync(key);
        }

        Assert.Equal(2, await Ledger.CountInterruptedAsync("REQ-000001/approval/"));
    }

    [Fact]
    public async Task CountInterruptedAsync_PrefixWithWildcardCharacters_MatchesThemLiterally()
    {
        await InterruptOnceAsync("REQ_1%/a");
        await InterruptOnceAsync("REQX1Y/a");

        Assert.Equal(1, await Ledger.CountInterruptedAsync("REQ_1%/"));
    }

    /// <summary>An attempt begun while an earlier one never ended: one interruption.</summary>
    private async Task InterruptOnceAsync(string key)
    {
        await Ledger.BeginAttemptAsync(key, Start);
        await Ledger.BeginAttemptAsync(key, Start.AddSeconds(5));
    }
}
