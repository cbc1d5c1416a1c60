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
        _teams = document.Teams;
        logger.LogInformation(
            "Loaded {PersonCount} people, {TeamCount} teams and {GroupCount} approver groups from {DirectoryPath}",
            _people.Count, _teams.Count, _groups.Count, path);
    }

    /// <summary>The full path of the file the directory was read from.</summary>
    public string FilePath { get; }

    public Task<Person?> FindPersonAsync(string personId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_people.GetValueOrDefault(personId));

    public Task<IReadOnlyList<Team>> ListTeamsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(_teams);

    public Task<ApproverGroup?> FindGroupAsync(string groupId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_groups.GetValueOrDefault(groupId));

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

            foreach (var memberId in team.MemberIds.Where(id => !personIds.Contains(id)))
            {
                problems.Add($"team '{team.Id}' has member '{memberId}', who is not a person in the file.");
            }
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
    }

    private sealed record OrganisationDocument
    {
        public IReadOnlyList<Person> People { get; init; } = [];
        public IReadOnlyList<Team> Teams { get; init; } = [];
        public IReadOnlyList<ApproverGroup> ApproverGroups { get; init; } = [];
    }
}
