using ChatRequests.Core.Approvals;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.PortContracts.Storage;

/// <summary>What every <see cref="IDelegationStore"/> adapter must do, tested through the port only.</summary>
public abstract class DelegationStoreContract
{
    private IDelegationStore? _store;

    protected IDelegationStore Store => _store ??= CreateStore();

    /// <summary>A store over fresh, empty storage of its own.</summary>
    protected abstract IDelegationStore CreateStore();

    [Fact]
    public async Task SetAsync_NewDelegation_IsFoundWithEveryField()
    {
        var delegation = BobToCarol(Start.AddDays(7));

        await Store.SetAsync(delegation);

        Assert.Equal(delegation, await Store.FindAsync(Bob.Id));
    }

    [Fact]
    public async Task FindAsync_ApproverWithoutDelegation_ReturnsNull()
    {
        await Store.SetAsync(BobToCarol(Start.AddDays(7)));

        Assert.Null(await Store.FindAsync(Carol.Id));
    }

    [Fact]
    public async Task SetAsync_SecondDelegation_ReplacesTheFirst()
    {
        await Store.SetAsync(BobToCarol(Start.AddDays(7)));
        var later = BobToCarol(Start.AddDays(30)) with { Delegate = Dave, SetAt = Start.AddHours(1) };

        await Store.SetAsync(later);

        Assert.Equal(later, await Store.FindAsync(Bob.Id));
    }

    [Fact]
    public async Task FindAsync_DelegationThatRanOut_IsStillReturned()
    {
        var expired = BobToCarol(Start.AddDays(-1));

        await Store.SetAsync(expired);

        var found = await Store.FindAsync(Bob.Id);
        Assert.Equal(expired, found);
        Assert.False(found!.IsActiveAt(Start));
    }

    [Fact]
    public async Task RemoveAsync_EndsOnlyThatApproversDelegation()
    {
        await Store.SetAsync(BobToCarol(Start.AddDays(7)));
        var erins = new Delegation(Erin, Dave, Start.AddDays(7), Start, Erin);
        await Store.SetAsync(erins);

        Assert.True(await Store.RemoveAsync(Bob.Id));

        Assert.Null(await Store.FindAsync(Bob.Id));
        Assert.Equal(erins, await Store.FindAsync(Erin.Id));
        Assert.False(await Store.RemoveAsync(Bob.Id));
    }

    private static Delegation BobToCarol(DateTimeOffset until) => new(Bob, Carol, until, Start, Bob);
}
