using ChatRequests.Core.Organisation;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Person = ChatRequests.Core.Organisation.Person;
using Team = ChatRequests.Core.Organisation.Team;
using Microsoft.Graph.Models.ODataErrors;

namespace ChatRequests.Azure.Graph;

/// <summary>
/// <see cref="IDirectory"/> over Microsoft Graph. Throttling is retried by the Graph client's retry handler
/// (see <see cref="GraphServiceCollectionExtensions"/>); results are cached briefly, since approval routing
/// asks for the same people and groups many times in one turn.
/// </summary>
public sealed class GraphDirectory(
    GraphServiceClient graph,
    IMemoryCache cache,
    IOptions<GraphDirectoryOptions> options,
    ILogger<GraphDirectory> logger) : IDirectory
{
    private static readonly string[] PersonFields = ["id", "displayName", "mail", "department", "jobTitle"];
    private const int MembersPageSize = 999;
    // Graph matches the start of displayName, givenName and surname only (case-insensitively, accents as typed; so
    // "luc" does not find Jean-Luc there); a few more candidates than are shown, so that the local ranking (whole
    // name first) has the exact match even when many share a first name.
    private const int SearchCandidates = 25;
    // Each word is three startswith clauses; Graph refuses filters with too many, and names rarely have more words.
    private const int SearchWords = 4;

    private readonly GraphDirectoryOptions _options = options.Value;

    public async Task<Person?> FindPersonAsync(string personId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        if (cache.TryGetValue(("person", personId), out Person? cached))
        {
            return cached;
        }

        var person = await LoadPersonAsync(personId, cancellationToken);
        // Misses are not cached: a new starter must be found as soon as Entra ID knows them.
        if (person is not null)
        {
            cache.Set(("person", personId), person, _options.CacheDuration);
        }

        return person;
    }

    public async Task<IReadOnlyList<Person>> FindPeopleByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        var words = name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(SearchWords).ToList();
        if (words.Count == 0 || PeopleSearch.Words(name).Count == 0)
        {
            return [];
        }

        var page = await GraphCalls.RetriedAsync("the people search", () => graph.Users.GetAsync(request =>
        {
            request.QueryParameters.Filter = PeopleFilter(words);
            request.QueryParameters.Select = PersonFields;
            request.QueryParameters.Expand = ["manager($select=id)"];
            request.QueryParameters.Top = SearchCandidates;
        }, cancellationToken));
        var candidates = (page?.Value ?? []).Where(u => u.Id is not null).Select(u => ToPerson(u, u.Manager?.Id));
        return PeopleSearch.Rank(candidates, name);
    }

    /// <summary>
    /// Enabled accounts whose display name, given name or surname starts with each word. accountEnabled eq is a default
    /// query (no ConsistencyLevel: eventual), so a new starter is found at once and $expand=manager stays allowed.
    /// </summary>
    private static string PeopleFilter(IEnumerable<string> words) =>
        "accountEnabled eq true and " + string.Join(" and ", words.Select(word =>
        {
            // The only way out of an OData string literal is a quote; doubling it keeps the typed text a literal.
            var literal = "'" + word.Replace("'", "''", StringComparison.Ordinal) + "'";
            return $"(startswith(displayName,{literal}) or startswith(givenName,{literal}) or startswith(surname,{literal}))";
        }));

    public async Task<IReadOnlyList<Team>> ListTeamsAsync(CancellationToken cancellationToken = default)
    {
        var teams = new List<Team>(_options.Teams.Count);
        foreach (var definition in _options.Teams)
        {
            var leadId = string.IsNullOrWhiteSpace(definition.LeadId) ? null : definition.LeadId;
            teams.Add(new Team
            {
                Id = definition.Id,
                Name = definition.Name,
                Categories = definition.Categories,
                ChannelId = definition.ChannelId,
                LeadId = leadId,
                SupervisorId = await SupervisorOfAsync(definition, leadId, cancellationToken),
                Calendar = definition.Calendar ?? _options.Calendar,
                Assignment = definition.Assignment,
                QualityCheck = definition.QualityCheck,
                QualityCheckReminderAfterHours = definition.QualityCheckReminderAfterHours,
                Closure = definition.Closure ?? _options.Closure,
                MemberIds = await GroupMemberIdsAsync(definition.GroupId, cancellationToken),
            });
        }

        return teams;
    }

    /// <summary>The team's configured supervisor, else its lead's manager (people are cached, so this is rarely a call).</summary>
    private async Task<string?> SupervisorOfAsync(TeamDefinition definition, string? leadId, CancellationToken cancellationToken) =>
        !string.IsNullOrWhiteSpace(definition.SupervisorId) ? definition.SupervisorId
        : leadId is null ? null
        : (await FindPersonAsync(leadId, cancellationToken))?.ManagerId;

    public async Task<ApproverGroup?> FindGroupAsync(string groupId, CancellationToken cancellationToken = default)
    {
        // As the file directory: the catalog's approverGroupId matches whatever its case.
        var definition = _options.ApproverGroups.FirstOrDefault(g => string.Equals(g.Id, groupId, StringComparison.OrdinalIgnoreCase));
        if (definition is null)
        {
            return null;
        }

        return new ApproverGroup
        {
            Id = definition.Id,
            Name = definition.Name,
            MemberIds = await GroupMemberIdsAsync(definition.GroupId, cancellationToken),
        };
    }

    public Task<CostCentre?> FindCostCentreAsync(string costCentreId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_options.CostCentres.FirstOrDefault(c => string.Equals(c.Id, costCentreId.Trim(), StringComparison.OrdinalIgnoreCase)));

    public Task<IReadOnlyList<Entitlement>> ListEntitlementsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Entitlement>>(_options.Entitlements);

    public Task<EscalationSettings> GetEscalationSettingsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(_options.Escalation ?? EscalationSettings.Default);

    public Task<GovernanceSettings> GetGovernanceSettingsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(_options.Governance ?? GovernanceSettings.Default);

    public async Task<IReadOnlyList<string>> ListDirectReportIdsAsync(string managerId, CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(("reports", managerId), out IReadOnlyList<string>? cached) && cached is not null)
        {
            return cached;
        }

        var ids = new List<string>();
        try
        {
            // Direct reports can also be org contacts; only users ask for things.
            ids.AddRange(await UserIdsAsync("the direct reports",
                () => graph.Users[managerId].DirectReports.GetAsync(request =>
                {
                    request.QueryParameters.Select = ["id"];
                    request.QueryParameters.Top = MembersPageSize;
                }, cancellationToken),
                next => graph.Users[managerId].DirectReports.WithUrl(next).GetAsync(cancellationToken: cancellationToken)));
        }
        catch (ODataError error) when (error.ResponseStatusCode == 404)
        {
            logger.LogInformation("Person {PersonId} is not in the directory", managerId);
        }

        IReadOnlyList<string> reports = ids.Distinct().ToList();
        cache.Set(("reports", managerId), reports, _options.CacheDuration);
        return reports;
    }

    private async Task<Person?> LoadPersonAsync(string personId, CancellationToken cancellationToken)
    {
        User? user;
        try
        {
            user = await GraphCalls.RetriedAsync("the user profile", () => graph.Users[personId].GetAsync(
                request => request.QueryParameters.Select = PersonFields, cancellationToken));
        }
        catch (ODataError error) when (error.ResponseStatusCode == 404)
        {
            logger.LogInformation("Person {PersonId} is not in the directory", personId);
            return null;
        }

        if (user?.Id is null)
        {
            return null;
        }

        return ToPerson(user, await LoadManagerIdAsync(user.Id, cancellationToken));
    }

    private static Person ToPerson(User user, string? managerId) => new()
    {
        Id = user.Id!,
        Name = user.DisplayName ?? user.Id!,
        Email = user.Mail,
        Department = user.Department,
        JobTitle = user.JobTitle,
        ManagerId = managerId,
    };

    private async Task<string?> LoadManagerIdAsync(string personId, CancellationToken cancellationToken)
    {
        try
        {
            var manager = await GraphCalls.RetriedAsync("the user's manager", () => graph.Users[personId].Manager.GetAsync(
                request => request.QueryParameters.Select = ["id"], cancellationToken));
            return manager?.Id;
        }
        catch (ODataError error) when (error.ResponseStatusCode == 404)
        {
            // Graph answers 404 when no manager is assigned (the top of the organisation).
            return null;
        }
    }

    /// <summary>The ids of the users among a paged list of directory objects, following every next page.</summary>
    private static async Task<List<string>> UserIdsAsync(
        string operation, Func<Task<DirectoryObjectCollectionResponse?>> first, Func<string, Task<DirectoryObjectCollectionResponse?>> next)
    {
        var ids = new List<string>();
        var page = await GraphCalls.RetriedAsync(operation, first);
        while (page is not null)
        {
            ids.AddRange(page.Value?.OfType<User>().Select(u => u.Id).OfType<string>() ?? []);
            if (string.IsNullOrEmpty(page.OdataNextLink))
            {
                break;
            }

            var nextLink = page.OdataNextLink;
            page = await GraphCalls.RetriedAsync(operation, () => next(nextLink));
        }

        return ids;
    }

    private async Task<IReadOnlyList<string>> GroupMemberIdsAsync(string entraGroupId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(("members", entraGroupId), out IReadOnlyList<string>? cached) && cached is not null)
        {
            return cached;
        }

        // Members can also be groups, devices or service principals; only users approve or fulfil.
        var ids = await UserIdsAsync("the group members",
            () => graph.Groups[entraGroupId].Members.GetAsync(request =>
            {
                request.QueryParameters.Select = ["id"];
                request.QueryParameters.Top = MembersPageSize;
            }, cancellationToken),
            next => graph.Groups[entraGroupId].Members.WithUrl(next).GetAsync(cancellationToken: cancellationToken));
        logger.LogDebug("Entra group {GroupId} has {MemberCount} user members", entraGroupId, ids.Count);
        IReadOnlyList<string> members = ids.Distinct().ToList();
        cache.Set(("members", entraGroupId), members, _options.CacheDuration);
        return members;
    }
}
