using ChatRequests.Core.Provisioning;
using ChatRequests.Core.Requests;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.Core.Tests.Storage;

/// <summary>
/// Requests in the shapes a store holds, each built by the domain's own commands. Their documents as
/// <see cref="ChatRequests.Core.Storage.RequestJson.Options"/> wrote them on 2026-12-07 are the files in Storage/Documents,
/// one per name (outbox event ids are new on each build, so the tests compare with the files, not with a new build).
/// </summary>
public static class StoredDocuments
{
    public static readonly IReadOnlyDictionary<string, Func<ServiceRequest>> Requests = new Dictionary<string, Func<ServiceRequest>>
    {
        ["full-lifecycle"] = () => FullLifecycle("REQ-000101"),
        ["second-stage-pending"] = SecondStagePending,
        ["rejected-at-second-stage"] = RejectedAtSecondStage,
        ["cancelled"] = Cancelled,
        ["reopened-and-reassigned"] = ReopenedAndReassigned,
        ["parts-on-order"] = PartsOnOrder,
        ["alternatives-offered"] = AlternativesOffered,
        ["provisioning-pending"] = ProvisioningPending,
    };

    private static ServiceRequest SecondStagePending()
    {
        var request = Submit("REQ-000102", Start, stages: [ManagerStage(), SecurityStage()]);
        request.Decide(Bob, approve: true, "Approved, budget line 4", 0, Start.AddHours(1));
        request.AskSomeoneElse(Carol, Erin, 1, Start.AddHours(2));
        return request;
    }

    private static ServiceRequest RejectedAtSecondStage()
    {
        var request = Submit("REQ-000103", Start, stages: [ManagerStage(), SecurityStage()]);
        request.Decide(Bob, approve: true, null, 0, Start.AddHours(1));
        request.Decide(Dave, approve: false, "Not on the approved hardware list", 1, Start.AddHours(3));
        return request;
    }

    private static ServiceRequest Cancelled()
    {
        var request = Submit("REQ-000104", Start, stages: [ManagerStage()]);
        request.Cancel(Alice, "Found a spare one in the office", Start.AddMinutes(30));
        return request;
    }

    private static ServiceRequest ReopenedAndReassigned()
    {
        var request = Submit("REQ-000105", Start);
        request.Assign(Erin, Erin, Start.AddHours(1));
        request.Resolve(Erin, "Replaced the battery", Start.AddHours(2));
        request.Reopen(Alice, "Still only lasts an hour", Start.AddHours(3));
        request.Reassign(Erin, Carol, Start.AddHours(4));
        request.SetStatus(Carol, RequestState.InProgress, "Ordering a new unit", Start.AddHours(5));
        return request;
    }

    private static ServiceRequest PartsOnOrder()
    {
        var request = Submit("REQ-000106", Start, deliversItem: true);
        request.Assign(Erin, Erin, Start.AddHours(1));
        request.AwaitSupplier(Erin, "Contoso Supplies", "PO-7781", DateOnly.FromDateTime(Start.AddDays(5).Date), "Two units", Start.AddHours(2), TimeZoneInfo.Utc);
        request.PutOffEvent(request.Outbox[0].Id, "Teams throttled the post", Start.AddHours(2).AddSeconds(30));
        return request;
    }

    private static ServiceRequest AlternativesOffered()
    {
        var request = Submit("REQ-000107", Start);
        request.Assign(Erin, Erin, Start.AddHours(1));
        request.OfferAlternatives(
            Erin,
            [new("laptop-13", "13-inch laptop", "999.00 EUR", "Lighter, in stock"), new("laptop-16", "16-inch laptop", null, "Back order")],
            "The 14-inch model is discontinued",
            Start.AddHours(2));
        return request;
    }

    private static ServiceRequest ProvisioningPending()
    {
        var draft = Submit("REQ-000108", Start);
        var request = ServiceRequest.Submit(
            new ServiceRequest.Draft(
                "REQ-000108", "form-REQ-000108", Alice, "finance-share", "Finance share", "Access", null, "Month-end reports",
                new Dictionary<string, string> { ["reason"] = "Month-end" }, draft.Priority, "team-access", "Access team",
                Start.AddHours(8), [],
                Provisioning: new ProvisioningPlan
                {
                    Action = ProvisioningAction.AddToGroup,
                    GroupId = "6b1f3a52-3c1e-4f0b-9a57-5d1d0c2f9e11",
                    GroupName = "Finance share readers",
                }),
            Start);
        return request;
    }
}
