using System.Text.Json.Nodes;
using ChatRequests.Testing;

namespace ChatRequests.Functions.Tests;

/// <summary>
/// The custom handler process as the Functions host starts it, with broken reference data: it stops before serving,
/// with the list of problems once, no stack trace, and exit code 1 (the bot's cases: Bot.Tests ReferenceDataRefusalTests).
/// </summary>
public sealed class ReferenceDataRefusalTests : IDisposable
{
    private readonly ReferenceDataCopies _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task BothFilesWithProblems_StopsListingTheProblemsOfBothOnce()
    {
        _files.CutCatalogShort();
        _files.EditOrganisation(organisation =>
            organisation["approverGroups"]!.AsArray().Single(g => (string?)g!["id"] == "grp-finance")!["memberIds"] = new JsonArray());

        var exit = await HostRun.UntilExitAsync(RepositoryPaths.FunctionsAssembly, "Development", _files.Arguments);

        Assert.Equal(1, exit.ExitCode);
        Assert.Equal(1, exit.CountOf("The reference data has 2 problems"));
        Assert.Equal(1, exit.CountOf($"{_files.Catalog}: not valid: "));
        Assert.Equal(1, exit.CountOf($"{_files.Organisation}: approver group 'grp-finance' has no members, so nobody could approve for it."));
        Assert.False(exit.ShowsStackTrace, exit.Output);
    }
}
