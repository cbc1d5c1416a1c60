using System.Text.Json.Nodes;
using ChatRequests.Cards.Actions;

namespace ChatRequests.Cards.Tests.Actions;

/// <summary>The clicks of suppliers, stock and delivery, read from data anyone can forge.</summary>
public class SupplyActionDataTests
{
    [Fact]
    public void SetStatus_ReadsTheSupplierInputs_AndADayOnlyInTheDateInputsFormat()
    {
        var data = new JsonObject
        {
            [CardInputs.RequestId] = "REQ-000042",
            [CardInputs.Status] = "AwaitingParts",
            [CardInputs.Supplier] = "Dell",
            [CardInputs.OrderReference] = "PO-1",
            [CardInputs.ExpectedOn] = "2026-12-24",
        };

        var parsed = (SetStatusData)CardActionData.Parse(CardVerbs.AgentStatus, data);
        data[CardInputs.ExpectedOn] = "24/12/2026";
        var notADay = (SetStatusData)CardActionData.Parse(CardVerbs.AgentStatus, data);
        var none = (SetStatusData)CardActionData.Parse(CardVerbs.AgentStatus, new JsonObject { [CardInputs.RequestId] = "REQ-000042", [CardInputs.Status] = "AwaitingParts" });

        Assert.Equal(("Dell", "PO-1", new DateOnly(2026, 12, 24), true), (parsed.Supplier, parsed.OrderReference, parsed.ExpectedOn, parsed.NamesSupplier));
        // A date the input would never send still counts as the agent naming a supplier: the domain asks for the date.
        Assert.Equal((null, true), (notADay.ExpectedOn, notADay.NamesSupplier));
        Assert.False(none.NamesSupplier);
    }

    [Fact]
    public void OutOfStock_TakesTheChosenDropDownsOnce_InOrder_AndNothingElse()
    {
        var data = new JsonObject
        {
            [CardInputs.RequestId] = "REQ-000042",
            [CardInputs.Alternative(1)] = "laptop-developer",
            [CardInputs.Alternative(2)] = " ",
            [CardInputs.Alternative(3)] = "laptop-developer",
            ["alternative4"] = "monitor",
            [CardInputs.OfferNote] = "Back in February",
        };

        Assert.Equal(new OfferAlternativesData("REQ-000042", ["laptop-developer"], "Back in February"), CardActionData.Parse(CardVerbs.AgentOutOfStock, data));
    }

    [Fact]
    public void RequesterClicks_CarryOnlyTheRequestAndTheItem()
    {
        var data = new JsonObject { [CardInputs.RequestId] = "REQ-000042", [CardInputs.ItemId] = "laptop-developer" };

        Assert.Equal(new ChooseAlternativeData("REQ-000042", "laptop-developer"), CardActionData.Parse(CardVerbs.RequesterChoose, data));
        Assert.Equal(new KeepWaitingData("REQ-000042"), CardActionData.Parse(CardVerbs.RequesterKeepWaiting, data));
        Assert.Equal(new AcknowledgeReceiptData("REQ-000042"), CardActionData.Parse(CardVerbs.RequesterReceived, data));
        Assert.Equal(new SendForDeliveryData("REQ-000042", "DHL", null),
            CardActionData.Parse(CardVerbs.AgentDeliver, new JsonObject { [CardInputs.RequestId] = "REQ-000042", [CardInputs.Carrier] = "DHL" }));
        Assert.Throws<InvalidCardDataException>(() => CardActionData.Parse(CardVerbs.RequesterChoose, new JsonObject { [CardInputs.RequestId] = "REQ-000042" }));
    }
}
