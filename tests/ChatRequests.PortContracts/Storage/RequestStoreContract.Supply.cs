using System.Text.Json;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.PortContracts.Storage;

// Suppliers, stock and delivery: the supplier order and its alert mark, the offer and the new approval round, the delivery and its signature.
public abstract partial class RequestStoreContract
{
    [Fact]
    public async Task GetAsync_SupplierOrderAlertedAndAnOfferAnswered_ReturnsItExactlyAsSaved()
    {
        var request = Submit("REQ-000001", stages: [ManagerStage()]);
        request.Decide(Bob, approve: true, null, 0, Start.AddMinutes(5));
        request.Assign(Erin, Erin, Start.AddMinutes(10));
        request.AwaitSupplier(Erin, "Dell", "PO-981", new DateOnly(2026, 11, 24), "Keyboard back-ordered", Start.AddMinutes(20), TimeZoneInfo.Utc);
        request.CheckSla(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero));
        request.OfferAlternatives(Erin, [new OfferedItem("laptop-pro", "Laptop Pro", "2,100.00 EUR", "16-inch")], "Ünïcödé note", Start.AddHours(20));
        request.ChooseAlternative(
            Alice,
            new ItemReplacement("laptop-pro", "Laptop Pro", "Hardware", "2,100.00 EUR", 2100m, request.Fields, request.FieldLabels, Delivery: true),
            [ManagerStage()],
            "Laptop Pro costs more than what was approved",
            Start.AddHours(21));
        await Store.CreateAsync(request);

        var loaded = (await ReopenStore().GetAsync("REQ-000001"))!;

        Assert.Equal(JsonSerializer.Serialize(request, RequestJson.Options), JsonSerializer.Serialize(loaded, RequestJson.Options));
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero), loaded.SupplierOrder!.OverdueAlertedAt);
        Assert.Equal("laptop-pro", loaded.Offer!.ChosenItemId);
        Assert.Equal((1, 1, true), (loaded.ApprovalRoundStart, loaded.CurrentStage, loaded.DeliversItem));
        Assert.Equal(["REQ-000001"], await PendingIdsAsync(Bob));
    }

    [Fact]
    public async Task GetAsync_DeliveryAcknowledged_ReturnsTheSignature()
    {
        var request = Submit("REQ-000001", deliversItem: true);
        request.Assign(Erin, Erin, Start.AddMinutes(10));
        request.SendForDelivery(Erin, "DHL", "JD014600003", Start.AddHours(1));
        request.AcknowledgeReceipt(Alice, Start.AddDays(1));
        await Store.CreateAsync(request);

        var loaded = (await ReopenStore().GetAsync("REQ-000001"))!;

        Assert.Equal(JsonSerializer.Serialize(request, RequestJson.Options), JsonSerializer.Serialize(loaded, RequestJson.Options));
        Assert.Equal((Alice, Start.AddDays(1)), (loaded.Delivery!.ReceivedBy, loaded.Delivery.ReceivedAt));
        Assert.Equal(RequestState.Fulfilled, loaded.State);
    }

    [Fact]
    public async Task ListSlaCheckDueAsync_ListsARequestWhoseSupplierIsLate_OnceItsDayHasPassed()
    {
        var request = Submit("REQ-000001");
        request.Assign(Erin, Erin, Start.AddMinutes(10));
        request.CheckSla(Start.AddDays(3));
        request.AwaitSupplier(Erin, "Dell", "PO-981", new DateOnly(2026, 11, 27), null, Start.AddDays(3), TimeZoneInfo.Utc);
        await Store.CreateAsync(request);
        var overdue = new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);

        Assert.Empty(await Store.ListSlaCheckDueAsync(overdue.AddTicks(-1), 50));
        Assert.Equal(["REQ-000001"], (await Store.ListSlaCheckDueAsync(overdue, 50)).Select(r => r.Id));
    }
}
