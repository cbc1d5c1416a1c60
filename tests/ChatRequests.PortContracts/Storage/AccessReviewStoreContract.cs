using ChatRequests.Core.AccessReviews;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.PortContracts.Storage;

/// <summary>What every <see cref="IAccessReviewStore"/> adapter must do, tested through the port only.</summary>
public abstract class AccessReviewStoreContract
{
    private IAccessReviewStore? _store;

    protected IAccessReviewStore Store => _store ??= CreateStore();

    /// <summary>A store over fresh, empty storage of its own.</summary>
    protected abstract IAccessReviewStore CreateStore();

    public static AccessReview BobsReview(string cycleId = "2026-10", DateTimeOffset? at = null) => AccessReview.Start(
        cycleId,
        Bob,
        [
            new AccessGrant("REQ-000001", Alice, "Finance share", "team-access", "group-finance", "Finance share readers", Start),
            new AccessGrant("REQ-000002", Alice, "Jira", "team-access", "group-jira", "Jira users", Start.AddDays(1)),
        ],
        at ?? Start.AddDays(30),
        (at ?? Start.AddDays(30)).AddDays(14));

    [Fact]
    public async Task TryCreateAsync_NewReview_IsReadBackWithEveryLineAtVersion1()
    {
        var review = BobsReview();

        Assert.True(await Store.TryCreateAsync(review));

        var stored = await Store.GetAsync(review.Id);
        Assert.NotNull(stored);
        Assert.Equal(1, stored.Version);
        Assert.Equal(review.Lines, stored.Lines);
        Assert.Equal((review.CycleId, review.Reviewer, review.StartedAt, review.DueAt), (stored.CycleId, stored.Reviewer, stored.StartedAt, stored.DueAt));
    }

    [Fact]
    public async Task TryCreateAsync_SameReviewTwice_CreatesItOnceAndKeepsTheFirst()
    {
        var first = BobsReview();
        await Store.TryCreateAsync(first);
        first.Decide(0, AccessDecision.Keep, Bob, Start.AddDays(31));
        await Store.SaveAsync(first);

        Assert.False(await Store.TryCreateAsync(BobsReview()));

        Assert.Equal(AccessDecision.Keep, (await Store.GetAsync(first.Id))!.Lines[0].Decision);
    }

    [Fact]
    public async Task GetAsync_UnknownReview_ReturnsNull() =>
        Assert.Null(await Store.GetAsync(AccessReview.IdFor("2026-10", "nobody")));

    [Fact]
    public async Task SaveAsync_StaleCopy_ThrowsAndTheFirstSaveStays()
    {
        await Store.TryCreateAsync(BobsReview());
        var mine = (await Store.GetAsync(BobsReview().Id))!;
        var theirs = (await Store.GetAsync(BobsReview().Id))!;
        mine.Decide(0, AccessDecision.Keep, Bob, Start.AddDays(31));
        await Store.SaveAsync(mine);

        theirs.Decide(0, AccessDecision.Remove, Carol, Start.AddDays(31));
        await Assert.ThrowsAsync<AccessReviewConflictException>(() => Store.SaveAsync(theirs));

        var stored = (await Store.GetAsync(mine.Id))!;
        Assert.Equal((AccessDecision.Keep, Bob, 2L), (stored.Lines[0].Decision!.Value, stored.Lines[0].DecidedBy!, stored.Version));
    }

    [Fact]
    public async Task ListOpenAsync_LeavesOutReviewsWhoseLinesAreAllSettled()
    {
        var done = BobsReview("2026-07", Start);
        var open = BobsReview("2026-10", Start.AddDays(1));
        await Store.TryCreateAsync(done);
        await Store.TryCreateAsync(open);
        for (var line = 0; line < done.Lines.Count; line++)
        {
            done.Decide(line, AccessDecision.Keep, Bob, Start.AddDays(2));
            done.Settle(line, AccessLineOutcome.Kept);
        }

        await Store.SaveAsync(done);

        Assert.Equal([open.Id], (await Store.ListOpenAsync(10)).Select(r => r.Id));
    }

    [Fact]
    public async Task ListOpenAsync_OldestFirstAndAtMostMax()
    {
        await Store.TryCreateAsync(BobsReview("2026-10", Start.AddDays(2)));
        await Store.TryCreateAsync(BobsReview("2026-04", Start));
        await Store.TryCreateAsync(BobsReview("2026-07", Start.AddDays(1)));

        Assert.Equal(["2026-04", "2026-07"], (await Store.ListOpenAsync(2)).Select(r => r.CycleId));
    }

    [Fact]
    public async Task MarkCycleStartedAsync_IsKnownAfterwardsAndMayBeMarkedTwice()
    {
        Assert.False(await Store.IsCycleStartedAsync("2026-10"));

        await Store.MarkCycleStartedAsync("2026-10", Start);
        await Store.MarkCycleStartedAsync("2026-10", Start.AddMinutes(5));

        Assert.True(await Store.IsCycleStartedAsync("2026-10"));
        Assert.False(await Store.IsCycleStartedAsync("2027-01"));
    }
}
