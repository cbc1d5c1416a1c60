using System.Xml.Linq;

namespace ChatRequests.Architecture.Tests;

/// <summary>
/// The dependency rule of README's architecture section: the hosts (bot/, functions/) only compose, the core has no
/// SDK. Checked on direct references: since no library references a host, no host can reach another through one.
/// </summary>
public sealed class ProjectGraphTests
{
    private static readonly string[] HostFolders = ["bot/", "functions/"];

    // Tests start the hosts, and the load driver starts the bot: they may reference them.
    private static readonly string[] HarnessFolders = ["tests/", "bench/"];

    [Fact]
    public void TheGraphIsRead_WithBothHosts()
    {
        Assert.Contains(ProjectGraph.All, p => p.Name == "ChatRequests.Bot" && IsHost(p.Path));
        Assert.Contains(ProjectGraph.All, p => p.Name == "ChatRequests.Functions" && IsHost(p.Path));
    }

    [Fact]
    public void NoHost_ReferencesAnotherHost()
    {
        var offending = ProjectGraph.All.Where(p => IsHost(p.Path))
            .SelectMany(p => p.ProjectReferences.Where(IsHost).Select(r => $"{p} -> {r}"));

        Assert.Empty(offending);
    }

    [Fact]
    public void NoLibrary_ReferencesAHost()
    {
        var offending = ProjectGraph.All.Where(p => !IsHost(p.Path) && !IsHarness(p.Path))
            .SelectMany(p => p.ProjectReferences.Where(IsHost).Select(r => $"{p} -> {r}"));

        Assert.Empty(offending);
    }

    [Fact]
    public void Core_ReferencesNoProject_AndNoSdk()
    {
        var core = ProjectGraph.Named("ChatRequests.Core");

        Assert.Empty(core.ProjectReferences);
        Assert.All(core.PackageReferences, package => Assert.StartsWith("Microsoft.Extensions.", package));
    }

    [Fact]
    public void ReferenceData_UsedInEveryMode_TakesOnlyTheCore_AndNoStorageSdk()
    {
        var referenceData = ProjectGraph.Named("ChatRequests.ReferenceData");

        Assert.Equal(["core/ChatRequests.Core/ChatRequests.Core.csproj"], referenceData.ProjectReferences);
        Assert.All(referenceData.PackageReferences, package => Assert.StartsWith("Microsoft.Extensions.", package));
    }

    [Fact]
    public void TheSolution_ListsEveryProject()
    {
        var solution = XDocument.Load(Path.Combine(ProjectGraph.Root, "ChatRequests.slnx"));
        var listed = solution.Descendants("Project").Select(e => e.Attribute("Path")!.Value.Replace('\\', '/')).Order(StringComparer.Ordinal);

        Assert.Equal(ProjectGraph.All.Select(p => p.Path), listed);
    }

    private static bool IsHost(string path) => HostFolders.Any(folder => path.StartsWith(folder, StringComparison.Ordinal));

    private static bool IsHarness(string path) => HarnessFolders.Any(folder => path.StartsWith(folder, StringComparison.Ordinal));
}
