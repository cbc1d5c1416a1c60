using ChatRequests.Core.Approvals;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Workflow;
using Microsoft.Extensions.Time.Testing;

namespace ChatRequests.Core.Tests.Approvals;

/// <summary>
/// A small organisation for approval policy tests: Rita (Sales) asks; Mark is her manager, Bea his; Sam and Sue are
/// IT Security; Olga owns the item; Carl owns cost centre CC-1000; Dev Ops is the group the entitlement names.
/// </summary>
public sealed class PolicyOrganisation
{
    public static readonly Person Bea = new() { Id = "u-bea", Name = "Bea Boss", Department = "Board" };
    public static readonly Person Mark = new() { Id = "u-mark", Name = "Mark Manager", Department = "Sales", ManagerId = Bea.Id };
    public static readonly Person Rita = new() { Id = "u-rita", Name = "Rita Requester", Department = "Sales", JobTitle = "Account manager", ManagerId = Mark.Id };
    public static readonly Person Sam = new() { Id = "u-sam", Name = "Sam Security", ManagerId = Bea.Id };
    public static readonly Person Sue = new() { Id = "u-sue", Name = "Sue Security", ManagerId = Bea.Id };
    public static readonly Person Olga = new() { Id = "u-olga", Name = "Olga Owner", ManagerId = Bea.Id };
    public static readonly Person Carl = new() { Id = "u-carl", Name = "Carl Controller", ManagerId = Bea.Id };
    public static readonly Person Agent = new() { Id = "u-agent", Name = "Ann Agent", ManagerId = Bea.Id };
    public static readonly ApproverGroup Security = new() { Id = "grp-sec", Name = "IT Security", MemberIds = [Sam.Id, Sue.Id] };
    public static readonly ApproverGroup DevOps = new() { Id = "grp-devops", Name = "Dev Ops", MemberIds = [Rita.Id] };
    public static readonly CostCentre Sales = new() { Id = "CC-1000", Name = "Sales", OwnerId = Carl.Id };

    private readonly FakeTimeProvider _clock = new(SampleData.Start);
    private int _forms;

    public PolicyOrganisation(
        IEnumerable<Entitlement>? entitlements = null, IEnumerable<Person>? people = null, IEnumerable<ApproverGroup>? groups = null)
    {
        var everyone = new[] { Bea, Mark, Rita, Sam, Sue, Olga, Carl, Agent }.ToDictionary(p => p.Id);
        foreach (var person in people ?? [])
        {
            everyone[person.Id] = person;
        }

        var allGroups = new[] { Security, DevOps }.ToDictionary(g => g.Id);
        foreach (var group in groups ?? [])
        {
            allGroups[group.Id] = group;
        }

        Directory = new InMemoryDirectory(
            everyone.Values,
            [new Team { Id = "team-access", Name = "Access", Categories = ["Access"], MemberIds = [Agent.Id], ChannelId = "19:access" }],
            allGroups.Values,
            [Sales],
            entitlements);
        Store = new InMemoryRequestStore();
    }

    public InMemoryDirectory Directory { get; }

    public InMemoryRequestStore Store { get; }

    public InMemoryDelegationStore Delegations { get; } = new();

    /// <summary>Who is away: nobody, unless a test says otherwise.</summary>
    public IAbsenceCalendar Absences { get; set; } = new NoAbsences();

    public FakeTimeProvider Clock => _clock;

    /// <summary>An item of 500 EUR a piece with a quantity field, a permission level field and a cost centre field.</summary>
    public static CatalogItem Item(ApprovalPolicy policy, RiskLevel risk = RiskLevel.Low, ItemOwner? owner = null) => new()
    {
        Id = "vpn-admin",
        Name = "VPN admin access",
        Category = "Access",
        Cost = 500,
        QuantityField = "quantity",
        Risk = risk,
        Owner = owner ?? new ItemOwner { PersonId = Olga.Id },
        Approval = policy,
        ApproverGroupId = Security.Id,
        Fields =
        [
            new CatalogField { Id = "quantity", Label = "How many", Type = FieldType.Number },
            new CatalogField { Id = "level", Label = "Level", Type = FieldType.Choice, Choices = ["Read", "Admin"] },
            new CatalogField { Id = "costCentre", Label = "Cost centre" },
        ],
    };

    public static ApprovalPolicy Stages(params StagePolicy[] stages) => new() { Stages = stages };

    /// <summary>Rita (or <paramref name="requester"/>) submits the item's form.</summary>
    public async Task<ServiceRequest> SubmitAsync(
        CatalogItem item, string quantity = "1", string level = "Read", string costCentre = "CC-1000", Person? requester = null)
    {
        var person = requester ?? Rita;
        var workflow = Workflow(item);
        var form = new RequestForm($"form-{++_forms}", item.Id, "I need it for the quarterly audit.", "Medium",
            new Dictionary<string, string?> { ["quantity"] = quantity, ["level"] = level, ["costCentre"] = costCentre });
        var result = await workflow.SubmitAsync(new Actor(new PersonRef(person.Id, person.Name), person), form);
        Assert.False(result.Errors.Any, string.Join("; ", result.Errors.ByInput.Values));
        return result.Request!;
    }

    public Task<ServiceRequest> DecideAsync(CatalogItem item, ServiceRequest request, Person approver, bool approve, int stage) =>
        Workflow(item).DecideAsync(request.Id, new PersonRef(approver.Id, approver.Name), approve, approve ? null : "Not now", stage);

    private RequestWorkflow Workflow(CatalogItem item) =>
        new(Store, new InMemoryCatalog([item]), Directory, new ApproverResolver(Directory), _clock,
            new StandInFinder(Delegations, Absences, Directory, _clock));
}
