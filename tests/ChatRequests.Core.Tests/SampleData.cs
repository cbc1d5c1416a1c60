using System.Text.Json;
using System.Text.Json.Serialization;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Workflow;

namespace ChatRequests.Core.Tests;

public sealed record CatalogFile(IReadOnlyList<CatalogItem> Items);

public sealed record OrganisationFile(IReadOnlyList<Person> People, IReadOnlyList<Team> Teams, IReadOnlyList<ApproverGroup> ApproverGroups);

/// <summary>The sample catalog and organisation shipped in samples/, as the embedded default loads them.</summary>
public static class SampleData
{
    public const string Megan = "00000000-0000-0000-0000-0000000000a1";
    public const string Alex = "00000000-0000-0000-0000-0000000000a2";
    public const string Adele = "00000000-0000-0000-0000-0000000000a3";
    public const string Patti = "00000000-0000-0000-0000-0000000000c1";
    public const string Miriam = "00000000-0000-0000-0000-0000000000c2";
    public const string Lee = "00000000-0000-0000-0000-0000000000c4";
    public const string Isaiah = "00000000-0000-0000-0000-0000000000d1";
    public const string Grady = "00000000-0000-0000-0000-0000000000d2";
    public const string Raul = "00000000-0000-0000-0000-0000000000d4";
    public const string Diego = "00000000-0000-0000-0000-0000000000e1";
    public const string Joni = "00000000-0000-0000-0000-0000000000e2";
    public const string Allan = "00000000-0000-0000-0000-0000000000e4";
    public const string Pradeep = "00000000-0000-0000-0000-0000000000e5";
    public const string Lidia = "00000000-0000-0000-0000-0000000000f1";
    public const string Christie = "00000000-0000-0000-0000-0000000000f4";
    public const string HardwareChannel = "19:hardware-service@thread.tacv2";
    public const string IdentityChannel = "19:identity-access@thread.tacv2";

    /// <summary>Where the tests' clocks start: a Monday morning.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly Lazy<CatalogFile> LazyCatalog = new(() => Load<CatalogFile>("catalog.json"));
    private static readonly Lazy<OrganisationFile> LazyOrganisation = new(() => Load<OrganisationFile>("organisation.json"));

    public static CatalogFile CatalogFile => LazyCatalog.Value;

    public static OrganisationFile Organisation => LazyOrganisation.Value;

    public static IReadOnlyList<CatalogItem> Items => CatalogFile.Items;

    public static CatalogItem Item(string id) => Items.Single(i => i.Id == id);

    public static Person Person(string id) => Organisation.People.Single(p => p.Id == id);

    public static PersonRef Ref(string id) => new(id, Person(id).Name);

    /// <summary>The person as a turn hands them to the use cases: looked up in the directory already.</summary>
    public static Actor Actor(string id) => new(Ref(id), Person(id));

    public static InMemoryCatalog Catalog() => new(Items);

    public static InMemoryDirectory Directory() => new(Organisation.People, Organisation.Teams, Organisation.ApproverGroups);

    private static T Load<T>(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "samples", fileName);
        return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json)
            ?? throw new InvalidOperationException($"{path} is empty.");
    }
}

public sealed class InMemoryCatalog(IReadOnlyList<CatalogItem> items) : ICatalog
{
    public IReadOnlyList<CatalogItem> Items => items;

    public CatalogItem? Find(string itemId) => items.FirstOrDefault(i => i.Id == itemId);
}

public sealed class InMemoryDirectory(
    IEnumerable<Person> people,
    IEnumerable<Team>? teams = null,
    IEnumerable<ApproverGroup>? groups = null,
    IEnumerable<CostCentre>? costCentres = null,
    IEnumerable<Entitlement>? entitlements = null) : IDirectory
{
    private readonly Dictionary<string, CostCentre> _costCentres = (costCentres ?? []).ToDictionary(c => c.Id, StringComparer.OrdinalIgnoreCase);
    private readonly IReadOnlyList<Entitlement> _entitlements = [.. entitlements ?? []];
    private readonly Dictionary<string, Person> _people = people.ToDictionary(p => p.Id);
    private readonly IReadOnlyList<Team> _teams = [.. teams ?? []];
    private readonly Dictionary<string, ApproverGroup> _groups = (groups ?? []).ToDictionary(g => g.Id);

    public Task<Person?> FindPersonAsync(string personId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_people.GetValueOrDefault(personId));

    public Task<IReadOnlyList<Person>> FindPeopleByNameAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(PeopleSearch.Rank(_people.Values, name));

    private int _teamLists;

    /// <summary>How often the teams were listed: what a use case costs the directory (Graph, on Azure).</summary>
    public int TeamLists => Volatile.Read(ref _teamLists);

    public Task<IReadOnlyList<Team>> ListTeamsAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _teamLists);
        return Task.FromResult(_teams);
    }

    public Task<ApproverGroup?> FindGroupAsync(string groupId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_groups.GetValueOrDefault(groupId));

    public Task<CostCentre?> FindCostCentreAsync(string costCentreId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_costCentres.GetValueOrDefault(costCentreId));

    public Task<IReadOnlyList<Entitlement>> ListEntitlementsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(_entitlements);

    /// <summary>The escalation ladder's settings; its defaults unless a test sets them.</summary>
    public EscalationSettings Escalation { get; init; } = EscalationSettings.Default;

    public Task<EscalationSettings> GetEscalationSettingsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Escalation);

    /// <summary>Auditors and the other governance settings; the defaults unless a test sets them.</summary>
    public GovernanceSettings Governance { get; init; } = GovernanceSettings.Default;

    public Task<GovernanceSettings> GetGovernanceSettingsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Governance);

    public Task<IReadOnlyList<string>> ListDirectReportIdsAsync(string managerId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([.. _people.Values.Where(p => p.ManagerId == managerId).Select(p => p.Id)]);
}
