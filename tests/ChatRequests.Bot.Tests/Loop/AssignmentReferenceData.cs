using System.Text.Json.Nodes;
using ChatRequests.Testing;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>
/// The sample organisation with Hardware Service assigning round robin and re-announcing after 4 hours, and the
/// VIPs given to the constructor (object ids) on the escalation ladder's VIP list.
/// </summary>
public sealed class AssignmentReferenceData : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "chatrequests-tests", Guid.NewGuid().ToString("N"));

    public AssignmentReferenceData(params string[] vips)
    {
        Directory.CreateDirectory(_folder);
        var organisation = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Samples("organisation.json")))!;
        var hardware = organisation["teams"]!.AsArray().Single(t => (string?)t!["id"] == "team-hardware")!;
        hardware["assignment"] = new JsonObject { ["mode"] = "roundRobin", ["reannounceAfterHours"] = 4 };
        if (vips.Length > 0)
        {
            organisation["escalation"] = new JsonObject { ["vips"] = new JsonArray([.. vips.Select(v => JsonValue.Create(v))]) };
        }
        var path = Path.Combine(_folder, "organisation.json");
        File.WriteAllText(path, organisation.ToJsonString());
        Settings = new Dictionary<string, string?>
        {
            ["Directory:Path"] = path,
            ["Storage:SqlitePath"] = Path.Combine(_folder, "requests.db"),
            // The relay runs when woken (a turn, a sweep below), so a test sees the sweep's events before they are posted.
            ["Fulfilment:PollInterval"] = "01:00:00",
        };
    }

    /// <summary>The bot's configuration: this organisation, and one database for every run of the test.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
