using ChatRequests.Core.BusinessHours;

namespace ChatRequests.Core.Organisation;

/// <summary>A person in the organisation. <see cref="Id"/> is the Entra ID (AAD) object id.</summary>
public sealed record Person
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Email { get; init; }
    public string? Department { get; init; }
    public string? JobTitle { get; init; }
    public string? ManagerId { get; init; }
}

/// <summary>A fulfilment team: owns categories of the catalog and works them from a Teams channel.</summary>
public sealed record Team
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<string> MemberIds { get; init; } = [];
    public string? LeadId { get; init; }
    /// <summary>Who gets level 2 of the escalation ladder; without one, the lead gets it (and the history says so).</summary>
    public string? SupervisorId { get; init; }
    /// <summary>The Teams channel conversation id (19:...@thread.tacv2) the team's cards go to.</summary>
    public required string ChannelId { get; init; }
    /// <summary>When the team works; null when it is always open (every hour counts toward its targets).</summary>
    public CalendarDefinition? Calendar { get; init; }
    /// <summary>How approved requests are assigned; null is manual ("Assign to me"), with no re-announcing.</summary>
    public AssignmentDefinition? Assignment { get; init; }
    /// <summary>
    /// Which of its requests a colleague checks before the requester is asked to confirm: "flaggedItems" (the default:
    /// items flagged <c>qualityCheck</c>), "allItems" or "off" (<see cref="QualityCheckSetting"/>; the directories refuse others).
    /// </summary>
    public string? QualityCheck { get; init; }
    /// <summary>Working hours a quality check may wait before the team lead is told (once); null: nobody is told.</summary>
    public int? QualityCheckReminderAfterHours { get; init; }
    /// <summary>When its resolved requests close by themselves; null when they never do (the requester confirms).</summary>
    public ClosureSettings? Closure { get; init; }

    public bool HasMember(string personId) => MemberIds.Contains(personId);

    /// <summary>The calendar its targets count on; the directories refuse to start with an invalid one.</summary>
    public WorkingCalendar WorkingCalendar() => Calendar?.ToWorkingCalendar() ?? BusinessHours.WorkingCalendar.AlwaysOpen;

    /// <summary>Whether a request for an item (flagged or not for a quality check) goes to a reviewer when resolved.</summary>
    public bool ChecksQualityOf(bool itemFlagged) => QualityCheckSetting.Parse(QualityCheck) switch
    {
        QualityCheckScope.AllItems => true,
        QualityCheckScope.Off => false,
        _ => itemFlagged,
    };

    /// <summary>Who may check the work of a request of the team: its lead and members (never the person who did it).</summary>
    public bool MayReview(string personId) => HasMember(personId) || LeadId == personId;
}

/// <summary>A named group of approvers (for example IT security, finance).</summary>
public sealed record ApproverGroup
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> MemberIds { get; init; } = [];
}

/// <summary>A cost centre and the budget owner who approves what is charged to it.</summary>
public sealed record CostCentre
{
    /// <summary>The code the request form collects ("CC-1234").</summary>
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string OwnerId { get; init; } = "";
}

/// <summary>
/// A pre-authorisation: people of <see cref="Department"/>, with <see cref="JobTitle"/> or in the group
/// <see cref="GroupId"/> (whichever are given, all must match) get the items <see cref="ItemIds"/> and the items of
/// <see cref="Categories"/> without approval.
/// </summary>
public sealed record Entitlement
{
    public string? Department { get; init; }
    public string? JobTitle { get; init; }
    /// <summary>An approver group of the directory whose members are entitled.</summary>
    public string? GroupId { get; init; }
    public IReadOnlyList<string> ItemIds { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
}

/// <summary>The directory port: who people are, who manages them, which teams and groups exist.</summary>
public interface IDirectory
{
    Task<Person?> FindPersonAsync(string personId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The people whose display name matches what someone typed, as <see cref="PeopleSearch"/> ranks them (the whole
    /// name first, else word prefixes; at most <see cref="PeopleSearch.MaxResults"/>); empty when nobody does.
    /// </summary>
    Task<IReadOnlyList<Person>> FindPeopleByNameAsync(string name, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Team>> ListTeamsAsync(CancellationToken cancellationToken = default);

    Task<ApproverGroup?> FindGroupAsync(string groupId, CancellationToken cancellationToken = default);

    /// <summary>The cost centre with this code (ignoring case); null when the organisation has none such.</summary>
    Task<CostCentre?> FindCostCentreAsync(string costCentreId, CancellationToken cancellationToken = default);

    /// <summary>Who gets which items without approval.</summary>
    Task<IReadOnlyList<Entitlement>> ListEntitlementsAsync(CancellationToken cancellationToken = default);

    /// <summary>The escalation ladder's settings: VIPs, senior management, when levels 1 and 3 fire.</summary>
    Task<EscalationSettings> GetEscalationSettingsAsync(CancellationToken cancellationToken = default);

    /// <summary>Auditors, retention, access reviews and report flags; a directory without them has none (the defaults).</summary>
    Task<GovernanceSettings> GetGovernanceSettingsAsync(CancellationToken cancellationToken = default) => Task.FromResult(GovernanceSettings.Default);

    /// <summary>The ids of the people whose manager is <paramref name="managerId"/>; empty when nobody reports to them.</summary>
    Task<IReadOnlyList<string>> ListDirectReportIdsAsync(string managerId, CancellationToken cancellationToken = default);
}
