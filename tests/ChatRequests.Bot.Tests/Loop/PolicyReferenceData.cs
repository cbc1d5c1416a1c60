using System.Text.Json.Nodes;
using ChatRequests.Testing;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>
/// A catalog of the test's own next to the sample organisation with one more approver group, Marketing leads (Alex and
/// Miriam), and the entitlements the test gives: what the approval policy tests run the bot on.
/// </summary>
public sealed class PolicyReferenceData : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "chatrequests-tests", Guid.NewGuid().ToString("N"));

    public PolicyReferenceData(string catalogJson, JsonArray? entitlements = null)
    {
        Directory.CreateDirectory(_folder);
        var organisation = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Samples("organisation.json")))!;
        organisation["approverGroups"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "grp-leads",
            ["name"] = "Marketing leads",
            ["memberIds"] = new JsonArray(Persona.Alex.AadObjectId, Persona.Miriam.AadObjectId),
        });
        organisation["entitlements"] = entitlements ?? [];
        Settings = new Dictionary<string, string?>
        {
            ["Catalog:Path"] = Write("catalog.json", catalogJson),
            ["Directory:Path"] = Write("organisation.json", organisation.ToJsonString()),
        };
    }

    /// <summary>The bot's configuration pointing at the two files.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string json)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, json);
        return path;
    }
}
