using System.Text.Json.Nodes;

namespace ChatRequests.Infra.Tests.Bicep;

/// <summary>
/// infra/ compiles and lints clean with the Bicep CLI and infra/bicepconfig.json (strict rules as errors), and the
/// checks are real: a broken module or a rule broken anywhere under infra/ fails them. Each Bicep run costs seconds,
/// so every test makes one.
/// </summary>
public sealed class BicepBuildTests
{
    /// <summary>Every template, module and parameters file under a folder, in one run.</summary>
    public static Task<CommandResult> LintAllAsync(string folder) =>
        BicepCli.RunAsync("lint", "--pattern", Path.Combine(folder, "**", "*.bicep*"));

    [Fact]
    public async Task MainTemplate_Builds_WithoutAnyDiagnostic()
    {
        var result = await BicepCli.BuildMainAsync();

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal("", result.Errors);
        Assert.NotNull(JsonNode.Parse(result.Output)!["resources"]!["apps"]);
    }

    [Fact]
    public async Task EveryFile_LintsWithoutAnyDiagnostic()
    {
        var result = await LintAllAsync(InfraCopy.Source);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal("", result.All);
    }

    [Theory]
    [InlineData("what-if-short-circuiting")]
    [InlineData("use-recent-api-versions")]
    [InlineData("use-user-defined-types")]
    [InlineData("no-unused-vars")]
    public void TheConfig_MakesTheStrictRulesErrors(string rule)
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(InfraCopy.Source, "bicepconfig.json")))!;

        Assert.Equal("error", config["analyzers"]!["core"]!["rules"]![rule]!["level"]!.GetValue<string>());
    }

    [Fact]
    public async Task BrokenModule_FailsTheBuildOfMain()
    {
        using var copy = new InfraCopy();
        copy.Replace(Path.Combine("modules", "storage.bicep"), "param identityResourceId string", "param identityResourceIdentifier string");

        var result = await BicepCli.RunAsync("build", copy.PathOf("main.bicep"), "--stdout");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("identityResourceId", result.Errors, StringComparison.Ordinal);
    }

    /// <summary>The lint reaches modules and parameters files, and the rules the issue names are on.</summary>
    [Fact]
    public async Task RulesBrokenInAModuleAndTheParameters_FailTheLint()
    {
        using var copy = new InfraCopy();
        var storage = Path.Combine("modules", "storage.bicep");
        copy.Replace(storage, "Microsoft.Storage/storageAccounts@2026-09-01", "Microsoft.Storage/storageAccounts@2023-05-01");
        copy.Replace(storage, "guid(account.id, identityResourceId, role)", "guid(account.id, principalId, role)");
        copy.Replace("main.bicepparam", "param planSku = 'B1'", "var unused = 'B1'\nparam planSku = 'B1'");

        var result = await LintAllAsync(copy.Folder);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("use-recent-api-versions", result.All, StringComparison.Ordinal);
        Assert.Contains("what-if-short-circuiting", result.All, StringComparison.Ordinal);
        Assert.Contains("main.bicepparam(", result.All, StringComparison.Ordinal);
        Assert.Contains("no-unused-vars", result.All, StringComparison.Ordinal);
    }
}
