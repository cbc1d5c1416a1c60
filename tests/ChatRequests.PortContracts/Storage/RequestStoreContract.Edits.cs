using System.Text.Json;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.PortContracts.Storage;

// The requester's change of a logged request: its edits, the new answers and the new approval round it started.
public abstract partial class RequestStoreContract
{
    [Fact]
    public async Task GetAsync_ChangedByTheRequesterAndBackForApproval_ReturnsItExactlyAsSaved()
    {
        var request = Submit("REQ-000001", stages: [ManagerStage()]);
        request.Decide(Bob, approve: true, null, 0, Start.AddMinutes(5));
        var fields = new Dictionary<string, string>(request.Fields) { ["quantity"] = "3 ünïcödé" };
        request.Edit(Alice, new RequestChange("edit-1", "Now for the whole team.", fields), [ManagerStage()], "the cost rose", Start.AddMinutes(30));
        await Store.CreateAsync(request);

        var loaded = (await ReopenStore().GetAsync("REQ-000001"))!;

        Assert.Equal(JsonSerializer.Serialize(request, RequestJson.Options), JsonSerializer.Serialize(loaded, RequestJson.Options));
        Assert.Equal("edit-1", Assert.Single(loaded.Edits).Key);
        Assert.Equal((1, 1, RequestState.AwaitingApproval), (loaded.ApprovalRoundStart, loaded.CurrentStage, loaded.State));
        Assert.Equal(["REQ-000001"], await PendingIdsAsync(Bob));
    }
}
