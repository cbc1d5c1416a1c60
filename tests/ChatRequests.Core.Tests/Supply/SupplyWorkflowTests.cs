using ChatRequests.Core.Approvals;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Workflow;
using Microsoft.Extensions.Time.Testing;

namespace ChatRequests.Core.Tests.Supply;

/// <summary>Who may do what with suppliers, stock and delivery, on the sample catalog and organisation.</summary>
public sealed class SupplyWorkflowTests
{
    private static readonly PersonRef Megan = SampleData.Ref(SampleData.Megan);
    private static readonly PersonRef Alex = SampleData.Ref(SampleData.Alex);
    private static readonly PersonRef Adele = SampleData.Ref(SampleData.Adele);
    private static readonly PersonRef Christie = SampleData.Ref(SampleData.Christie);

    private readonly FakeTimeProvider _clock = new(SampleData.Start);
    private readonly InMemoryRequestStore _store = new();
    private readonly RequestWorkflow _workflow;
    private readonly SupplyWorkflow _supply;

    public SupplyWorkflowTests()
    {
        var directory = SampleData.Directory();
        var approvers = new ApproverResolver(directory);
        _workflow = new RequestWorkflow(_store, SampleData.Catalog(), directory, approvers, _clock);
        _supply = new SupplyWorkflow(_workflow, _store, SampleData.Catalog(), directory, approvers, _clock);
    }

    [Fact]
    public async Task Submit_AnItemFlaggedForDelivery_IsDelivered_OneThatIsNot_IsNot()
    {
        var laptop = await ApprovedLaptopAsync();
        var access = (await _workflow.SubmitAsync(SampleData.Actor(SampleData.Megan), new RequestForm("key-vpn", "vpn-access", "Travelling.", "Low",
            new Dictionary<string, string?> { ["device"] = "Company laptop" }))).Request;

        Assert.True(laptop.DeliversItem);
        Assert.False(access?.DeliversItem);
    }

    [Fact]
    public async Task AwaitSupplier_OnlyTeamMembers_NotTheRequester_AndOutsidersLearnNothing()
    {
        var request = await _workflow.AssignToSelfAsync((await ApprovedLaptopAsync()).Id, Adele);
        var day = DateOnly.FromDateTime(SampleData.Start.UtcDateTime).AddDays(4);

        await Assert.ThrowsAsync<NotPermittedException>(() => _supply.AwaitSupplierAsync(request.Id, Alex, "Dell", "PO-1", day, null));
        await Assert.ThrowsAsync<RequestNotVisibleException>(() => _supply.AwaitSupplierAsync(request.Id, Christie, "Dell", "PO-1", day, null));
        var waiting = await _supply.AwaitSupplierAsync(request.Id, Adele, "Dell", "PO-1", day, "Keyboard back-ordered");

        Assert.Equal(RequestState.AwaitingParts, waiting.State);
        Assert.Equal(day, (await _store.GetAsync(request.Id))!.SupplierOrder!.ExpectedOn);
    }

    [Fact]
    public async Task OfferAlternatives_ChecksEveryIdAgainstTheCatalog_AndTheCategory()
    {
        var request = await ApprovedLaptopAsync();

        var unknown = await Assert.ThrowsAsync<RequestRuleException>(() => _supply.OfferAlternativesAsync(request.Id, Adele, ["laptop-developer", "no-such-item"], null));
        var otherCategory = await Assert.ThrowsAsync<RequestRuleException>(() => _supply.OfferAlternativesAsync(request.Id, Adele, ["vpn-access"], null));
        await Assert.ThrowsAsync<NotPermittedException>(() => _supply.OfferAlternativesAsync(request.Id, Alex, ["laptop-developer"], null));
        Assert.Contains("same category (Hardware)", unknown.Message);
        Assert.Equal(unknown.Message, otherCategory.Message);
        Assert.Equal(RequestState.Approved, (await _store.GetAsync(request.Id))!.State);

        var offered = await _supply.OfferAlternativesAsync(request.Id, Adele, ["laptop-developer", "monitor"], "Back in February");
        Assert.Equal(["Developer laptop", "Monitor"], offered.Offer!.Items.Select(i => i.Name));
        Assert.Equal("2,890.00 EUR", offered.Offer.Items[0].CostText);
    }

    [Fact]
    public async Task AlternativesFor_AreTheOtherItemsOfTheCategory_WithoutAutomaticProvisioning()
    {
        var request = await ApprovedLaptopAsync();

        var ids = SupplyWorkflow.AlternativesFor(request, SampleData.Catalog()).Select(i => i.Id).ToList();

        Assert.DoesNotContain("laptop-standard", ids);
        Assert.Contains("laptop-developer", ids);
        Assert.All(ids, id => Assert.Equal("Hardware", SampleData.Item(id).Category));
    }

    [Fact]
    public async Task ChooseAlternative_Dearer_GoesBackToApproval_ByTheManagerAgainAndThenFinance()
    {
        var request = await OfferedAsync();

        var changed = await _supply.ChooseAlternativeAsync(request.Id, Megan, "laptop-developer");

        Assert.Equal(RequestState.AwaitingApproval, changed.State);
        Assert.Equal(("laptop-developer", "Developer laptop", "2,890.00 EUR"), (changed.CatalogItemId, changed.ItemName, changed.CostText));
        // The developer laptop's form has every field of the standard one (and an operating system, not asked).
        Assert.Equal(["costCentre", "deliveryLocation", "keyboardLayout"], changed.Fields.Keys.Order());
        Assert.Equal(SampleData.Item("laptop-developer").Fields.Select(f => f.Label), changed.FieldLabels.Select(l => l.Label));
        Assert.Equal([SampleData.Alex], changed.PendingStage!.Approvers.Select(a => a.Id));
        Assert.Equal(2, changed.Approvals.Count - changed.ApprovalRoundStart);
        Assert.Contains("costs more than what was approved", changed.History.Single(h => h.Action == AuditAction.RequestReapproval).Comment);

        await _workflow.DecideAsync(request.Id, Alex, approve: true, null, changed.CurrentStage);
        var finance = (await _store.GetAsync(request.Id))!;
        var approved = await _workflow.DecideAsync(request.Id, finance.PendingStage!.Approvers[0], approve: true, null, finance.CurrentStage);
        Assert.Equal(RequestState.Approved, approved.State);
    }

    [Fact]
    public async Task ChooseAlternative_Cheaper_GoesOnWithTheTeam_AndAgainIsRefusedWithoutChangingAnything()
    {
        var request = await OfferedAsync();

        var changed = await _supply.ChooseAlternativeAsync(request.Id, Megan, "monitor");
        var again = await Assert.ThrowsAsync<RequestRuleException>(() => _supply.ChooseAlternativeAsync(request.Id, Megan, "monitor"));

        Assert.Equal(RequestState.InProgress, changed.State);
        Assert.Equal(["deliveryLocation"], changed.Fields.Keys);
        Assert.Equal("You already chose Monitor.", again.Message);
        Assert.Equal(changed.Version, (await _store.GetAsync(request.Id))!.Version);
    }

    [Fact]
    public async Task ChooseAlternative_OnlyTheRequester_OthersWhoMayViewAreToldNo_OutsidersLearnNothing()
    {
        var request = await OfferedAsync();

        await Assert.ThrowsAsync<NotPermittedException>(() => _supply.ChooseAlternativeAsync(request.Id, Adele, "monitor"));
        await Assert.ThrowsAsync<NotPermittedException>(() => _supply.KeepWaitingAsync(request.Id, Alex));
        var outsider = await Assert.ThrowsAsync<RequestNotVisibleException>(() => _supply.ChooseAlternativeAsync(request.Id, Christie, "monitor"));
        var missing = await Assert.ThrowsAsync<RequestNotVisibleException>(() => _supply.ChooseAlternativeAsync("REQ-999999", Christie, "monitor"));
        Assert.Equal(missing.Message.Replace("REQ-999999", "#"), outsider.Message.Replace(request.Id, "#"));
        Assert.True((await _store.GetAsync(request.Id))!.IsOfferOpen);
    }

    [Fact]
    public async Task Delivery_TheTeamSendsIt_OnlyTheRequesterAcknowledgesIt()
    {
        var request = await ApprovedLaptopAsync();
        await _workflow.AssignToSelfAsync(request.Id, Adele);

        await Assert.ThrowsAsync<NotPermittedException>(() => _supply.SendForDeliveryAsync(request.Id, Megan, "DHL", "JD1"));
        await _supply.SendForDeliveryAsync(request.Id, Adele, "DHL", "JD1");
        await Assert.ThrowsAsync<NotPermittedException>(() => _supply.AcknowledgeReceiptAsync(request.Id, Adele));
        await Assert.ThrowsAsync<RequestNotVisibleException>(() => _supply.AcknowledgeReceiptAsync(request.Id, Christie));
        var received = await _supply.AcknowledgeReceiptAsync(request.Id, Megan);

        Assert.Equal(RequestState.Fulfilled, received.State);
        Assert.Equal(Megan, received.Delivery!.ReceivedBy);
    }

    private async Task<ServiceRequest> OfferedAsync()
    {
        var request = await ApprovedLaptopAsync();
        return await _supply.OfferAlternativesAsync(request.Id, Adele, ["laptop-developer", "monitor"], null);
    }

    private async Task<ServiceRequest> ApprovedLaptopAsync()
    {
        var form = new RequestForm("key-laptop", "laptop-standard", "My laptop is five years old and too slow.", "Medium",
            new Dictionary<string, string?> { ["costCentre"] = "CC-4711", ["deliveryLocation"] = "Berlin office", ["keyboardLayout"] = "UK" });
        var request = (await _workflow.SubmitAsync(SampleData.Actor(SampleData.Megan), form)).Request!;
        return await _workflow.DecideAsync(request.Id, Alex, approve: true, null, 0);
    }
}
