using System.ComponentModel.DataAnnotations;
using ChatRequests.Core.Organisation;

namespace ChatRequests.Azure.Graph;

/// <summary>
/// The Microsoft Graph directory: people and managers come from Graph; fulfilment teams and approver groups
/// are defined here, and their members are the members of the Entra ID group each one names.
/// </summary>
public sealed class GraphDirectoryOptions
{
    public const string SectionName = "Directory";

    /// <summary>The Graph endpoint with its version. Tests point it at a loopback server.</summary>
    [Required, Url]
    public string GraphBaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>The token scope; the app's Graph application permissions (User.Read.All, GroupMember.ReadWrite.All, MailboxSettings.Read; infra/README.md) come with it.</summary>
    [Required]
    public string Scope { get; set; } = "https://graph.microsoft.com/.default";

    /// <summary>The client id of the user-assigned managed identity; empty for a system-assigned one or a developer login.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>How long people and group members are reused before Graph is asked again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long reading someone's automatic replies may take, retries included, before they are treated as not away:
    /// the read happens while an approval is routed, which must not wait on a slow mailbox.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan AbsenceTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries of a throttled (429) or unavailable (503, 504) Graph call, waiting as Retry-After says.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The working calendar of every team that has none of its own; none means always open.</summary>
    public CalendarDefinition? Calendar { get; set; }

    /// <summary>How the resolved requests of every team without its own close by themselves; none: they wait for the requester.</summary>
    public ClosureSettings? Closure { get; set; }

    public List<TeamDefinition> Teams { get; set; } = [];

    public List<ApproverGroupDefinition> ApproverGroups { get; set; } = [];

    /// <summary>The cost centres and their budget owners (Entra object ids), for CostCentreOwner approval stages.</summary>
    public List<CostCentre> CostCentres { get; set; } = [];

    /// <summary>Who gets which items without approval.</summary>
    public List<Entitlement> Entitlements { get; set; } = [];

    /// <summary>The escalation ladder's settings; its group ids name <see cref="ApproverGroups"/> entries.</summary>
    public EscalationSettings? Escalation { get; set; }

    /// <summary>Auditors, retention, access reviews and report flags; its group id names an <see cref="ApproverGroups"/> entry.</summary>
    public GovernanceSettings? Governance { get; set; }
}

/// <summary>A fulfilment team; its members are the members of the Entra ID group <see cref="GroupId"/>.</summary>
public sealed class TeamDefinition
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public List<string> Categories { get; set; } = [];
    /// <summary>The Teams channel conversation id (19:...@thread.tacv2) the team's cards go to.</summary>
    public string ChannelId { get; set; } = "";
    public string GroupId { get; set; } = "";
    public string? LeadId { get; set; }
    /// <summary>Who gets level 2 of the escalation ladder; without one, the lead's manager in the directory.</summary>
    public string? SupervisorId { get; set; }
    /// <summary>When the team works; without it, the directory's <see cref="GraphDirectoryOptions.Calendar"/>.</summary>
    public CalendarDefinition? Calendar { get; set; }
    /// <summary>How its approved requests are assigned (<c>Directory:Teams:N:Assignment:Mode</c>, <c>...:ReannounceAfterHours</c>); none is manual.</summary>
    public AssignmentDefinition? Assignment { get; set; }
    /// <summary>"flaggedItems" (the default), "allItems" or "off": which requests a colleague checks before the requester confirms.</summary>
    public string? QualityCheck { get; set; }
    /// <summary>Working hours a quality check may wait before the lead is told (<c>Directory:Teams:N:QualityCheckReminderAfterHours</c>); none: nobody is.</summary>
    public int? QualityCheckReminderAfterHours { get; set; }
    /// <summary>How its resolved requests close; without it, the directory's <see cref="GraphDirectoryOptions.Closure"/>.</summary>
    public ClosureSettings? Closure { get; set; }
}

/// <summary>An approver group; its members are the members of the Entra ID group <see cref="GroupId"/>.</summary>
public sealed class ApproverGroupDefinition
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string GroupId { get; set; } = "";
}
