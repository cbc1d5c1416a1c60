using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.PortContracts.Storage;

/// <summary>The lists people read a page at a time (team queue, pending approvals), their counts, and an agent's load.</summary>
public abstract partial class RequestStoreContract
{
    [Fact]
    public async Task ListTeamQueueAsync_PagesOldestFirst_BySubmissionTimeThenId_AndCountTeamQueueAsync_CountsThemAll()
    {
        // Submitted out of order, some at the same instant; final requests and another team's are on no page.
        var expected = new List<(DateTimeOffset At, string Id)>();
        for (var i = 1; i <= 45; i++)
        {
            var at = Start.AddMinutes((i * 7) % 30);
            var request = Submit($"REQ-{i:D6}", at);
            if (i % 9 == 0)
            {
                request.Cancel(Alice, null, at.AddMinutes(1));
            }
            else
            {
                expected.Add((at, request.Id));
            }

            await Store.CreateAsync(request);
        }

        await Store.CreateAsync(Submit("REQ-000100", Start.AddMinutes(-5), teamId: "team-access"));

        var pages = new List<IReadOnlyList<ServiceRequest>>();
        ListPosition? after = null;
        do
        {
            pages.Add(await Store.ListTeamQueueAsync("team-hardware", 15, after));
            after = pages[^1].Count == 0 ? null : ListPosition.Of(pages[^1][^1]);
        }
        while (pages[^1].Count == 15);

        Assert.Equal([15, 15, 10], pages.Select(p => p.Count));
        Assert.Equal(expected.OrderBy(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal).Select(e => e.Id), pages.SelectMany(p => p).Select(r => r.Id));
        Assert.Equal(40, await Store.CountTeamQueueAsync("team-hardware"));
        Assert.Equal(1, await Store.CountTeamQueueAsync("team-access"));
        Assert.Equal(0, await Store.CountTeamQueueAsync("team-nobody"));
    }

    [Fact]
    public async Task ListPendingApprovalAsync_PagesOldestFirst_AndCountPendingApprovalAsync_CountsOnlyTheApprovers()
    {
        for (var i = 1; i <= 12; i++)
        {
            var request = Submit($"REQ-{i:D6}", Start.AddMinutes(12 - i), stages: [ManagerStage(), SecurityStage()]);
            if (i > 8)
            {
                // Past Bob's stage: Carol's and Dave's now.
                request.Decide(Bob, approve: true, null, 0, Start.AddHours(1));
            }

            await Store.CreateAsync(request);
        }

        var first = await Store.ListPendingApprovalAsync(Bob.Id, 5);
        var second = await Store.ListPendingApprovalAsync(Bob.Id, 5, ListPosition.Of(first[^1]));

        Assert.Equal(["REQ-000008", "REQ-000007", "REQ-000006", "REQ-000005", "REQ-000004"], first.Select(r => r.Id));
        Assert.Equal(["REQ-000003", "REQ-000002", "REQ-000001"], second.Select(r => r.Id));
        Assert.Equal(8, await Store.CountPendingApprovalAsync(Bob.Id));
        Assert.Equal(4, await Store.CountPendingApprovalAsync(Carol.Id));
        Assert.Equal(0, await Store.CountPendingApprovalAsync(Alice.Id));
        Assert.Empty(await Store.ListPendingApprovalAsync(Bob.Id, 0));
    }

    [Fact]
    public async Task CountUnresolvedByAssigneeAsync_CountsEachAgentsOpenWork_NotFulfilledFinalUnassignedOrAnotherTeams()
    {
        async Task AddAsync(string id, PersonRef? assignee, string teamId = "team-hardware", Action<ServiceRequest>? then = null)
        {
            var request = Submit(id, teamId: teamId);
            if (assignee is not null)
            {
                request.Assign(assignee, assignee, Start.AddHours(1));
            }

            then?.Invoke(request);
            await Store.CreateAsync(request);
        }

        await AddAsync("REQ-000001", Erin);
        await AddAsync("REQ-000002", Erin, then: r => r.SetStatus(Erin, RequestState.AwaitingParts, "Docking station", Start.AddHours(2)));
        await AddAsync("REQ-000003", Erin, then: r => r.Resolve(Erin, "Done", Start.AddHours(2)));
        await AddAsync("REQ-000004", Dave);
        await AddAsync("REQ-000005", Dave, then: r => r.Cancel(Alice, null, Start.AddHours(2)));
        await AddAsync("REQ-000006", null);
        await AddAsync("REQ-000007", Erin, teamId: "team-access");

        var loads = await Store.CountUnresolvedByAssigneeAsync("team-hardware");

        Assert.Equal([(Dave.Id, 1), (Erin.Id, 2)], loads.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => (l.Key, l.Value)));
        Assert.Empty(await Store.CountUnresolvedByAssigneeAsync("team-nobody"));
    }

    [Fact]
    public async Task CountByRequesterAsync_CountsEveryRequestTheyLogged()
    {
        for (var i = 1; i <= 23; i++)
        {
            await Store.CreateAsync(Submit($"REQ-{i:D6}", Start.AddMinutes(i), requester: i % 4 == 0 ? Bob : Alice));
        }

        Assert.Equal(18, await Store.CountByRequesterAsync(Alice.Id));
        Assert.Equal(5, await Store.CountByRequesterAsync(Bob.Id));
        Assert.Equal(0, await Store.CountByRequesterAsync(Carol.Id));
    }
}
