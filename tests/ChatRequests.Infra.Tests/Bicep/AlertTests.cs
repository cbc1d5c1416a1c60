using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatRequests.Testing;

namespace ChatRequests.Infra.Tests.Bicep;

/// <summary>
/// infra/modules/alerts.bicep: a parked event and an outbox falling behind alert in Azure Monitor (what /status says, which
/// /health, the liveness path, no longer does). The rules query the gauges the product sends, by name: a renamed gauge
/// would leave an alert that never fires, so the names are checked against core's TelemetryNames.
/// </summary>
public sealed class AlertTests
{
    private static readonly string TelemetryNamesSource = Path.Combine(
        RepositoryPaths.Root, "core", "ChatRequests.Core", "Telemetry", "TelemetryNames.cs");

    [Theory]
    [InlineData("ParkedEvents", "-parked-events")]
    [InlineData("OutboxOldestAge", "-outbox-behind")]
    public async Task EachStatusAlert_QueriesAGaugeTheProductSends(string constant, string ruleSuffix)
    {
        var metric = MetricName(constant);
        var rules = (await AlertsTemplateAsync())["variables"]!["rules"]!.AsArray();

        var rule = Assert.Single(rules, r => r!["name"]!.GetValue<string>().Contains("}" + ruleSuffix + "'", StringComparison.Ordinal));
        Assert.Contains($"name == \"{metric}\"", rule!["query"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheActionGroup_IsCreatedOnlyWithAnEmail_AndTheRulesUseIt()
    {
        var resources = (await AlertsTemplateAsync())["resources"]!;

        Assert.Equal("[variables('emailed')]", resources["team"]!["condition"]!.GetValue<string>());
        Assert.Equal("Microsoft.Insights/scheduledQueryRules", resources["alerts"]!["type"]!.GetValue<string>());
        Assert.Contains("team", resources["alerts"]!["properties"]!["actions"]!.ToJsonString(), StringComparison.Ordinal);
    }

    private static async Task<JsonNode> AlertsTemplateAsync()
    {
        var result = await BicepCli.BuildMainAsync();
        Assert.True(result.ExitCode == 0, result.All);
        return JsonNode.Parse(result.Output)!["resources"]!["alerts"]!["properties"]!["template"]!;
    }

    private static string MetricName(string constant)
    {
        var match = Regex.Match(File.ReadAllText(TelemetryNamesSource), $@"\b{constant} = ""([^""]+)""");
        Assert.True(match.Success, $"TelemetryNames has no {constant}");
        return match.Groups[1].Value;
    }
}
