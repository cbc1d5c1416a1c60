using System.Text.Json.Serialization;

namespace ChatRequests.Core.Provisioning;

/// <summary>The one action of the first catalog format (<c>"action": "AddToGroup"</c>); newer items list steps.</summary>
public enum ProvisioningAction
{
    /// <summary>Add the requester to an Entra ID group (file share, application, group-based licence).</summary>
    AddToGroup,
}

/// <summary>
/// The automatic fulfilment of a catalog item, copied onto each request when it is logged so that a later change to
/// the catalog does not change what an approved request does. Either a list of <see cref="Steps"/>, or the first
/// format's single AddToGroup (<see cref="Action"/>, <see cref="GroupId"/>, <see cref="GroupName"/>), which existing
/// catalogs and stored requests still use and which means one AddToGroup step.
/// </summary>
public sealed record ProvisioningPlan
{
    /// <summary>The first format's action; null in a plan of <see cref="Steps"/> (or a catalog that left it out: the check reports it).</summary>
    public ProvisioningAction? Action { get; init; }

    /// <summary>The object id of the Entra ID group (first format).</summary>
    public string GroupId { get; init; } = "";

    /// <summary>The group's name as people read it ("Finance share readers"; first format).</summary>
    public string GroupName { get; init; } = "";

    /// <summary>The steps, run in this order; null in the first format.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ProvisioningStep>? Steps { get; init; }

    /// <summary>What runs, in order: <see cref="Steps"/>, or the first format's action as one step.</summary>
    [JsonIgnore]
    public IReadOnlyList<ProvisioningStep> StepList => Steps ?? (Action == ProvisioningAction.AddToGroup
        ? [new ProvisioningStep { Kind = ProvisioningStepKind.AddToGroup, GroupId = GroupId, GroupName = GroupName }]
        : []);
}

/// <summary>Where the automatic provisioning of a request, or one of its steps, stands.</summary>
public enum ProvisioningStatus
{
    /// <summary>Not done yet: waiting for the background step, or for an agent where nothing provisions automatically.</summary>
    Pending,
    /// <summary>Done automatically.</summary>
    Done,
    /// <summary>Refused for good (no such group, no permission): an agent must do it by hand.</summary>
    Failed,
}
