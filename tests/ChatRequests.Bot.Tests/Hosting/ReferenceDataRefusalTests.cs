using System.Text.Json.Nodes;
using ChatRequests.Testing;

namespace ChatRequests.Bot.Tests.Hosting;

/// <summary>
/// The bot as an operator starts it, with a catalog or organisation file that has problems: it stops before serving,
/// with the list of problems once, no stack trace, and exit code 1.
/// </summary>
public sealed class ReferenceDataRefusalTests : IDisposable
{
    private const string MissingPerson = "00000000-0000-0000-0000-0000000000a3"; // Adele Vance, of the Hardware Service team
    private readonly ReferenceDataCopies _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task CatalogWithProblems_StopsListingEachOnce()
    {
        BreakCatalog();

        var exit = await RunBotAsync();

        AssertRefused(exit, CatalogProblems);
    }

    [Fact]
    public async Task OrganisationWithProblems_StopsListingEachOnce()
    {
        BreakOrganisation();

        var exit = await RunBotAsync();

        AssertRefused(exit, OrganisationProblems);
    }

    [Fact]
    public async Task BothFilesWithProblems_StopsListingTheProblemsOfBothOnce()
    {
        BreakCatalog();
        BreakOrganisation();

        var exit = await RunBotAsync();

        AssertRefused(exit, [.. OrganisationProblems, .. CatalogProblems]);
    }

    [Fact]
    public async Task CatalogItemOfACategoryNoTeamOwns_StopsSayingSo()
    {
        _files.EditCatalog(catalog => Item(catalog, "headset")["category"] = "Facilities");

        var exit = await RunBotAsync();

        AssertRefused(exit, [$"{_files.Catalog}: item 'headset' has category 'Facilities', which no team owns, and no ownerTeamId."]);
    }

    [Fact]
    public async Task CatalogCutShort_StopsSayingItIsNotValidJson()
    {
        _files.CutCatalogShort();

        var exit = await RunBotAsync();

        AssertRefused(exit, [$"{_files.Catalog}: not valid: "]);
    }

    [Fact]
    public async Task MissingOrganisationFile_StopsSayingItDoesNotExist()
    {
        _files.RemoveOrganisation();

        var exit = await RunBotAsync();

        AssertRefused(exit, [$"{_files.Organisation}: the file does not exist."]);
    }

    [Fact]
    public async Task UnreadableCatalog_StopsSayingItCannotBeRead()
    {
        // Held with FileShare.None, the file cannot be opened by the bot, even as root (unlike chmod 000).
        await using var locked = new FileStream(_files.Catalog, FileMode.Open, FileAccess.Read, FileShare.None);

        var exit = await RunBotAsync();

        AssertRefused(exit, [$"{_files.Catalog}: cannot be read: "]);
    }

    private string[] CatalogProblems =>
    [
        $"{_files.Catalog}: Catalog item id 'laptop-developer' is used 2 times.",
        $"{_files.Catalog}: item 'mouse' has slaHours 0; it must be at least 1.",
    ];

    private string[] OrganisationProblems =>
    [
        $"{_files.Organisation}: team 'team-hardware' has member '{MissingPerson}', who is not a person in the file.",
        $"{_files.Organisation}: team 'team-software' has no channelId, so its request cards would have nowhere to go.",
    ];

    /// <summary>Two mistakes of a hand edit: an item copied without a new id, and a target of 0 hours.</summary>
    private void BreakCatalog() => _files.EditCatalog(catalog =>
    {
        Item(catalog, "monitor")["id"] = "laptop-developer";
        Item(catalog, "mouse")["slaHours"] = 0;
    });

    /// <summary>Two more: a person removed who still works in a team, and a team whose channel id was left blank.</summary>
    private void BreakOrganisation() => _files.EditOrganisation(organisation =>
    {
        var people = organisation["people"]!.AsArray();
        people.Remove(people.Single(p => (string?)p!["id"] == MissingPerson));
        organisation["teams"]!.AsArray().Single(t => (string?)t!["id"] == "team-software")!["channelId"] = "";
    });

    private static JsonObject Item(JsonObject catalog, string id) =>
        catalog["items"]!.AsArray().Single(i => (string?)i!["id"] == id)!.AsObject();

    private static void AssertRefused(HostExit exit, string[] problems)
    {
        Assert.Equal(1, exit.ExitCode);
        Assert.Equal(1, exit.CountOf("The reference data has"));
        foreach (var problem in problems)
        {
            Assert.True(exit.CountOf(problem) == 1, $"Expected once: {problem}\n--- output ---\n{exit.Output}");
        }

        Assert.False(exit.ShowsStackTrace, exit.Output);
    }

    private Task<HostExit> RunBotAsync() =>
        HostRun.UntilExitAsync(RepositoryPaths.BotAssembly, "Development", _files.Arguments);
}
