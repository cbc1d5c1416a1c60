using System.Text.Json;
using System.Text.Json.Serialization;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Routing;
using ChatRequests.Core.Understanding;
using ChatRequests.Core.Workflow;

namespace ChatRequests.Core.Tests;

public class SampleDataTests
{
    private static readonly IReadOnlyList<CatalogItem> Items = SampleData.Items;
    private static readonly OrganisationFile Org = SampleData.Organisation;

    public static TheoryData<string> ItemIds() => [.. SampleData.Items.Select(i => i.Id)];

    [Theory]
    [InlineData("catalog.json", typeof(CatalogFile))]
    [InlineData("organisation.json", typeof(OrganisationFile))]
    public void Files_UseOnlyPropertiesTheCoreRecordsHave(string fileName, Type shape)
    {
        var strict = new JsonSerializerOptions(SampleData.Json) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", fileName));

        Assert.NotNull(JsonSerializer.Deserialize(json, shape, strict));
    }

    [Fact]
    public void Catalog_HasEnoughItemsInEveryCategoryWithUniqueIds()
    {
        Assert.True(Items.Count >= 14);
        Assert.Equal(Items.Count, Items.Select(i => i.Id).Distinct().Count());
        Assert.Equal(["Access", "Accounts", "Hardware", "Software"], Items.Select(i => i.Category).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(ItemIds))]
    public void Item_IsRoutableAndApprovable(string itemId)
    {
        var item = SampleData.Item(itemId);

        Assert.NotNull(TeamRouter.Route(item, Org.Teams));
        if (item.Approval == ApprovalPolicy.ManagerThenGroup)
        {
            Assert.NotNull(item.ApproverGroupId);
        }

        if (item.ApproverGroupId is { } groupId)
        {
            Assert.Contains(Org.ApproverGroups, g => g.Id == groupId);
        }
    }

    [Theory]
    [MemberData(nameof(ItemIds))]
    public void Item_IsDescribedForPeopleAndTheMatcher(string itemId)
    {
        var item = SampleData.Item(itemId);

        Assert.True(item.Description.Length >= 40, "a real description");
        Assert.True(item.Keywords.Count >= 4, "synonyms people type");
        Assert.InRange(item.SlaHours, 4, 80);
        Assert.True(item.Cost is null or > 0);
        Assert.Equal("EUR", item.Currency);
        Assert.NotEmpty(item.Fields);
        Assert.Equal(item.Fields.Count, item.Fields.Select(f => f.Id).Distinct().Count());
        Assert.All(item.Fields.Where(f => f.Type == FieldType.Choice), f => Assert.True(f.Choices.Count >= 2, f.Id));
        Assert.All(item.Fields.Where(f => f.Pattern is not null), f => Assert.NotNull(f.PatternHint));
    }

    [Theory]
    [MemberData(nameof(ItemIds))]
    public void Item_FormFilledFromItsOwnPlaceholdersAndChoices_IsValid(string itemId)
    {
        var item = SampleData.Item(itemId);
        var fields = item.Fields.ToDictionary(f => f.Id, f => (string?)(f.Type switch
        {
            FieldType.Choice => f.Choices[0],
            FieldType.Date => "2026-12-01",
            FieldType.Number => "1",
            _ => f.Pattern is null ? "Jane Example" : f.Placeholder,
        }));

        var errors = RequestFormValidator.Validate(item, new RequestForm("key", item.Id, "Needed for my daily work.", "Medium", fields));

        Assert.Empty(errors.ByInput);
    }

    [Theory]
    [MemberData(nameof(ItemIds))]
    public void Item_IsFoundByItsOwnName(string itemId)
    {
        var item = SampleData.Item(itemId);

        var meaning = new Understanding.MiniCatalog([.. Items]).Read(item.Name);

        Assert.Equal((MeaningKind.Item, itemId), (meaning.Kind, meaning.Items[0].Item.Id));
    }

    [Fact]
    public void Catalog_HasTheDocumentedExamples()
    {
        var laptop = SampleData.Item("laptop-standard");
        Assert.Equal((1450m, ApprovalPolicy.Manager, "Hardware"), (laptop.Cost, laptop.Approval, laptop.Category));
        Assert.Equal(["costCentre", "deliveryLocation", "keyboardLayout"], laptop.Fields.Select(f => f.Id));
        Assert.Matches($"^(?:{laptop.Fields[0].Pattern})$", "CC-1234");

        var developer = SampleData.Item("laptop-developer");
        Assert.Equal((ApprovalPolicy.ManagerThenGroup, "grp-finance"), (developer.Approval, developer.ApproverGroupId));
        Assert.True(developer.Cost > laptop.Cost);

        Assert.Equal(ApprovalPolicy.None, SampleData.Item("mouse").Approval);
        Assert.Contains("headset broke", SampleData.Item("headset").Keywords);

        var share = SampleData.Item("shared-folder-access");
        Assert.Equal((ApprovalPolicy.ManagerThenGroup, "grp-it-security", Impact.Medium), (share.Approval, share.ApproverGroupId, share.Impact));
        Assert.Equal(["system", "sharePath", "role"], share.Fields.Select(f => f.Id));

        var reset = SampleData.Item("password-reset");
        Assert.Equal((ApprovalPolicy.None, Impact.Low, 4, "Accounts"), (reset.Approval, reset.Impact, reset.SlaHours, reset.Category));
    }

    [Fact]
    public void People_AreCompleteWithGuidIds()
    {
        Assert.Equal(Org.People.Count, Org.People.Select(p => p.Id).Distinct().Count());
        Assert.All(Org.People, p =>
        {
            Assert.True(Guid.TryParse(p.Id, out _), p.Id);
            Assert.False(string.IsNullOrWhiteSpace(p.Name));
            Assert.Matches(@"^[a-z]+\.[a-z]+@contoso\.com$", p.Email);
            Assert.False(string.IsNullOrWhiteSpace(p.Department));
            Assert.False(string.IsNullOrWhiteSpace(p.JobTitle));
        });
    }

    [Fact]
    public void People_ManagerChainsExistAndEndWithoutLoops()
    {
        var byId = Org.People.ToDictionary(p => p.Id);

        Assert.All(Org.People.Where(p => p.ManagerId is not null), p => Assert.True(byId.ContainsKey(p.ManagerId!), p.Name));
        Assert.All(Org.People, p =>
        {
            var seen = new HashSet<string>();
            for (var current = p; current.ManagerId is { } managerId; current = byId[managerId])
            {
                Assert.True(seen.Add(current.Id), $"{p.Name}'s manager chain loops");
            }
        });
    }

    [Fact]
    public void People_HaveTheShapeTheDemosNeed()
    {
        var byId = Org.People.ToDictionary(p => p.Id);
        var cio = Assert.Single(Org.People, p => p.JobTitle == "Chief Information Officer");
        Assert.Null(cio.ManagerId);

        var heads = Org.People.Where(p => p.ManagerId == cio.Id).ToList();
        Assert.True(heads.Count >= 2);
        var managers = Org.People.Where(p => heads.Any(h => h.Id == p.ManagerId)).ToList();
        Assert.NotEmpty(managers);
        var employees = Org.People.Where(p => managers.Any(m => m.Id == p.ManagerId)).ToList();
        Assert.True(employees.Count >= 6);

        var noManager = Org.People.Where(p => p.ManagerId is null && p.Id != cio.Id).ToList();
        Assert.Equal([SampleData.Pradeep], noManager.Select(p => p.Id));

        Assert.Equal(["Megan Bowen", "Alex Wilber", "Adele Vance"], Org.People.Take(3).Select(p => p.Name));
        Assert.Equal(SampleData.Alex, byId[SampleData.Megan].ManagerId);
        Assert.Equal(SampleData.Miriam, byId[SampleData.Alex].ManagerId);
        Assert.Contains(SampleData.Adele, Org.Teams.Single(t => t.Name == "Hardware Service").MemberIds);
    }

    [Fact]
    public void Teams_OwnTheirCategoriesWithRealMembersAndChannels()
    {
        var people = Org.People.Select(p => p.Id).ToHashSet();

        Assert.Equal(
            [("Hardware Service", "Hardware"), ("Software & Licensing", "Software"), ("Identity & Access", "Access,Accounts")],
            Org.Teams.Select(t => (t.Name, string.Join(',', t.Categories))));
        Assert.All(Org.Teams, t =>
        {
            Assert.InRange(t.MemberIds.Count, 2, 3);
            Assert.All(t.MemberIds, id => Assert.Contains(id, people));
            Assert.Contains(t.LeadId!, people);
            Assert.Matches(@"^19:[a-z-]+@thread\.tacv2$", t.ChannelId);
        });
        var categories = Org.Teams.SelectMany(t => t.Categories).ToList();
        Assert.Equal(categories.Count, categories.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void ApproverGroups_HaveTwoRealMembersEach()
    {
        var people = Org.People.Select(p => p.Id).ToHashSet();

        Assert.Equal([("grp-it-security", "IT Security"), ("grp-finance", "Finance Approvers")], Org.ApproverGroups.Select(g => (g.Id, g.Name)));
        Assert.All(Org.ApproverGroups, g =>
        {
            Assert.Equal(2, g.MemberIds.Distinct().Count());
            Assert.All(g.MemberIds, id => Assert.Contains(id, people));
        });
    }
}
