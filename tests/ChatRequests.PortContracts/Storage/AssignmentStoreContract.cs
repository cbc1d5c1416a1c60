using ChatRequests.Core.Assignment;
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
    public async Task SetUnavailable_Again_KeepsTheFirstMark()
    {
        await Store.SetUnavailableAsync(new Unavailability(Bob, Start));

        await Store.SetUnavailableAsync(new Unavailability(Bob, Start.AddHours(2)));

        Assert.Equal(Start, (await Store.FindUnavailableAsync(Bob.Id))!.Since);
    }

    [Fact]
    public async Task LastTurn_IsPerTeam_ReplacedByTheNext_AndKeptAcrossARestart()
    {
        Assert.Null(await Store.FindLastTurnAsync("team-a"));

        await Store.RecordTurnAsync("team-a", Bob.Id);
        await Store.RecordTurnAsync("team-b", Carol.Id);
        await Store.RecordTurnAsync("team-a", Dave.Id);
        await Store.SetUnavailableAsync(new Unavailability(Erin, Start));

        var reopened = ReopenStore();
        Assert.Equal(Dave.Id, await reopened.FindLastTurnAsync("team-a"));
        Assert.Equal(Carol.Id, await reopened.FindLastTurnAsync("team-b"));
        Assert.NotNull(await reopened.FindUnavailableAsync(Erin.Id));
    }
}
