using ChatRequests.Core.Approvals;
using ChatRequests.Core.Assignment;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Provisioning;
using ChatRequests.Core.Reporting;
using ChatRequests.Core.Sla;
using ChatRequests.Core.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRequests.Core.Fulfilment;

/// <summary>
/// What <see cref="FulfilmentHandler"/>'s optional steps run on. A host passes all it has (<see cref="From"/>: every
/// one but the Graph provisioner is required there, so a host that lacks one fails to build the handler instead of
/// running without the step); a test of other steps says
/// <see cref="None"/>, or <c>None with { ... }</c> for the step it exercises.
/// </summary>
/// <param name="Provisioner">Null where nothing provisions through Microsoft Graph (the embedded default): agents do the group and licence steps by hand.</param>
/// <param name="Webhooks">The sender of webhook steps (<see cref="ProvisioningRun"/>); null: webhook steps are left to the team.</param>
/// <param name="StandIns">Who an unreachable approver's stage goes to; null: the stage's fallbacks as they are.</param>
/// <param name="Directory">The teams' calendars, on which a rerouted stage's reminder counts; null: every hour counts.</param>
/// <param name="Assignment">The teams' assignment rules on approval; null: every team assigns by hand.</param>
/// <param name="Escalations">Who a P1 or VIP request is escalated to at once; null: nobody, it escalates by the SLA alone.</param>
/// <param name="Approvers">Works out the fallbacks of a stage stored before they were kept; null: such a stage has none.</param>
/// <param name="Catalog">The item whose approver group such a stage falls back to.</param>
/// <param name="ResolutionRules">The quality check and closing of a request fulfilled by automatic provisioning; null: neither.</param>
/// <param name="Facts">The reporting projection the events keep up to date; null where something else does (the Cosmos DB change feed).</param>
public sealed record FulfilmentCollaborators(
    IProvisioner? Provisioner,
    IWebhookSender? Webhooks,
    StandInFinder? StandIns,
    IDirectory? Directory,
    TeamAssignment? Assignment,
    EscalationContactsFinder? Escalations,
    ApproverResolver? Approvers,
    ICatalog? Catalog,
    ResolutionRulesFinder? ResolutionRules,
    FactsProjection? Facts = null)
{
    /// <summary>None of the optional steps: approval cards, team cards and notices only.</summary>
    public static FulfilmentCollaborators None { get; } = new(null, null, null, null, null, null, null, null, null);

    /// <summary>Everything a host has; only the provisioner may be missing (it is registered with Graph alone).</summary>
    public static FulfilmentCollaborators From(IServiceProvider services) => new(
        services.GetService<IProvisioner>(),
        services.GetRequiredService<IWebhookSender>(),
        services.GetRequiredService<StandInFinder>(),
        services.GetRequiredService<IDirectory>(),
        services.GetRequiredService<TeamAssignment>(),
        services.GetRequiredService<EscalationContactsFinder>(),
        services.GetRequiredService<ApproverResolver>(),
        services.GetRequiredService<ICatalog>(),
        services.GetRequiredService<ResolutionRulesFinder>(),
        // Registered by the store whose projection the events keep (SQLite); the Cosmos DB change feed keeps its own.
        services.GetService<FactsProjection>());
}
