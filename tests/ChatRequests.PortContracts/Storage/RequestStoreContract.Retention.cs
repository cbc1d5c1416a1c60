using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.PortContracts.Storage;

// Deleting a request whose retention ended (the SLA sweep does it on SQLite; Cosmos DB also expires it by its ttl).
public abstract partial class RequestStoreContract
{
    [Fact]
    public async Task ListSlaCheckDueAsync_FinalRequestUnderARetentionRule_IsDueOnItsAnonymisationDay_ThenOnItsDeletionDay()
    {
        var request = FullLifecycle("REQ-000001");
        request.AdoptRetention(new RetentionSettings { AnonymiseClosedAfterDays = 30, KeepAuditYears = 2 });
        await Store.CreateAsync(request);
        await Store.CreateAsync(FullLifecycle("REQ-000002"));
        var anonymiseAt = request.FinalAt!.Value.AddDays(30);

        Assert.Empty(await Store.ListSlaCheckDueAsync(anonymiseAt.AddTicks(-1), 10));
        var due = Assert.Single(await Store.ListSlaCheckDueAsync(anonymiseAt, 10));
        Assert.Equal("REQ-000001", due.Id);

        due.CheckSla(anonymiseAt);
        await Store.SaveAsync(due);

        Assert.Empty(await ReopenStore().ListSlaCheckDueAsync(anonymiseAt.AddYears(1), 10));
        Assert.Equal(["REQ-000001"], (await ReopenStore().ListSlaCheckDueAsync(request.FinalAt!.Value.AddYears(2), 10)).Select(r => r.Id));
        Assert.Equal(ServiceRequest.FormerEmployeeName, (await ReopenStore().GetAsync("REQ-000001"))!.Requester.Name);
    }

    [Fact]
    public async Task DeleteAsync_CurrentVersion_RemovesTheRequestFromEveryQuery()
    {
        var request = FullLifecycle("REQ-000001");
        await Store.CreateAsync(request);
        await Store.CreateAsync(Submit("REQ-000002"));

        await Store.DeleteAsync(request);

        Assert.Null(await Store.GetAsync("REQ-000001"));
        Assert.Null(await ReopenStore().GetAsync("REQ-000001"));
        Assert.Equal(["REQ-000002"], (await Store.ListByRequesterAsync(Alice.Id, 10)).Select(r => r.Id));
        Assert.Empty(await Store.ListWithParkedEventsAsync());
    }

    [Fact]
    public async Task DeleteAsync_StaleVersion_ThrowsConcurrencyConflict_AndKeepsIt()
    {
        await Store.CreateAsync(Submit("REQ-000001"));
        var stale = (await Store.GetAsync("REQ-000001"))!;
        var fresh = (await ReopenStore().GetAsync("REQ-000001"))!;
        fresh.Cancel(Alice, null, Start.AddHours(1));
        await ReopenStore().SaveAsync(fresh);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.DeleteAsync(stale));

        Assert.NotNull(await Store.GetAsync("REQ-000001"));
    }

    [Fact]
    public async Task DeleteAsync_AlreadyGone_DoesNothing()
    {
        var request = Submit("REQ-000001");
        await Store.CreateAsync(request);
        await Store.DeleteAsync(request);

        await Store.DeleteAsync(request);

        Assert.Null(await Store.GetAsync("REQ-000001"));
    }
}
