using System.Text.Json.Nodes;
using ChatRequests.Testing;

namespace ChatRequests.Infra.Tests.Functions;

/// <summary>The bindings of the Functions app (functions/ChatRequests.Functions/*/function.json) as Azure will read them.</summary>
public sealed class FunctionSettingsTests
{
    private static string FunctionsFolder => Path.Combine(RepositoryPaths.Root, "functions", "ChatRequests.Functions");

    /// <summary>
    /// The bot is deployed (and used) before the Functions app first runs: a change feed trigger that starts "from now"
    /// would never relay or project the requests written before. The leases make "from the beginning" apply once.
    /// </summary>
    [Fact]
    public void EveryCosmosTrigger_StartsFromTheBeginning_WithLeasesOfItsOwn()
    {
        var triggers = Directory.EnumerateFiles(FunctionsFolder, "function.json", SearchOption.AllDirectories)
            .Where(file => Path.GetDirectoryName(Path.GetDirectoryName(file)) == FunctionsFolder) // not the build output's copies
            .SelectMany(file => JsonNode.Parse(File.ReadAllText(file))!["bindings"]!.AsArray()
                .Where(b => b!["type"]!.GetValue<string>() == "cosmosDBTrigger")
                .Select(b => (Function: Path.GetFileName(Path.GetDirectoryName(file)!), Binding: b!)))
            .ToList();

        Assert.Contains(triggers, t => t.Function == "RelayOutbox");
        Assert.Contains(triggers, t => t.Function == "ProjectFacts");
        Assert.All(triggers, t => Assert.True(t.Binding["startFromBeginning"]?.GetValue<bool>() == true, $"{t.Function}: startFromBeginning must be true"));
        var prefixes = triggers.Select(t => t.Binding["leaseContainerPrefix"]!.GetValue<string>()).ToList();
        Assert.Equal(prefixes.Count, prefixes.Distinct(StringComparer.Ordinal).Count());
    }
}
