using ChatRequests.ReferenceData.Catalog;
using static ChatRequests.Embedded.Tests.ReferenceData.ReferenceFiles;

namespace ChatRequests.Embedded.Tests.ReferenceData;

public sealed class CatalogDirectoryCheckTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task FindProblemsAsync_MatchingFiles_FindsNone()
    {
        var problems = await CatalogDirectoryCheck.FindProblemsAsync(
            LoadCatalog(GoodCatalog), LoadDirectory(GoodOrganisation), "catalog.json");

        Assert.Empty(problems);
    }

    [Fact]
    public async Task FindProblemsAsync_CategoryNoTeamOwnsAndNoOwnerTeam_IsAProblem()
    {
        var problems = await CheckAsync("""{ "id": "chair", "name": "Chair", "category": "Furniture" }""");

        Assert.Equal(["catalog.json: item 'chair' has category 'Furniture', which no team owns, and no ownerTeamId."], problems);
    }

    [Fact]
    public async Task FindProblemsAsync_OwnerTeamThatDoesNotExist_IsAProblem()
    {
        var problems = await CheckAsync("""{ "id": "chair", "name": "Chair", "category": "Hardware", "ownerTeamId": "team-facilities" }""");

        Assert.Equal(["catalog.json: item 'chair' has ownerTeamId 'team-facilities', which is not a team in the directory."], problems);
    }

    [Fact]
    public async Task FindProblemsAsync_ApproverGroupThatDoesNotExist_IsAProblem()
    {
        var problems = await CheckAsync("""{ "id": "vpn", "name": "VPN", "category": "Access", "approverGroupId": "grp-network" }""");

        Assert.Equal(["catalog.json: item 'vpn' has approverGroupId 'grp-network', which is not an approver group in the directory."], problems);
    }

    [Fact]
    public async Task FindProblemsAsync_CategoryInOtherCase_IsOwned()
    {
        Assert.Empty(await CheckAsync("""{ "id": "mouse", "name": "Mouse", "category": "hardware" }"""));
    }

    private async Task<IReadOnlyList<string>> CheckAsync(string item)
    {
        var catalog = LoadCatalog(_folder.Write("catalog.json", $$"""{ "items": [ {{item}} ] }"""));
        return await CatalogDirectoryCheck.FindProblemsAsync(catalog, LoadDirectory(GoodOrganisation), "catalog.json");
    }
}
