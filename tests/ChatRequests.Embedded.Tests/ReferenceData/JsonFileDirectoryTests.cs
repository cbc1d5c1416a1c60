using ChatRequests.ReferenceData;
using static ChatRequests.Embedded.Tests.ReferenceData.ReferenceFiles;

namespace ChatRequests.Embedded.Tests.ReferenceData;

/// <summary>How the file is checked when loaded; what the directory answers is the port's contract (<see cref="JsonFileDirectoryContractTests"/>).</summary>
public sealed class JsonFileDirectoryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Load_DuplicatePersonId_FailsNamingTheFileAndTheId()
    {
        var path = Write("""{ "people": [ { "id": "p1", "name": "One" }, { "id": "p1", "name": "Also one" } ] }""");

        Assert.Equal([$"{path}: Person id 'p1' is used 2 times."], LoadFails(path));
    }

    [Fact]
    public void Load_TeamWithoutChannelId_Fails()
    {
        var path = Write("""{ "teams": [ { "id": "t1", "name": "Team", "channelId": "" } ] }""");

        Assert.Equal([$"{path}: team 't1' has no channelId, so its request cards would have nowhere to go."], LoadFails(path));
    }

    [Fact]
    public void Load_ManagerWhoIsNotInTheFile_Fails()
    {
        var path = Write("""{ "people": [ { "id": "p1", "name": "One", "managerId": "p9" } ] }""");

        Assert.Equal([$"{path}: person 'p1' has managerId 'p9', which is not a person in the file."], LoadFails(path));
    }

    [Fact]
    public void Load_TeamAndGroupMembersWhoAreNotInTheFile_Fail()
    {
        var path = Write("""
            {
              "people": [ { "id": "p1", "name": "One" } ],
              "teams": [ { "id": "t1", "name": "Team", "channelId": "19:t1", "memberIds": ["p1", "p2"], "leadId": "p3" } ],
              "approverGroups": [ { "id": "g1", "name": "Group", "memberIds": ["p4"] } ]
            }
            """);

        Assert.Equal(
        [
            $"{path}: team 't1' has leadId 'p3', which is not a person in the file.",
            $"{path}: team 't1' has member 'p2', who is not a person in the file.",
            $"{path}: approver group 'g1' has member 'p4', who is not a person in the file.",
        ], LoadFails(path));
    }

    [Fact]
    public void Load_CategoryOwnedByTwoTeams_Fails()
    {
        var path = Write("""
            { "teams": [
                { "id": "t1", "name": "One", "channelId": "19:t1", "categories": ["Hardware"] },
                { "id": "t2", "name": "Two", "channelId": "19:t2", "categories": ["hardware"] }
            ] }
            """);

        Assert.Contains("category 'Hardware' is owned by more than one team (t1, t2)", Assert.Single(LoadFails(path)));
    }

    [Fact]
    public void Load_SeveralProblems_ListsThemAllInOneException()
    {
        var path = Write("""
            {
              "people": [ { "id": "p1", "name": "One", "managerId": "p9" }, { "id": "p1", "name": "Two" } ],
              "teams": [ { "id": "t1", "name": "Team", "channelId": " " } ],
              "approverGroups": [ { "id": "g1", "name": "Empty" } ]
            }
            """);

        var exception = Assert.Throws<ReferenceDataException>(() => LoadDirectory(path));

        Assert.Equal(4, exception.Problems.Count);
        Assert.StartsWith("The reference data has 4 problems", exception.Message);
        Assert.All(exception.Problems, p => Assert.Contains(p, exception.Message));
    }

    [Fact]
    public void Load_NullList_FailsInsteadOfLoadingNothing()
    {
        var path = Write("""{ "people": null }""");

        Assert.Contains("$.people", Assert.Single(LoadFails(path)));
    }

    private string Write(string json) => _folder.Write("organisation.json", json);

    private static IReadOnlyList<string> LoadFails(string path) =>
        Assert.Throws<ReferenceDataException>(() => LoadDirectory(path)).Problems;
}
