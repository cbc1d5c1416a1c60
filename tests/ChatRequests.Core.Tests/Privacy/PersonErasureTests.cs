using ChatRequests.Core.Approvals;
using ChatRequests.Core.Assignment;
using ChatRequests.Core.Audit;
using ChatRequests.Core.Privacy;
using ChatRequests.Core.Requests;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.Core.Tests.Privacy;

public sealed class PersonErasureTests
{
    private static readonly PersonRef Auditor = new("auditor-1", "Audrey Auditor");
    private readonly InMemoryRequestStore _requests = new();
    private readonly InMemoryDelegationStore _delegations = new();
    private readonly InMemoryAssignmentStore _assignments = new();

    [Fact]
    public async Task FinalRequestsAreAnonymised_OpenOnesLeftAndListed_RowsRemoved_AndTheHistorySaysWhoAsked()
    {
        await _requests.CreateAsync(FullLifecycle("REQ-000001"));
        await _requests.CreateAsync(Submit("REQ-000002", requester: Alice));
        await _requests.CreateAsync(Submit("REQ-000003", requester: Bob));
        await _delegations.SetAsync(new Delegation(Alice, Bob, Start.AddDays(7), Start, Alice));
        await _assignments.SetUnavailableAsync(new Unavailability(Alice, Start));

        var result = await Erase();

        Assert.Equal((true, true), (result.DelegationRemoved, result.AvailabilityRemoved));
        Assert.Equal(["REQ-000001"], result.Anonymised);
        Assert.Equal(["REQ-000002"], result.LeftOpen);
        var erased = (await _requests.GetAsync("REQ-000001"))!;
        Assert.Equal(ServiceRequest.FormerEmployeeName, erased.Requester.Name);
        Assert.Equal((Auditor, "data-subject erasure asked by Audrey Auditor"), (erased.Anonymised!.By, erased.Anonymised.Why));
        Assert.Equal(Auditor, erased.History[^1].Actor);
        Assert.True(HistoryChain.Verify(erased).IsIntact);
        Assert.Equal(Alice, (await _requests.GetAsync("REQ-000002"))!.Requester);
        Assert.Equal(Bob, (await _requests.GetAsync("REQ-000003"))!.Requester);
        Assert.Null(await _delegations.FindAsync(Alice.Id));
        Assert.Null(await _assignments.FindUnavailableAsync(Alice.Id));
    }

    [Fact]
    public async Task ASecondErasure_FindsNothingMoreToDo_AndLeavesTheHistoryAsItWas()
    {
        await _requests.CreateAsync(FullLifecycle("REQ-000001"));
        await Erase();
        var lines = (await _requests.GetAsync("REQ-000001"))!.History.Count;

        var again = await Erase();

        Assert.Equal((0, 0, false, false), (again.Anonymised.Count, again.LeftOpen.Count, again.DelegationRemoved, again.AvailabilityRemoved));
        Assert.Equal(lines, (await _requests.GetAsync("REQ-000001"))!.History.Count);
    }

    private Task<ErasureResult> Erase() =>
        PersonErasure.EraseAsync(Alice, Auditor, _requests, _delegations, _assignments, Start.AddDays(3));
}
