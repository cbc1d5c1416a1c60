namespace ChatRequests.Core.Provisioning;

/// <summary>What can be done automatically once a request is approved.</summary>
public enum ProvisioningAction
{
    /// <summary>Add the requester to an Entra ID group (file share, application, group-based licence).</summary>
    AddToGroup,
}

/// <summary>
/// The automatic fulfilment of a catalog item, copied onto each request when it is logged so that a later change to
/// the catalog does not change what an approved request does.
/// </summary>
public sealed record ProvisioningPlan
{
    /// <summary>Null only in a catalog file that left it out; the catalog check reports it.</summary>
    public ProvisioningAction? Action { get; init; }

    /// <summary>The object id of the Entra ID group.</summary>
    public string GroupId { get; init; } = "";

    /// <summary>The group's name as people read it ("Finance share readers").</summary>
    public string GroupName { get; init; } = "";
}

/// <summary>Where the automatic provisioning of a request stands.</summary>
public enum ProvisioningStatus
{
    /// <summary>Not done yet: waiting for the background step, or for an agent where nothing provisions automatically.</summary>
    Pending,
    /// <summary>Done automatically.</summary>
    Done,
    /// <summary>Refused for good (no such group, no permission): an agent must do it by hand.</summary>
    Failed,
}
