using ChatRequests.Core.Organisation;
using ChatRequests.ReferenceData;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatRequests.Embedded.Organisation;

/// <summary>
/// The organisation directory read from a JSON file once, when the singleton is created. A file with
/// problems stops the start with all of them listed; see <see cref="ReferenceDataStartupCheck"/>.
/// </summary>
public sealed class JsonFileDirectory : IDirectory
{
    private readonly Dictionary<string, Person> _people;
    private readonly Dictionary<string, ApproverGroup> _groups;
    private readonly IReadOnlyList<Team> _teams;
    private readonly Dictionary<string, CostCentre> _costCentres;
    private readonly IReadOnlyList<Entitlement> _entitlements;
    private readonly EscalationSettings _escalation;
    private readonly GovernanceSettings _governance;

    public JsonFileDirectory(IOptions<DirectoryOptions> options, ILogger<JsonFileDirectory> logger)
    {
        var (document, path) = ReferenceDataFile.Read<OrganisationDocument>(options.Value.Path);
        var problems = new ProblemList(path);
        Check(document, problems);
        problems.ThrowIfAny();

        FilePath = path;
        // Entra object ids are GUIDs, which different sources write in different case.
        _people = document.People.ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
        _groups = document.ApproverGroups.ToDictionary(g => g.Id, StringComparer.OrdinalIgnoreCase);
        // A team without a calendar works on the organisation's; with neither, it is always open.
        _teams = [.. document.Teams.Select(t => t.Calendar is null && document.Calendar is not null ? t with { Calendar = document.Calendar } : t)
            .Select(t => t.Closure is null && document.Closure is not null ? t with { Closure = document.Closure } : t)];
        _costCentres = document.CostCentres.ToDictionary(c => c.Id, StringComparer.OrdinalIgnoreCase);
        _entitlements = document.Entitlements;
        _escalation = document.Escalation ?? EscalationSettings.Default;
        _governance = document.Governance ?? GovernanceSettings.Default;
        logger.LogInformation(
            "Loaded {PersonCount} people, {TeamCount} teams and {GroupCount} approver groups from {DirectoryPath}",
            _people.Count, _teams.Count, _groups.Count, path);
    }

    /// <summary>The full path of the file the directory was read from.</summary>
    public string FilePath { get; }

    public Task<Person?> FindPersonAsync(string personId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_people.GetValueOrDefault(personId));

    public Task<IReadOnlyList<Person>> FindPeopleByNameAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(PeopleSearch.Rank(_people.Values, name));

    public Task<IReadOnlyList<Team>> ListTeamsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(_teams);

    public Task<ApproverGroup?> FindGroupAsync(string groupId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_groups.GetValueOrDefault(groupId));

    public Task<CostCentre?> FindCostCentreAsync(string costCentreId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_costCentres.GetValueOrDefault(costCentreId.Trim()));

    public Task<IReadOnlyList<Entitlement>> ListEntitlementsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(_entitlements);

    public Task<EscalationSettings> GetEscalationSettingsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(_escalation);

    public Task<IReadOnlyList<string>> ListDirectReportIdsAsync(string managerId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([.. _people.Values.Where(p => string.Equals(p.ManagerId, managerId, StringComparison.OrdinalIgnoreCase)).Select(p => p.Id)]);

    public Task<GovernanceSettings> GetGovernanceSettingsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(_governance);

    private static void Check(OrganisationDocument document, ProblemList problems)
    {
        problems.AddDuplicates("Person", document.People.Select(p => p.Id));
        problems.AddDuplicates("Team", document.Teams.Select(t => t.Id));
        problems.AddDuplicates("Approver group", document.ApproverGroups.Select(g => g.Id));
        var personIds = document.People.Select(p => p.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);

        foreach (var person in document.People)
        {
            if (string.IsNullOrWhiteSpace(person.Id) || string.IsNullOrWhiteSpace(person.Name))
            {
                problems.Add($"person '{person.Id}' ({person.Name}) needs both an id and a name.");
            }

            if (person.ManagerId is { } managerId && !personIds.Contains(managerId))
            {
                problems.Add($"person '{person.Id}' has managerId '{managerId}', which is not a person in the file.");
            }
        }

        foreach (var team in document.Teams)
        {
            if (string.IsNullOrWhiteSpace(team.ChannelId))
            {
                problems.Add($"team '{team.Id}' has no channelId, so its request cards would have nowhere to go.");
            }

            if (team.LeadId is { } leadId && !personIds.Contains(leadId))
            {
                problems.Add($"team '{team.Id}' has leadId '{leadId}', which is not a person in the file.");
            }

            if (team.SupervisorId is { } supervisorId && !personIds.Contains(supervisorId))
            {
                problems.Add($"team '{team.Id}' has supervisorId '{supervisorId}', which is not a person in the file.");
            }

            foreach (var memberId in team.MemberIds.Where(id => !personIds.Contains(id)))
            {
                problems.Add($"team '{team.Id}' has member '{memberId}', who is not a person in the file.");
            }

            foreach (var problem in CalendarDefinition.ProblemsOf($"team '{team.Id}'", team.Calendar)
                         .Concat(QualityCheckSetting.ProblemsOf($"team '{team.Id}'", team.QualityCheck))
                         .Concat(QualityCheckSetting.ReminderProblemsOf($"team '{team.Id}'", team.QualityCheckReminderAfterHours))
                         .Concat(ClosureSettings.ProblemsOf($"team '{team.Id}'", team.Closure)))
            {
                problems.Add(problem);
            }

            foreach (var problem in AssignmentDefinition.ProblemsOf($"team '{team.Id}'", team.Assignment))
            {
                problems.Add(problem);
            }
        }

        foreach (var problem in CalendarDefinition.ProblemsOf("the organisation", document.Calendar)
                     .Concat(ClosureSettings.ProblemsOf("the organisation", document.Closure)))
        {
            problems.Add(problem);
        }

        foreach (var shared in document.Teams
                     .SelectMany(t => t.Categories.Select(c => (Category: c, Team: t.Id)))
                     .GroupBy(x => x.Category, StringComparer.OrdinalIgnoreCase)
                     .Where(g => g.Count() > 1))
        {
            problems.Add(
                $"category '{shared.Key}' is owned by more than one team ({string.Join(", ", shared.Select(x => x.Team))}); " +
                "requests would all go to the first. Give the category to one team, or use ownerTeamId on items.");
        }

        foreach (var group in document.ApproverGroups)
        {
            if (group.MemberIds.Count == 0)
            {
                problems.Add($"approver group '{group.Id}' has no members, so nobody could approve for it.");
            }

            foreach (var memberId in group.MemberIds.Where(id => !personIds.Contains(id)))
            {
                problems.Add($"approver group '{group.Id}' has member '{memberId}', who is not a person in the file.");
            }
        }

        CheckApprovalTables(document, personIds, problems);
        var groupIds = document.ApproverGroups.Select(g => g.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var problem in document.Escalation?.Problems(personIds.Contains, groupIds.Contains) ?? [])
        {
            problems.Add(problem);
        }

        var teamIds = document.Teams.Select(t => t.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var problem in document.Governance?.Problems(personIds.Contains, groupIds.Contains, teamIds.Contains) ?? [])
        {
            problems.Add(problem);
        }
    }

    private static void CheckApprovalTables(OrganisationDocument document, HashSet<string> personIds, ProblemList problems)
    {
        problems.AddDuplicates("Cost centre", document.CostCentres.Select(c => c.Id));
        foreach (var costCentre in document.CostCentres)
        {
            if (string.IsNullOrWhiteSpace(costCentre.Id))
            {
                problems.Add($"cost centre '{costCentre.Name}' has no id (the code the form collects, like CC-1234).");
            }

            if (!personIds.Contains(costCentre.OwnerId))
            {
                problems.Add($"cost centre '{costCentre.Id}' has ownerId '{costCentre.OwnerId}', who is not a person in the file.");
            }
        }

        var groupIds = document.ApproverGroups.Select(g => g.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < document.Entitlements.Count; index++)
        {
            var entitlement = document.Entitlements[index];
            var name = $"entitlement #{index + 1}";
            if (entitlement.Department is null && entitlement.JobTitle is null && entitlement.GroupId is null)
            {
                problems.Add($"{name} names no department, jobTitle or groupId, so it would pre-authorise everyone.");
            }

            if (entitlement.GroupId is { } groupId && !groupIds.Contains(groupId))
            {
                problems.Add($"{name} has groupId '{groupId}', which is not an approver group in the file.");
            }

            if (entitlement.ItemIds.Count == 0 && entitlement.Categories.Count == 0)
            {
                problems.Add($"{name} names no itemIds and no categories, so it grants nothing.");
            }
        }
    }

    private sealed record OrganisationDocument
    {
        /// <summary>The calendar of every team that has none of its own; none means always open.</summary>
        public CalendarDefinition? Calendar { get; init; }
        /// <summary>How the resolved requests of every team without its own close by themselves; none: they wait for the requester.</summary>
        public ClosureSettings? Closure { get; init; }
        public IReadOnlyList<Person> People { get; init; } = [];
        public IReadOnlyList<Team> Teams { get; init; } = [];
        public IReadOnlyList<ApproverGroup> ApproverGroups { get; init; } = [];
        public IReadOnlyList<CostCentre> CostCentres { get; init; } = [];
        public IReadOnlyList<Entitlement> Entitlements { get; init; } = [];
        /// <summary>The escalation ladder's settings; none means its defaults.</summary>
        public EscalationSettings? Escalation { get; init; }
        /// <summary>Auditors, retention, access reviews and report flags; none means nobody audits and nothing is anonymised or reviewed.</summary>
        public GovernanceSettings? Governance { get; init; }
    }
}
