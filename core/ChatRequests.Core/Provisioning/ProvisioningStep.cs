namespace ChatRequests.Core.Provisioning;

/// <summary>What one provisioning step does to the requester (catalog spelling: camelCase, <c>"kind": "addToGroup"</c>).</summary>
public enum ProvisioningStepKind
{
    /// <summary>Add the requester to an Entra ID group (Microsoft Graph).</summary>
    AddToGroup,
    /// <summary>Take the requester out of an Entra ID group, for leavers and changes (Microsoft Graph).</summary>
    RemoveFromGroup,
    /// <summary>Assign the requester a licence (Microsoft Graph <c>assignLicense</c>).</summary>
    AssignLicence,
    /// <summary>POST the request's data, signed, to an HTTPS endpoint (a runbook, a procurement system).</summary>
    Webhook,
}

/// <summary>
/// One step of a <see cref="ProvisioningPlan"/>. Which properties count depends on <see cref="Kind"/>: groups take
/// <see cref="GroupId"/> and <see cref="GroupName"/>, a licence <see cref="SkuId"/>, <see cref="SkuName"/> and optional
/// <see cref="DisabledPlans"/>, a webhook <see cref="Url"/>, <see cref="Secret"/> and <see cref="Name"/>. The catalog
/// check refuses a step without what its kind needs.
/// </summary>
public sealed record ProvisioningStep
{
    /// <summary>Null only in a catalog file that left it out; the catalog check reports it.</summary>
    public ProvisioningStepKind? Kind { get; init; }

    /// <summary>The object id of the Entra ID group (addToGroup, removeFromGroup).</summary>
    public string? GroupId { get; init; }

    /// <summary>The group's name as people read it.</summary>
    public string? GroupName { get; init; }

    /// <summary>The id (GUID) of the licence's subscribed SKU (assignLicence).</summary>
    public string? SkuId { get; init; }

    /// <summary>The licence's name as people read it ("Microsoft 365 E3").</summary>
    public string? SkuName { get; init; }

    /// <summary>Service plans (GUIDs) of the licence to leave switched off.</summary>
    public IReadOnlyList<string> DisabledPlans { get; init; } = [];

    /// <summary>Where the webhook posts: https, or http to 127.0.0.1 (tests).</summary>
    public string? Url { get; init; }

    /// <summary>The name of the webhook's signing secret in configuration (<c>Provisioning:Webhooks:Secrets:&lt;name&gt;</c>), never the secret.</summary>
    public string? Secret { get; init; }

    /// <summary>Who receives the webhook, as people read it ("the procurement system").</summary>
    public string? Name { get; init; }

    /// <summary>True for the steps only Microsoft Graph can do (groups and licences).</summary>
    public bool NeedsGraph => Kind is not ProvisioningStepKind.Webhook;

    /// <summary>What to do, for the team: "add Megan Bowen to Finance share readers".</summary>
    public string ToDo(string person) => Kind switch
    {
        ProvisioningStepKind.RemoveFromGroup => $"remove {person} from {GroupName}",
        ProvisioningStepKind.AssignLicence => $"assign {person} the {SkuName} licence",
        ProvisioningStepKind.Webhook => $"send the request to {Name}",
        _ => $"add {person} to {GroupName}",
    };

    /// <summary>What was done, for the team card: "Megan Bowen added to Finance share readers".</summary>
    public string DoneTo(string person) => Kind switch
    {
        ProvisioningStepKind.RemoveFromGroup => $"{person} removed from {GroupName}",
        ProvisioningStepKind.AssignLicence => $"{person} assigned the {SkuName} licence",
        ProvisioningStepKind.Webhook => $"the request sent to {Name}",
        _ => $"{person} added to {GroupName}",
    };

    /// <summary>What was done: "Added Megan Bowen to Finance share readers", or with "you" for the requester.</summary>
    public string Done(string person) => Kind switch
    {
        ProvisioningStepKind.RemoveFromGroup => $"Removed {person} from {GroupName}",
        ProvisioningStepKind.AssignLicence => $"Assigned {person} the {SkuName} licence",
        ProvisioningStepKind.Webhook => $"Sent the request to {Name}",
        _ => $"Added {person} to {GroupName}",
    };
}

/// <summary>Where one step of a request's provisioning stands: done or failed (with the reason) at a time, or pending.</summary>
public sealed record ProvisioningStepProgress(ProvisioningStatus Status, DateTimeOffset? At = null, string? Reason = null)
{
    public static readonly ProvisioningStepProgress Pending = new(ProvisioningStatus.Pending);
}
