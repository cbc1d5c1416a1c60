using ChatRequests.Core.Catalog;
using ChatRequests.Core.Provisioning;
using ChatRequests.ReferenceData;
using static ChatRequests.Embedded.Tests.ReferenceData.ReferenceFiles;

namespace ChatRequests.Embedded.Tests.ReferenceData;

public sealed class JsonFileCatalogTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Load_GoodFile_ListsEveryItemWithItsSettings()
    {
        var catalog = LoadCatalog(GoodCatalog);

        Assert.Equal(["laptop", "jira-access", "password-reset"], catalog.Items.Select(i => i.Id));
        var laptop = catalog.Find("laptop")!;
        Assert.Equal("1,299.00 EUR", laptop.CostText);
        Assert.Equal(FieldType.Choice, laptop.Fields[0].Type);
        Assert.Equal(["14-inch", "16-inch"], laptop.Fields[0].Choices);
        Assert.Equal(ApprovalPolicy.ManagerThenGroup, catalog.Find("jira-access")!.Approval);
        Assert.Equal(4, catalog.Find("password-reset")!.SlaHours);
    }

    [Fact]
    public void Load_RelativePath_IsFoundBesideTheApp()
    {
        var catalog = LoadCatalog(GoodCatalog);

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, GoodCatalog), catalog.FilePath);
    }

    [Fact]
    public void Find_UnknownItem_ReturnsNull()
    {
        Assert.Null(LoadCatalog(GoodCatalog).Find("spaceship"));
    }

    [Fact]
    public void Load_DuplicateItemIds_FailsNamingTheFileAndTheId()
    {
        var path = Write("""{ "items": [ { "id": "laptop", "name": "Laptop", "category": "Hardware" }, { "id": "Laptop", "name": "Other", "category": "Hardware" } ] }""");

        var problem = Assert.Single(LoadFails(path));

        Assert.Equal($"{path}: Catalog item id 'laptop' is used 2 times.", problem);
    }

    [Fact]
    public void Load_ChoiceFieldWithoutChoices_Fails()
    {
        var path = Write("""{ "items": [ { "id": "laptop", "name": "Laptop", "category": "Hardware", "fields": [ { "id": "model", "label": "Model", "type": "Choice" } ] } ] }""");

        Assert.Equal([$"{path}: item 'laptop' field 'model' is a choice with no choices."], LoadFails(path));
    }

    [Fact]
    public void Load_ChoiceSynonymsAndItemSynonyms_AreReadWithTheItem()
    {
        var path = Write("""{ "items": [ { "id": "kb", "name": "Keyboard", "category": "Hardware", "synonyms": ["keys"], "fields": [ { "id": "layout", "label": "Layout", "type": "Choice", "choices": ["UK", "German (QWERTZ)"], "choiceSynonyms": { "German (QWERTZ)": ["qwertz", "german"] } } ] } ] }""");

        var item = Assert.Single(LoadCatalog(path).Items);

        Assert.Equal(["keys"], item.Synonyms);
        Assert.Equal(["qwertz", "german"], item.Fields[0].ChoiceSynonyms["German (QWERTZ)"]);
    }

    [Fact]
    public void Load_SensitiveField_IsReadAsSensitive_AndOthersAreNot()
    {
        var path = Write("""{ "items": [ { "id": "epr", "name": "EPR account", "category": "Clinical", "fields": [ { "id": "employeeNumber", "label": "Employee number", "sensitive": true }, { "id": "role", "label": "Role" } ] } ] }""");

        var item = Assert.Single(LoadCatalog(path).Items);

        Assert.Equal([true, false], item.Fields.Select(f => f.Sensitive));
    }

    [Fact]
    public void Load_SensitiveQuantityField_Fails()
    {
        var path = Write("""{ "items": [ { "id": "licence", "name": "Licence", "category": "Software", "cost": 10, "quantityField": "seats", "fields": [ { "id": "seats", "label": "Seats", "type": "Number", "sensitive": true } ] } ] }""");

        Assert.Equal(
            [$"{path}: item 'licence' field 'seats' is sensitive but is the quantityField: the cost every card shows would reveal it."],
            LoadFails(path));
    }

    [Fact]
    public void Load_ChoiceSynonymsOfNoChoice_Fails()
    {
        var path = Write("""{ "items": [ { "id": "kb", "name": "Keyboard", "category": "Hardware", "fields": [ { "id": "layout", "label": "Layout", "type": "Choice", "choices": ["UK"], "choiceSynonyms": { "uk": ["british"] } } ] } ] }""");

        Assert.Equal([$"{path}: item 'kb' field 'layout' has choiceSynonyms for 'uk', which is not one of its choices."], LoadFails(path));
    }

    [Fact]
    public void Load_EmptySynonyms_Fail()
    {
        var path = Write("""{ "items": [ { "id": "kb", "name": "Keyboard", "category": "Hardware", "synonyms": [" "], "fields": [ { "id": "layout", "label": "Layout", "type": "Choice", "choices": ["UK", "US"], "choiceSynonyms": { "UK": ["british", ""], "US": [] } } ] } ] }""");

        Assert.Equal(
            [
                $"{path}: item 'kb' has an empty synonym.",
                $"{path}: item 'kb' field 'layout' has an empty synonym for 'UK'.",
                $"{path}: item 'kb' field 'layout' has an empty synonym for 'US'.",
            ],
            LoadFails(path));
    }

    [Fact]
    public void Load_ManagerThenGroupWithoutApproverGroup_Fails()
    {
        var path = Write("""{ "items": [ { "id": "jira", "name": "Jira", "category": "Access", "approval": "ManagerThenGroup" } ] }""");

        Assert.Equal([$"{path}: item 'jira' needs approval ManagerThenGroup but has no approverGroupId."], LoadFails(path));
    }

    [Fact]
    public void Load_InvalidPattern_Fails()
    {
        var path = Write("""{ "items": [ { "id": "jira", "name": "Jira", "category": "Access", "fields": [ { "id": "key", "label": "Key", "pattern": "[A-Z" } ] } ] }""");

        Assert.Contains("field 'key' has a pattern that is not a valid regular expression", Assert.Single(LoadFails(path)));
    }

    [Fact]
    public void Load_SeveralProblems_ListsThemAllInOneException()
    {
        var path = Write("""
            { "items": [
                { "id": "a", "name": "A", "category": "Hardware", "slaHours": 0 },
                { "id": "b", "name": "B", "category": " ", "approval": "ManagerThenGroup",
                  "fields": [ { "id": "f", "label": "F", "type": "Choice" }, { "id": "f", "label": "F again" } ] }
            ] }
            """);

        var problems = LoadFails(path);

        Assert.Equal(5, problems.Count);
        Assert.All(problems, p => Assert.StartsWith(path + ": ", p));
    }

    [Fact]
    public void Load_UnknownEnumValue_FailsNamingTheFileAndTheJsonPath()
    {
        var path = Write("""{ "items": [ { "id": "a", "name": "A", "category": "Hardware", "approval": "Boss" } ] }""");

        var problem = Assert.Single(LoadFails(path));

        Assert.StartsWith($"{path}: not valid:", problem);
        Assert.Contains("$.items[0].approval", problem);
    }

    [Fact]
    public void Load_MisspeltProperty_FailsInsteadOfIgnoringIt()
    {
        var path = Write("""{ "items": [ { "id": "a", "name": "A", "category": "Access", "aproverGroupId": "grp" } ] }""");

        Assert.Contains("aproverGroupId", Assert.Single(LoadFails(path)));
    }

    [Fact]
    public void Load_MissingRequiredProperty_Fails()
    {
        var path = Write("""{ "items": [ { "id": "a", "category": "Hardware" } ] }""");

        Assert.Contains("name", Assert.Single(LoadFails(path)));
    }

    [Fact]
    public void Load_Provisioning_IsReadWithTheItem()
    {
        var path = Write("""
            { "items": [ { "id": "finance-share", "name": "Finance share", "category": "Access",
                "provisioning": { "action": "AddToGroup", "groupId": "6b1f3a52-3c1e-4f0b-9a57-5d1d0c2f9e11", "groupName": "Finance share readers" } } ] }
            """);

        var item = LoadCatalog(path).Find("finance-share")!;

        Assert.Equal(
            new ProvisioningPlan { Action = ProvisioningAction.AddToGroup, GroupId = "6b1f3a52-3c1e-4f0b-9a57-5d1d0c2f9e11", GroupName = "Finance share readers" },
            item.Provisioning);
        Assert.Null(LoadCatalog(GoodCatalog).Find("laptop")!.Provisioning);
    }

    [Fact]
    public void Load_ProvisioningWithoutActionGroupIdOrGroupName_ListsEachProblem()
    {
        var path = Write("""{ "items": [ { "id": "share", "name": "Share", "category": "Access", "provisioning": { } } ] }""");

        Assert.Equal(
            [
                $"{path}: item 'share' has provisioning without an action; the one there is: AddToGroup (or list steps).",
                $"{path}: item 'share' has provisioning without a groupId (the object id of the Entra ID group).",
                $"{path}: item 'share' has provisioning without a groupName (the name people read on the cards).",
            ],
            LoadFails(path));
    }

    [Fact]
    public void Load_ProvisioningGroupIdThatIsNoObjectId_Fails()
    {
        var path = Write("""{ "items": [ { "id": "share", "name": "Share", "category": "Access", "provisioning": { "action": "AddToGroup", "groupId": "finance/../users", "groupName": "Finance" } } ] }""");

        Assert.Equal([$"{path}: item 'share' has provisioning groupId 'finance/../users', which is not an Entra ID object id (a GUID)."], LoadFails(path));
    }

    [Fact]
    public void Load_UnknownProvisioningAction_FailsNamingTheJsonPath()
    {
        var path = Write("""{ "items": [ { "id": "share", "name": "Share", "category": "Access", "provisioning": { "action": "CreateMailbox", "groupId": "6b1f3a52-3c1e-4f0b-9a57-5d1d0c2f9e11", "groupName": "Finance" } } ] }""");

        Assert.Contains("$.items[0].provisioning.action", Assert.Single(LoadFails(path)));
    }

    [Fact]
    public void Load_ProvisioningSteps_AreReadInOrderWithWhatEachKindTakes()
    {
        var path = Write("""
            { "items": [ { "id": "joiner", "name": "Joiner kit", "category": "Access",
                "provisioning": { "steps": [
                  { "kind": "addToGroup", "groupId": "6b1f3a52-3c1e-4f0b-9a57-5d1d0c2f9e11", "groupName": "Finance share readers" },
                  { "kind": "removeFromGroup", "groupId": "6b1f3a52-3c1e-4f0b-9a57-5d1d0c2f9e12", "groupName": "Contractors" },
                  { "kind": "assignLicence", "skuId": "05e9a617-0261-4cee-bb44-138d3ef5d965", "skuName": "Microsoft 365 E3",
                    "disabledPlans": ["7547a3fe-08ee-4ccb-b430-5077c5041653"] },
                  { "kind": "webhook", "url": "https://procurement.contoso.example/hooks/chatrequests", "secret": "procurement", "name": "Procurement" },
                  { "kind": "webhook", "url": "http://127.0.0.1:8080/hooks/test", "secret": "test", "name": "A test receiver" } ] } } ] }
            """);

        var steps = LoadCatalog(path).Find("joiner")!.Provisioning!.StepList;

        Assert.Equal(
            [ProvisioningStepKind.AddToGroup, ProvisioningStepKind.RemoveFromGroup, ProvisioningStepKind.AssignLicence, ProvisioningStepKind.Webhook, ProvisioningStepKind.Webhook],
            steps.Select(s => s.Kind!.Value));
        Assert.Equal("Contractors", steps[1].GroupName);
        Assert.Equal(["7547a3fe-08ee-4ccb-b430-5077c5041653"], steps[2].DisabledPlans);
        Assert.Equal(("https://procurement.contoso.example/hooks/chatrequests", "procurement", "Procurement"), (steps[3].Url, steps[3].Secret, steps[3].Name));
    }

    [Fact]
    public void Load_FirstFormat_IsOneAddToGroupStep()
    {
        var path = Write("""{ "items": [ { "id": "share", "name": "Share", "category": "Access", "provisioning": { "action": "AddToGroup", "groupId": "6b1f3a52-3c1e-4f0b-9a57-5d1d0c2f9e11", "groupName": "Finance" } } ] }""");

        var step = Assert.Single(LoadCatalog(path).Find("share")!.Provisioning!.StepList);

        Assert.Equal((ProvisioningStepKind.AddToGroup, "6b1f3a52-3c1e-4f0b-9a57-5d1d0c2f9e11", "Finance"), (step.Kind, step.GroupId, step.GroupName));
    }

    [Fact]
    public void Load_UnknownStepKind_FailsNamingTheJsonPath()
    {
        var path = Write("""{ "items": [ { "id": "share", "name": "Share", "category": "Access", "provisioning": { "steps": [ { "kind": "createMailbox" } ] } } ] }""");

        Assert.Contains("$.items[0].provisioning.steps[0].kind", Assert.Single(LoadFails(path)));
    }

    [Fact]
    public void Load_StepsWithMistakes_ListsEachOneByStep()
    {
        var path = Write("""
            { "items": [ { "id": "kit", "name": "Kit", "category": "Access",
                "provisioning": { "steps": [
                  { "groupId": "6b1f3a52-3c1e-4f0b-9a57-5d1d0c2f9e11" },
                  { "kind": "addToGroup", "groupName": "Finance share readers" },
                  { "kind": "removeFromGroup", "groupId": "contractors", "groupName": "Contractors", "skuName": "E3" },
                  { "kind": "assignLicence", "skuId": "E3", "disabledPlans": ["yammer"] },
                  { "kind": "webhook", "url": "http://procurement.contoso.example/hooks", "secret": "procurement", "name": "Procurement" },
                  { "kind": "webhook", "url": "hooks/procurement", "secret": "s3cr3t value!" } ] } } ] }
            """);

        Assert.Equal(
            [
                $"{path}: item 'kit' provisioning step 1 has no kind; the kinds are: addToGroup, removeFromGroup, assignLicence, webhook.",
                $"{path}: item 'kit' provisioning step 2 has no groupId (the object id of the Entra ID group).",
                $"{path}: item 'kit' provisioning step 3 has groupId 'contractors', which is not an Entra ID object id (a GUID).",
                $"{path}: item 'kit' provisioning step 3 (RemoveFromGroup) has skuName, which that kind does not take.",
                $"{path}: item 'kit' provisioning step 4 has skuId 'E3', which is not an id (a GUID).",
                $"{path}: item 'kit' provisioning step 4 has no skuName (the licence's name people read on the cards).",
                $"{path}: item 'kit' provisioning step 4 has disabledPlans 'yammer', which is not a service plan id (a GUID).",
                $"{path}: item 'kit' provisioning step 5 has url 'http://procurement.contoso.example/hooks', which uses http; https is required (http only to 127.0.0.1, for tests).",
                $"{path}: item 'kit' provisioning step 6 has url 'hooks/procurement', which is not an absolute https URL.",
                $"{path}: item 'kit' provisioning step 6 has no name (who receives it, as people read it on the cards).",
                $"{path}: item 'kit' provisioning step 6 has secret 's3cr3t value!'; name the configuration entry (letters, digits, - and _), never the secret itself.",
            ],
            LoadFails(path));
    }

    [Theory]
    [InlineData("http://localhost:8080/hooks")]
    [InlineData("http://127.0.0.2/hooks")]
    [InlineData("http://[::1]:8080/hooks")]
    [InlineData("https://user:password@procurement.contoso.example/hooks")]
    [InlineData("ftp://procurement.contoso.example/hooks")]
    public void Load_WebhookUrlOutsideHttpsOrLoopback_Fails(string url)
    {
        var path = Write($$"""{ "items": [ { "id": "kit", "name": "Kit", "category": "Access", "provisioning": { "steps": [ { "kind": "webhook", "url": "{{url}}", "secret": "procurement", "name": "Procurement" } ] } } ] }""");

        Assert.StartsWith($"{path}: item 'kit' provisioning step 1 has url '{url}', which ", Assert.Single(LoadFails(path)));
    }

    [Fact]
    public void Load_StepsBesideTheFirstFormat_OrNoSteps_Fail()
    {
        var both = Write("""{ "items": [ { "id": "kit", "name": "Kit", "category": "Access", "provisioning": { "action": "AddToGroup", "steps": [ { "kind": "addToGroup", "groupId": "6b1f3a52-3c1e-4f0b-9a57-5d1d0c2f9e11", "groupName": "Finance" } ] } } ] }""");
        var none = _folder.Write("empty.json", """{ "items": [ { "id": "kit", "name": "Kit", "category": "Access", "provisioning": { "steps": [] } } ] }""");

        Assert.Equal([$"{both}: item 'kit' has provisioning with both steps and an action, groupId or groupName; put every step in steps."], LoadFails(both));
        Assert.Equal([$"{none}: item 'kit' has provisioning with no steps; leave provisioning out for an item done by hand."], LoadFails(none));
    }

    [Fact]
    public void Load_MissingFile_FailsNamingThePath()
    {
        var problem = Assert.Single(LoadFails("no/such/catalog.json"));

        Assert.StartsWith("no/such/catalog.json: the file does not exist", problem);
    }

    [Fact]
    public void Load_MissingFileGivenByFullPath_SaysSoWithoutNamingOtherFolders()
    {
        var path = _folder.File("catalog.json");

        Assert.Equal([$"{path}: the file does not exist."], LoadFails(path));
    }

    [Fact]
    public void Load_PathOfAFolder_AsksForTheFile()
    {
        Assert.Equal([$"{_folder.Path}: this is a folder; give the path of the JSON file."], LoadFails(_folder.Path));
    }

    [Fact]
    public void Load_FileLockedForExclusiveUse_SaysItCannotBeRead()
    {
        var path = Write("""{ "items": [] }""");
        // .NET takes an advisory lock for FileShare.None, which its own opens respect: the file cannot be read.
        using var held = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);

        Assert.StartsWith($"{path}: cannot be read: ", Assert.Single(LoadFails(path)));
    }

    private string Write(string json) => _folder.Write("catalog.json", json);

    private static IReadOnlyList<string> LoadFails(string path) =>
        Assert.Throws<ReferenceDataException>(() => LoadCatalog(path)).Problems;
}
