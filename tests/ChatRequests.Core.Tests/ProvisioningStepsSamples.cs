using ChatRequests.Core.Priority;
using ChatRequests.Core.Provisioning;
using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Tests;

/// <summary>A joiner's item with every kind of step: a group, out of another group, a licence, and the procurement webhook.</summary>
public static class ProvisioningStepsSamples
{
    public static readonly PersonRef Requester = new("u-megan", "Megan Bowen");
    public static readonly PersonRef Manager = new("u-alex", "Alex Wilber");
    public const string Readers = "6b1f3a52-3c1e-4f0b-9a57-5d1d0c2f9e11";
    public const string Contractors = "6b1f3a52-3c1e-4f0b-9a57-5d1d0c2f9e12";
    public const string E3 = "05e9a617-0261-4cee-bb44-138d3ef5d965";

    public static readonly ProvisioningPlan JoinerPlan = new()
    {
        Steps =
        [
            new ProvisioningStep { Kind = ProvisioningStepKind.AddToGroup, GroupId = Readers, GroupName = "Finance share readers" },
            new ProvisioningStep { Kind = ProvisioningStepKind.RemoveFromGroup, GroupId = Contractors, GroupName = "Contractors" },
            new ProvisioningStep { Kind = ProvisioningStepKind.AssignLicence, SkuId = E3, SkuName = "Microsoft 365 E3" },
            new ProvisioningStep { Kind = ProvisioningStepKind.Webhook, Url = "https://procurement.contoso.example/hooks/chatrequests", Secret = "procurement", Name = "Procurement" },
        ],
    };

    public static ServiceRequest Submit(ProvisioningPlan plan, DateTimeOffset at, string id = "REQ-000042", params ApprovalStage[] stages) =>
        ServiceRequest.Submit(
            new ServiceRequest.Draft(
                id, "form-" + id, Requester, "finance-joiner", "Finance joiner kit", "Access", null,
                "I join Controlling on Monday.", new Dictionary<string, string> { ["department"] = "Controlling" },
                PriorityMatrix.Assess(Impact.Low, Urgency.Medium), "team-identity", "Identity & Access", at.AddHours(8), stages, plan),
            at);
}
