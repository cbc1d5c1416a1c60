using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChatRequests.Infra.Tests.Bicep;

/// <summary>
/// namePrefix: a prefix that would make an illegal resource name is refused while the parameters file is built (and, by
/// the same rule, by the template itself at deployment); every name derived from a legal prefix is legal.
/// </summary>
public sealed class NamePrefixTests
{
    private const string FailMessage = "must be 3 to 16 lowercase letters, digits and hyphens";

    /// <summary>The characters (every rule of them: IsValidNamePrefix below), too short, too long.</summary>
    [Theory]
    [InlineData("chat_req", "BCP338", FailMessage)]
    [InlineData("ab", "BCP333", "minimum allowable length is 3")]
    [InlineData("chatrequests-prod", "BCP332", "maximum allowable length is 16")]
    public async Task ParametersFileWithABadPrefix_DoesNotBuild(string prefix, string code, string message)
    {
        using var copy = new InfraCopy();
        copy.Replace("main.bicepparam", "var prefix = 'chatreq-dev'", $"var prefix = '{prefix}'");

        var result = await BicepCli.RunAsync("build-params", copy.PathOf("main.bicepparam"), "--stdout");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(code, result.Errors, StringComparison.Ordinal);
        Assert.Contains(message, result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParametersFileWithTheShippedPrefix_Builds()
    {
        var result = await BicepCli.RunAsync("build-params", Path.Combine(InfraCopy.Source, "main.bicepparam"), "--stdout");

        Assert.True(result.ExitCode == 0, result.All);
        var parameters = JsonNode.Parse(JsonNode.Parse(result.Output)!["parametersJson"]!.GetValue<string>())!;
        Assert.Equal("chatreq-dev", parameters["parameters"]!["namePrefix"]!["value"]!.GetValue<string>());
    }

    /// <summary>At deployment (a plain JSON parameters file, the portal): the lengths and the rule are in the ARM template.</summary>
    [Fact]
    public async Task CompiledTemplate_ChecksThePrefixBeforeNamingAnything()
    {
        var result = await BicepCli.BuildMainAsync();
        var template = JsonNode.Parse(result.Output)!;

        var parameter = template["parameters"]!["namePrefix"]!;
        Assert.Equal(3, parameter["minLength"]!.GetValue<int>());
        Assert.Equal(16, parameter["maxLength"]!.GetValue<int>());
        var names = template["variables"]!["names"]!.GetValue<string>();
        Assert.StartsWith("[__bicep.resourceNames(if(__bicep.isValidNamePrefix(parameters('namePrefix')), parameters('namePrefix'), fail(", names, StringComparison.Ordinal);
    }

    private static readonly string[] Legal = ["abc", "a-b", "a1-b2", "abcdefghijklmnop", "a-b-c-d-e-f-g-hi"];

    private static readonly (string Prefix, bool Valid)[] Judged =
    [
        ("abc", true), ("chatreq-prod", true), ("abcdefghijklmnop", true), ("a1-b2", true),
        ("", false), ("ab", false), ("abcdefghijklmnopq", false), ("Abc", false), ("a.bc", false),
        ("a bc", false), ("a_bc", false), ("-abc", false), ("1abc", false), ("abc-", false),
    ];

    public static TheoryData<string> LegalPrefixes => new(Legal);

    public static TheoryData<string, bool> Prefixes
    {
        get
        {
            var data = new TheoryData<string, bool>();
            foreach (var (prefix, valid) in Judged)
            {
                data.Add(prefix, valid);
            }

            return data;
        }
    }

    /// <summary>naming.bicep's functions over every prefix of the theories, evaluated in one Bicep run.</summary>
    private static readonly Lazy<Task<JsonNode>> Evaluated = new(EvaluateAllAsync);

    [Theory]
    [MemberData(nameof(LegalPrefixes))]
    public async Task EveryDerivedName_OfALegalPrefix_IsLegal(string prefix)
    {
        var names = (await Evaluated.Value)[Key("names", prefix)]!["value"]!.AsObject();

        // The naming rules of each resource type (Azure's "Naming rules and restrictions for Azure resources").
        AssertLegal(names, "identity", "^[a-zA-Z0-9][a-zA-Z0-9_-]{2,127}$");
        AssertLegal(names, "logs", "^[a-zA-Z0-9][a-zA-Z0-9-]{2,61}[a-zA-Z0-9]$");
        AssertLegal(names, "appInsights", "^[^%&\\\\?/]{1,260}$");
        AssertLegal(names, "cosmos", "^[a-z0-9][a-z0-9-]{1,42}[a-z0-9]$");
        AssertLegal(names, "serviceBus", "^[a-zA-Z][a-zA-Z0-9-]{4,48}[a-zA-Z0-9]$");
        Assert.False(names["serviceBus"]!.GetValue<string>().EndsWith("-sb", StringComparison.Ordinal));
        AssertLegal(names, "storage", "^[a-z0-9]{3,24}$");
        AssertLegal(names, "plan", "^[a-zA-Z0-9-]{1,60}$");
        AssertLegal(names, "botApp", "^[a-zA-Z0-9][a-zA-Z0-9-]{0,58}[a-zA-Z0-9]$");
        AssertLegal(names, "functionsApp", "^[a-zA-Z0-9][a-zA-Z0-9-]{0,58}[a-zA-Z0-9]$");
        AssertLegal(names, "bot", "^[a-zA-Z0-9][a-zA-Z0-9_.-]{1,63}$");
    }

    [Theory]
    [MemberData(nameof(Prefixes))]
    public async Task IsValidNamePrefix_AcceptsExactlyTheLegalPrefixes(string prefix, bool valid)
    {
        var result = (await Evaluated.Value)[Key("valid", prefix)]!["value"]!.GetValue<bool>();

        Assert.Equal(valid, result);
    }

    private static string Key(string kind, string prefix) => $"{kind}_{Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(prefix))}";

    /// <summary>Evaluates naming.bicep's functions as Bicep does while building a parameters file.</summary>
    private static async Task<JsonNode> EvaluateAllAsync()
    {
        var lines = new List<string> { "using none", "import { isValidNamePrefix, resourceNames } from 'naming.bicep'" };
        lines.AddRange(Judged.Select(j => j.Prefix).Select(p => $"param {Key("valid", p)} = isValidNamePrefix('{p}')"));
        lines.AddRange(Legal.Select(p => $"param {Key("names", p)} = resourceNames('{p}', 'abcdefghijklm')")); // uniqueString: 13 characters
        using var copy = new InfraCopy();
        var file = copy.Write("evaluate.bicepparam", string.Join('\n', lines) + "\n");

        var result = await BicepCli.RunAsync("build-params", file, "--stdout");

        Assert.True(result.ExitCode == 0, result.All);
        return JsonNode.Parse(JsonNode.Parse(result.Output)!["parametersJson"]!.GetValue<string>())!["parameters"]!;
    }

    private static void AssertLegal(JsonObject names, string resource, string pattern)
    {
        var name = names[resource]!.GetValue<string>();
        Assert.True(Regex.IsMatch(name, pattern), $"{resource} name '{name}' does not match {pattern}");
    }
}
