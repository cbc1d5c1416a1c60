using ChatRequests.Core.Organisation;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Sla;
using NSubstitute;

namespace ChatRequests.Core.Tests;

public sealed class SlaSweepTests
{
    private static readonly PersonRef Requester = new("requester", "Rita Requester");
    private static readonly PersonRef Agent = new("agent", "Ada Agent");

    private readonly InMemoryRequestStore _store = new();
    private readonly IDirectory _directory = Substitute.For<IDirectory>();
    private readonly ManualClock _clock = new();

    public SlaSweepTests() =>
        _directory.ListTeamsAsync(Arg.Any<CancellationToken>()).Returns(
            [new Team { Id = "team-hardware", Name = "Hardware", ChannelId = "19:hw" }, new Team { Id = "team-identity", Name = "Identity", ChannelId = "19:id" }]);

    [Fact]
    public async Task FindBreachesAsync_ReportsOpenRequestsPastTheirDueTimeAcrossTeams()
    {
        var overdueHardware = await SubmitAsync("team-hardware", dueInHours: -2);
        var overdueIdentity = await SubmitAsync("team-identity", dueInHours: -1);
        await SubmitAsync("team-hardware", dueInHours: 3);

        var breaches = await new SlaSweep(_store, _directory, _clock).FindBreachesAsync();

        Assert.Equal([overdueHardware.Id, overdueIdentity.Id], breaches.Select(b => b.RequestId).Order());
        Assert.Equal(TimeSpan.FromHours(2), breaches.Single(b => b.RequestId == overdueHardware.Id).Overdue);
    }

    [Fact]
    public async Task IsBreached_FulfilledOrFinalRequests_AreNotBreaches()
    {
        var fulfilled = await SubmitAsync("team-hardware", dueInHours: -2);
        fulfilled.Assign(Agent, Agent, _clock.GetUtcNow());
        fulfilled.Resolve(Agent, "Done", _clock.GetUtcNow());
        var cancelled = await SubmitAsync("team-hardware", dueInHours: -2);
        cancelled.Cancel(Requester, null, _clock.GetUtcNow());

        Assert.False(SlaSweep.IsBreached(fulfilled, _clock.GetUtcNow()));
        Assert.False(SlaSweep.IsBreached(cancelled, _clock.GetUtcNow()));
    }

    private async Task<ServiceRequest> SubmitAsync(string teamId, int dueInHours)
    {
        var request = ServiceRequest.Submit(
            new ServiceRequest.Draft(
                RequestNumber.Format(await _store.NextNumberAsync()), Guid.NewGuid().ToString("N"), Requester, "laptop-standard", "Standard laptop",
                "Hardware", null, "Old laptop.", new Dictionary<string, string>(), PriorityMatrix.Assess(Impact.Low, Urgency.Medium),
                teamId, teamId, _clock.GetUtcNow().AddHours(dueInHours), []),
            _clock.GetUtcNow());
        await _store.CreateAsync(request);
        return (await _store.GetAsync(request.Id))!;
    }
}
