using ChatRequests.Core.Approvals;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Tests.Supply;

/// <summary>Out of stock: alternatives offered by the team, one chosen by the requester, and a new approval round when the change needs it.</summary>
public sealed class ServiceRequestItemChangeTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly PersonRef Requester = new("u-rita", "Rita Requester");
    private static readonly PersonRef Manager = new("u-mark", "Mark Manager");
    private static readonly PersonRef Finance = new("u-fay", "Fay Finance");
    private static readonly PersonRef Agent = new("u-ann", "Ann Agent");
    private static readonly OfferedItem Developer = new("laptop-developer", "Developer laptop", "2,890.00 EUR", "16-inch");
    private static readonly OfferedItem Refurbished = new("laptop-refurb", "Refurbished laptop", "900.00 EUR", "");

    [Fact]
    public void OfferAlternatives_WaitsAsForParts_RecordsTheOffer_AndRaisesTheRequestersCard()
    {
        var request = Approved();

        request.OfferAlternatives(Agent, [Developer, Refurbished], "The standard model is gone until February", Start.AddHours(1));

        Assert.Equal(RequestState.AwaitingParts, request.State);
        Assert.True(request.IsOfferOpen);
        Assert.Equal(["laptop-developer", "laptop-refurb"], request.Offer!.Items.Select(i => i.ItemId));
        Assert.Equal("Standard laptop", request.Offer.OutOfStockItem);
        Assert.Equal(Agent, request.Assignee);
        Assert.Equal(AuditAction.OfferAlternatives, LastLine(request).Action);
        Assert.Equal(RequestEventType.AlternativesOffered, request.Outbox[^1].Type);
        Assert.Equal(("Rita Requester", "You"), (RequestProgress.HeldBy(request, Agent.Id), RequestProgress.HeldBy(request, Requester.Id)));
        Assert.StartsWith("You need to choose one of the alternatives", RequestProgress.NextStep(request, Requester.Id));
    }

    [Fact]
    public void OfferAlternatives_NoneTooManyTheSameItemOrTwice_IsRefused()
    {
        var request = Approved();
        OfferedItem[][] wrong =
        [
            [],
            [Developer, Refurbished, Developer with { ItemId = "x" }, Refurbished with { ItemId = "y" }],
            [Developer with { ItemId = "laptop-standard" }],
            [Developer, Developer],
        ];

        foreach (var items in wrong)
        {
            Assert.Throws<RequestRuleException>(() => request.OfferAlternatives(Agent, items, null, Start.AddHours(1)));
        }

        Assert.Null(request.Offer);
        Assert.Equal(RequestState.Approved, request.State);
    }

    [Fact]
    public void ChooseAlternative_CheaperOnTheSamePolicy_GoesOnWithTheTeamAtOnce_WithTheNewItem()
    {
        var request = Offered();

        request.ChooseAlternative(Requester, Replacement(Refurbished, 900m), [], null, Start.AddHours(2));

        Assert.Equal(RequestState.InProgress, request.State);
        Assert.Equal(("laptop-refurb", "Refurbished laptop", "900.00 EUR"), (request.CatalogItemId, request.ItemName, request.CostText));
        Assert.Equal(new Dictionary<string, string> { ["deliveryLocation"] = "Berlin office" }, request.Fields);
        Assert.Equal((AuditAction.ChangeItem, Requester), (LastLine(request).Action, LastLine(request).Actor));
        Assert.Equal("Changed from Standard laptop to Refurbished laptop by the requester", LastLine(request).Comment);
        Assert.Equal(RequestEventType.ItemChosen, request.Outbox[^1].Type);
        Assert.False(request.IsOfferOpen);
        Assert.Equal("laptop-refurb", request.Offer!.ChosenItemId);
    }

    [Fact]
    public void ChooseAlternative_NeedingApproval_StartsANewRound_InWhichTheManagerWhoApprovedBeforeMayApproveAgain()
    {
        var request = Offered();
        ApprovalStage[] round = [new("Manager", [Manager]), new("Finance", [Finance])];

        request.ChooseAlternative(Requester, Replacement(Developer, 2890m), round, "Developer laptop costs more than what was approved", Start.AddHours(2));

        Assert.Equal(RequestState.AwaitingApproval, request.State);
        Assert.Equal((1, 1, 3), (request.ApprovalRoundStart, request.CurrentStage, request.Approvals.Count));
        Assert.Equal([Manager], request.PendingStage!.Approvers);
        Assert.Contains("approval needed again: Developer laptop costs more than what was approved", request.History.Single(h => h.Action == AuditAction.RequestReapproval).Comment);
        Assert.Equal([RequestEventType.ItemChosen, RequestEventType.ApprovalRequested], request.Outbox.TakeLast(2).Select(e => e.Type));

        request.Decide(Manager, approve: true, "Fine", 1, Start.AddHours(3));
        request.Decide(Finance, approve: true, null, 2, Start.AddHours(4));

        Assert.Equal(RequestState.Approved, request.State);
        Assert.Equal(RequestEventType.Approved, request.Outbox[^1].Type);
    }

    [Fact]
    public void ChooseAlternative_OnlyOnce_AndOnlyByTheRequester_AndOnlyAnItemOffered()
    {
        var request = Offered();
        Assert.Throws<NotPermittedException>(() => request.ChooseAlternative(Agent, Replacement(Refurbished, 900m), [], null, Start.AddHours(2)));
        var notOffered = Assert.Throws<RequestRuleException>(() =>
            request.ChooseAlternative(Requester, Replacement(Refurbished with { ItemId = "monitor" }, 9m), [], null, Start.AddHours(2)));
        Assert.Contains("not among the alternatives", notOffered.Message);

        request.ChooseAlternative(Requester, Replacement(Refurbished, 900m), [], null, Start.AddHours(2));
        var history = request.History.Count;
        var events = request.Outbox.Count;

        var again = Assert.Throws<RequestRuleException>(() => request.ChooseAlternative(Requester, Replacement(Refurbished, 900m), [], null, Start.AddHours(2)));
        Assert.Equal("You already chose Refurbished laptop.", again.Message);
        Assert.Throws<RequestRuleException>(() => request.KeepWaiting(Requester, Start.AddHours(3)));
        Assert.Equal((history, events), (request.History.Count, request.Outbox.Count));
    }

    [Fact]
    public void KeepWaiting_KeepsTheItemAndTheState_AndTellsTheTeam()
    {
        var request = Offered();

        request.KeepWaiting(Requester, Start.AddHours(2));

        Assert.Equal((RequestState.AwaitingParts, "laptop-standard"), (request.State, request.CatalogItemId));
        Assert.True(request.Offer!.KeptWaiting);
        Assert.Equal((AuditAction.KeepWaiting, Requester), (LastLine(request).Action, LastLine(request).Actor));
        Assert.Equal(RequestEventType.ItemChosen, request.Outbox[^1].Type);
    }

    [Fact]
    public void AnOfferOvertakenByTheTeam_CannotBeAnsweredAnyMore()
    {
        var request = Offered();
        request.SetStatus(Agent, RequestState.InProgress, "Found one in the storeroom", Start.AddHours(2));

        var refusal = Assert.Throws<RequestRuleException>(() => request.ChooseAlternative(Requester, Replacement(Refurbished, 900m), [], null, Start.AddHours(3)));

        Assert.Contains("no longer open", refusal.Message);
        Assert.Equal("laptop-standard", request.CatalogItemId);
    }

    [Fact]
    public void Reapproval_CheaperOrSamePolicy_NeedsNone_DearerNeedsEveryStage_ANewStageOnlyThatOne()
    {
        var request = Offered();
        ApprovalStage[] manager = [new("Manager", [Manager])];
        ApprovalStage[] managerAndFinance = [new("Manager", [Manager]), new("Finance", [Finance])];

        Assert.Empty(Reapproval.For(request, "Refurbished laptop", 1450m, 900m, manager).Stages);
        Assert.Empty(Reapproval.For(request, "Same price", 1450m, 1450m, manager).Stages);
        Assert.Empty(Reapproval.For(request, "No approval", 1450m, 2000m, []).Stages);
        Assert.Equal(managerAndFinance, Reapproval.For(request, "Developer laptop", 1450m, 2890m, managerAndFinance).Stages);
        Assert.Equal(manager, Reapproval.For(request, "Priced", null, 10m, manager).Stages);

        var finance = Reapproval.For(request, "Secure laptop", 1450m, 1450m, managerAndFinance);
        Assert.Equal([managerAndFinance[1]], finance.Stages);
        Assert.Equal("Secure laptop needs approval by Finance, which the request has not had", finance.Why);
    }

    private static ItemReplacement Replacement(OfferedItem item, decimal cost) => new(
        item.ItemId, item.Name, "Hardware", item.CostText, cost,
        new Dictionary<string, string> { ["deliveryLocation"] = "Berlin office" }, [new("deliveryLocation", "Delivery location")], Delivery: true);

    /// <summary>A standard laptop approved by <see cref="Manager"/>, out of stock with two alternatives offered.</summary>
    private static ServiceRequest Offered()
    {
        var request = Approved();
        request.OfferAlternatives(Agent, [Developer, Refurbished], null, Start.AddHours(1));
        return request;
    }

    private static ServiceRequest Approved()
    {
        var request = ServiceRequest.Submit(
            new ServiceRequest.Draft(
                "REQ-000042", "form-42", Requester, "laptop-standard", "Standard laptop", "Hardware", "1,450.00 EUR", "Old laptop.",
                new Dictionary<string, string> { ["deliveryLocation"] = "Berlin office", ["keyboardLayout"] = "UK" },
                PriorityMatrix.Assess(Impact.Low, Urgency.Medium), "team-hardware", "Hardware Service",
                Start.AddHours(40), [new ApprovalStage("Manager", [Manager])], DeliversItem: true),
            Start);
        request.Decide(Manager, approve: true, null, 0, Start.AddMinutes(30));
        return request;
    }

    /// <summary>The request's last history line but the clock's own (waiting for parts pauses the target clock, and leaving it resumes it).</summary>
    private static AuditEntry LastLine(ServiceRequest request) =>
        request.History.Last(h => h.Action != AuditAction.ClockPaused && h.Action != AuditAction.ClockResumed);
}
