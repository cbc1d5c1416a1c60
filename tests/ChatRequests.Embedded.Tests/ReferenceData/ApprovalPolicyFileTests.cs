using ChatRequests.Core.Catalog;
using ChatRequests.Core.Requests;
using ChatRequests.ReferenceData;
using ChatRequests.ReferenceData.Catalog;
using static ChatRequests.Embedded.Tests.ReferenceData.ReferenceFiles;

namespace ChatRequests.Embedded.Tests.ReferenceData;

/// <summary>Approval policies as the catalog file writes them: read, and every mistake explained.</summary>
public sealed class ApprovalPolicyFileTests : IDisposable
{
    // An item with a cost, a quantity field, a choice field and a cost centre field, to hang policies on.
    private const string ItemStart = """
        "id": "vpn", "name": "VPN", "category": "Access", "cost": 100, "quantityField": "seats", "approverGroupId": "grp-security",
        "fields": [
          { "id": "seats", "label": "Seats", "type": "Number" },
          { "id": "level", "label": "Level", "type": "Choice", "choices": ["Read", "Admin"] },
          { "id": "costCentre", "label": "Cost centre" }
        ]
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Load_PolicyInStages_ReadsEveryStageKindModeAndCondition()
    {
        var item = LoadItem("""
            "risk": "High", "owner": { "personId": "p-carol" },
            "approval": { "stages": [
              { "kind": "Manager", "levels": 2, "name": "Director" },
              { "kind": "Group", "groupId": "grp-security", "mode": "All", "when": { "field": "level", "value": "Admin" } },
              { "kind": "Owner", "when": { "riskAtLeast": "High" } },
              { "kind": "CostCentreOwner", "when": { "costAbove": 1000 } }
            ] }
            """);

        Assert.Null(item.Approval.Shorthand);
        Assert.Equal([StageKinds.Manager, StageKinds.Group, StageKinds.Owner, StageKinds.CostCentreOwner], item.Approval.Stages.Select(s => s.Kind));
        Assert.Equal((2, "Director"), (item.Approval.Stages[0].Levels, item.Approval.Stages[0].Name));
        Assert.Equal(ApprovalMode.All, item.Approval.Stages[1].Mode);
        Assert.Equal(new StageCondition { Field = "level", Value = "Admin" }, item.Approval.Stages[1].When);
        Assert.Equal(RiskLevel.High, item.Approval.Stages[2].When!.RiskAtLeast);
        Assert.Equal(1000m, item.Approval.Stages[3].When!.CostAbove);
        Assert.Equal("costCentre", item.Approval.Stages[3].Field);
        Assert.Equal((RiskLevel.High, "seats", "p-carol"), (item.Risk, item.QuantityField, item.Owner!.PersonId));
    }

    [Theory]
    [InlineData("\"None\"")]
    [InlineData("\"Manager\"")]
    [InlineData("\"managerThenGroup\"")]
    public void Load_Shorthand_IsTheSamePolicyAsEver(string shorthand)
    {
        var item = LoadItem($"\"approval\": {shorthand}");

        Assert.Same(ApprovalPolicy.Shorthands.Single(p => string.Equals(p.Shorthand, shorthand.Trim('"'), StringComparison.OrdinalIgnoreCase)), item.Approval);
    }

    [Fact]
    public void Load_UnknownShorthand_NamesTheShorthandsAndThePlace()
    {
        var problem = Assert.Single(LoadFails(WriteItem("\"approval\": \"Boss\"")));

        Assert.Contains("approval 'Boss' is not known: use one of None, Manager, ManagerThenGroup, or { \"stages\": [ ... ] }.", problem);
        Assert.Contains("$.items[0].approval", problem);
    }

    public static TheoryData<string, string> Mistakes => new()
    {
        {
            """ "approval": { "stages": [ { "kind": "Manger" } ] } """,
            "item 'vpn' approval stage 1 has kind 'Manger', which is not a stage kind; use one of Manager, Group, Owner, CostCentreOwner."
        },
        {
            """ "approval": { "stages": [] } """,
            "item 'vpn' has approval with no stages; write \"approval\": \"None\" for an item that needs no approval."
        },
        {
            """ "approval": { "stages": [ { "kind": "Manager", "levels": 0 } ] } """,
            "item 'vpn' approval stage 1 (Manager) has levels 0; it must be from 1 (the direct manager) to 10."
        },
        {
            """ "approval": { "stages": [ { "kind": "Owner" } ] } """,
            "item 'vpn' approval stage 1 (Owner) asks the item's owner, but the item has no owner; add \"owner\": { \"personId\": ... } or { \"groupId\": ... }."
        },
        {
            """ "owner": { "personId": "p-carol", "groupId": "grp-security" } """,
            "item 'vpn' has an owner with both personId and groupId; give one of them."
        },
        {
            """ "approval": { "stages": [ { "kind": "CostCentreOwner", "field": "budget" } ] } """,
            "item 'vpn' approval stage 1 (CostCentreOwner) reads the cost centre from field 'budget', which the item does not have."
        },
        {
            """ "approval": { "stages": [ { "kind": "Group", "groupId": "grp-security", "levels": 2 } ] } """,
            "item 'vpn' approval stage 1 (Group) has levels, which only a Manager stage has."
        },
        {
            """ "approval": { "stages": [ { "kind": "Owner", "groupId": "grp-security" } ] }, "owner": { "personId": "p-carol" } """,
            "item 'vpn' approval stage 1 (Owner) has a groupId, which only a Group stage has (an Owner group is the item's owner.groupId)."
        },
        {
            """ "approval": { "stages": [ { "kind": "Manager", "when": { "field": "colour", "value": "Red" } } ] } """,
            "item 'vpn' approval stage 1 has a condition on field 'colour', which the item does not have (its fields: seats, level, costCentre)."
        },
        {
            """ "approval": { "stages": [ { "kind": "Manager", "when": { "field": "level", "value": "Root" } } ] } """,
            "item 'vpn' approval stage 1 has a condition on field 'level' = 'Root', which is not one of its choices (Read, Admin)."
        },
        {
            """ "approval": { "stages": [ { "kind": "Manager", "when": { "field": "level" } } ] } """,
            "item 'vpn' approval stage 1 has a condition with a field but no value; a field condition needs both."
        },
        {
            """ "approval": { "stages": [ { "kind": "Manager", "when": { } } ] } """,
            "item 'vpn' approval stage 1 has an empty condition (when); give costAbove, riskAtLeast or field and value, or remove it."
        },
        {
            """ "approval": { "stages": [ { "kind": "Manager", "when": { "costAbove": -5 } } ] } """,
            "item 'vpn' approval stage 1 has a negative costAbove (-5)."
        },
        {
            """ "quantityField": "level" """,
            "item 'vpn' has quantityField 'level', which is not a Number field of the item."
        },
        {
            """ "approvalTimeoutHours": 0 """,
            "item 'vpn' has approvalTimeoutHours 0; it must be at least 1."
        },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Load_PolicyMistake_IsExplained(string properties, string expected)
    {
        var path = WriteItem(properties);

        Assert.Equal([$"{path}: {expected}"], LoadFails(path));
    }

    [Fact]
    public void Load_CostThresholdOnAnItemWithoutCost_IsExplained()
    {
        var path = _folder.Write("catalog.json", """
            { "items": [ { "id": "vpn", "name": "VPN", "category": "Access",
              "approval": { "stages": [ { "kind": "Manager", "when": { "costAbove": 500 } } ] } } ] }
            """);

        Assert.Equal([$"{path}: item 'vpn' approval stage 1 applies when the cost is above 500, but the item has no cost."], LoadFails(path));
    }

    [Fact]
    public void Load_ApprovalTimeout_IsRead_AndAbsentIsNull()
    {
        Assert.Equal(48, LoadItem(""" "approvalTimeoutHours": 48 """).ApprovalTimeoutHours);
        Assert.Null(LoadItem(""" "approval": "Manager" """).ApprovalTimeoutHours);
    }

    [Fact]
    public void Load_AllOnAStageOfOnePerson_IsFine()
    {
        var item = LoadItem(""" "approval": { "stages": [ { "kind": "Manager", "mode": "All" } ] } """);

        Assert.Equal(ApprovalMode.All, Assert.Single(item.Approval.Stages).Mode);
    }

    [Fact]
    public async Task DirectoryCheck_GroupsAndOwnerTheApprovalNames_MustExist()
    {
        var catalog = LoadCatalog(WriteItem("""
            "owner": { "personId": "p-nobody" },
            "approval": { "stages": [ { "kind": "Group", "groupId": "grp-network" }, { "kind": "Owner" } ] }
            """));

        var problems = await CatalogDirectoryCheck.FindProblemsAsync(catalog, LoadDirectory(GoodOrganisation), "catalog.json");

        Assert.Equal(
        [
            "catalog.json: item 'vpn' has an approval group 'grp-network', which is not an approver group in the directory.",
            "catalog.json: item 'vpn' has owner personId 'p-nobody', who is not a person in the directory.",
        ], problems);
    }

    [Fact]
    public void OrganisationFile_CostCentresAndEntitlements_AreCheckedToo()
    {
        var path = _folder.Write("organisation.json", """
            { "people": [ { "id": "p1", "name": "One" } ],
              "approverGroups": [ { "id": "grp", "name": "Group", "memberIds": ["p1"] } ],
              "costCentres": [ { "id": "CC-1", "name": "One", "ownerId": "p9" }, { "id": "cc-1", "name": "Again", "ownerId": "p1" } ],
              "entitlements": [ { "itemIds": ["a"] }, { "groupId": "grp-x", "categories": ["Software"] }, { "department": "IT" } ] }
            """);

        var problems = Assert.Throws<ReferenceDataException>(() => LoadDirectory(path)).Problems;

        Assert.Equal(
        [
            $"{path}: Cost centre id 'CC-1' is used 2 times.",
            $"{path}: cost centre 'CC-1' has ownerId 'p9', who is not a person in the file.",
            $"{path}: entitlement #1 names no department, jobTitle or groupId, so it would pre-authorise everyone.",
            $"{path}: entitlement #2 has groupId 'grp-x', which is not an approver group in the file.",
            $"{path}: entitlement #3 names no itemIds and no categories, so it grants nothing.",
        ], problems);
    }

    private CatalogItem LoadItem(string properties) => LoadCatalog(WriteItem(properties)).Find("vpn")!;

    private string WriteItem(string properties) =>
        _folder.Write("catalog.json", $$"""{ "items": [ { {{ItemStart}}, {{properties}} } ] }""");

    private static IReadOnlyList<string> LoadFails(string path) =>
        Assert.Throws<ReferenceDataException>(() => LoadCatalog(path)).Problems;
}
