using ChatRequests.Core.Assignment;
using ChatRequests.Core.Requests;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.PortContracts.Storage;

/// <summary>What every <see cref="IAssignmentStore"/> adapter must do, tested through the port only.</summary>
public abstract class AssignmentStoreContract
{
    private IAssignmentStore? _store;

    protected IAssignmentStore Store => _store ??= CreateStore();

    /// <summary>A store over fresh, empty storage of its own.</summary>
    protected abstract IAssignmentStore CreateStore();

    /// <summary>Another store over the same storage, as a restarted process opens it.</summary>
    protected abstract IAssignmentStore ReopenStore();

    [Fact]
    public async Task SetUnavailable_IsFound_UntilSetAvailable()
    {
        var mark = new Unavailability(Bob, Start);

        await Store.SetUnavailableAsync(mark);

        Assert.Equal(mark, await Store.FindUnavailableAsync(Bob.Id));
        Assert.Null(await Store.FindUnavailableAsync(Carol.Id));
        Assert.True(await Store.SetAvailableAsync(Bob.Id));
        Assert.Null(await Store.FindUnavailableAsync(Bob.Id));
        Assert.False(await Store.SetAvailableAsync(Bob.Id));
    }

    [Fact]
    public async Task SetUnavailable_Again_ReplacesTheMark_WithItsEnd()
    {
        await Store.SetUnavailableAsync(new Unavailability(Bob, Start) { Until = Start.AddDays(1) });

        // The desk keeps the first Since when a day said changes the end.
        var changed = new Unavailability(Bob, Start) { Until = Start.AddDays(6) };
        await Store.SetUnavailableAsync(changed);

        Assert.Equal(changed, await Store.FindUnavailableAsync(Bob.Id));
    }

    [Fact]
    public async Task TakeTurn_FromALastTurnThatMovedOn_IsRefused_AndChangesNothing()
    {
        Assert.True(await Store.TakeTurnAsync("team-a", null, Bob.Id));

        Assert.False(await Store.TakeTurnAsync("team-a", null, Carol.Id));
        Assert.False(await Store.TakeTurnAsync("team-a", Dave.Id, Carol.Id));

        Assert.Equal(Bob.Id, await Store.FindLastTurnAsync("team-a"));
        Assert.True(await Store.TakeTurnAsync("team-a", Bob.Id, Carol.Id));
        Assert.Equal(Carol.Id, await Store.FindLastTurnAsync("team-a"));
    }

    /// <summary>Two requests reaching the team at once read the same last turn: exactly one of them gets the turn.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TakeTurn_ManyAtOnceFromTheSameLastTurn_ExactlyOneWins(bool afterAFirstTurn)
    {
        // One store for every taker (Store creates it on first use, which is no place for a race).
        var store = Store;
        string? last = null;
        if (afterAFirstTurn)
        {
            Assert.True(await store.TakeTurnAsync("team-a", null, Erin.Id));
            last = Erin.Id;
        }

        PersonRef[] contenders = [Bob, Carol, Dave, Bob, Carol, Dave, Bob, Carol];
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var takes = contenders.Select(p => Task.Run(async () =>
        {
            await start.Task;
            return (p.Id, Won: await store.TakeTurnAsync("team-a", last, p.Id));
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(takes);

        var winner = Assert.Single(results, r => r.Won);
        Assert.Equal(winner.Id, await store.FindLastTurnAsync("team-a"));
    }

    [Fact]
    public async Task LastTurn_IsPerTeam_ReplacedByTheNext_AndKeptAcrossARestart()
    {
        Assert.Null(await Store.FindLastTurnAsync("team-a"));

        Assert.True(await Store.TakeTurnAsync("team-a", null, Bob.Id));
        Assert.True(await Store.TakeTurnAsync("team-b", null, Carol.Id));
        Assert.True(await Store.TakeTurnAsync("team-a", Bob.Id, Dave.Id));
        await Store.SetUnavailableAsync(new Unavailability(Erin, Start) { Until = Start.AddDays(2) });

        var reopened = ReopenStore();
        Assert.Equal(Dave.Id, await reopened.FindLastTurnAsync("team-a"));
        Assert.Equal(Carol.Id, await reopened.FindLastTurnAsync("team-b"));
        Assert.Equal(Start.AddDays(2), (await reopened.FindUnavailableAsync(Erin.Id))?.Until);
    }
}
