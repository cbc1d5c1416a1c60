using ChatRequests.Core.Priority;
using ChatRequests.Core.Provisioning;
using ChatRequests.Core.Requests;

namespace ChatRequests.PortContracts;

/// <summary>Requests whose automatic provisioning put someone in a group (or took them out): what access reviews read.</summary>
public static class GrantedRequests
{
    /// <summary>
    /// A request of <paramref name="person"/> for an item of <paramref name="teamId"/> with one group step, approved
    /// without a stage and provisioned a minute after <paramref name="at"/>.
    /// </summary>
    public static ServiceRequest Granted(
        string id, PersonRef person, string teamId, string groupId, string groupName, string itemName, DateTimeOffset at,
        ProvisioningStepKind kind = ProvisioningStepKind.AddToGroup)
    {
        var plan = new ProvisioningPlan { Steps = [new ProvisioningStep { Kind = kind, GroupId = groupId, GroupName = groupName }] };
        var request = ServiceRequest.Submit(
            new ServiceRequest.Draft(
                id, "form-" + id, person, "item-" + groupId, itemName, "Access", null, "I need it for my work.", new Dictionary<string, string>(),
                PriorityMatrix.Assess(Impact.Low, Urgency.Medium), teamId, "Identity & Access", at.AddHours(8), [], plan),
            at);
        request.CompleteProvisioningStep(0, at.AddMinutes(1));
        return request;
    }
}
