using System.Globalization;
using System.Text.Json.Nodes;
using ChatRequests.Testing;

namespace ChatRequests.LoadDriver;

/// <summary>An employee who asks for things, the line manager who approves them, and the agent who takes them on.</summary>
internal sealed record Employee(Persona Person, Persona Manager, Persona Agent);

/// <summary>
/// The organisation the bot reads in the run: samples/organisation.json plus one bench employee per concurrent
/// worker, each with a manager of their own. Every employee has their own chat with the bot, no approval card lands
/// in a requester's chat, and no two workers ever share a conversation. The agents are the Hardware team's members.
/// </summary>
internal sealed record BenchOrganisation(string FilePath, IReadOnlyList<Employee> Employees, string TeamChannelId)
{
    private const string HardwareTeam = "team-hardware";

    // The bench people's Entra object ids: a block no sample person uses.
    private const string EmployeeIdPrefix = "00000000-0000-0000-00be-";
    private const string ManagerIdPrefix = "00000000-0000-0000-00bf-";

    /// <param name="closure">The organisation's <c>closure</c> settings (how resolved requests close), if any.</param>
    public static BenchOrganisation Write(string folder, int employees, JsonObject? closure = null)
    {
        var document = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Samples("organisation.json")))!.AsObject();
        if (closure is not null)
        {
            document["closure"] = closure;
        }

        var people = document["people"]!.AsArray();
        var topManagerId = people.Single(p => p!["managerId"] is null && p["jobTitle"]?.GetValue<string>() == "Chief Information Officer")!["id"]!.GetValue<string>();
        var team = document["teams"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == HardwareTeam)!;
        var agents = team["memberIds"]!.AsArray()
            .Select(id => people.Single(p => p!["id"]!.GetValue<string>() == id!.GetValue<string>())!)
            .Select(p => new Persona(p["id"]!.GetValue<string>(), p["name"]!.GetValue<string>()))
            .ToList();

        var list = new List<Employee>();
        for (var i = 1; i <= employees; i++)
        {
            var number = i.ToString(employees < 100 ? "D2" : "D3", CultureInfo.InvariantCulture);
            var manager = new Persona(ManagerIdPrefix + i.ToString("D12", CultureInfo.InvariantCulture), $"Bench Manager {number}");
            var employee = new Persona(EmployeeIdPrefix + i.ToString("D12", CultureInfo.InvariantCulture), $"Bench Employee {number}");
            people.Add(Person(manager, "Bench Manager", topManagerId));
            people.Add(Person(employee, "Bench Employee", manager.AadObjectId));
            list.Add(new Employee(employee, manager, agents[(i - 1) % agents.Count]));
        }

        var path = Path.Combine(folder, "organisation.json");
        File.WriteAllText(path, document.ToJsonString());
        return new BenchOrganisation(path, list, team["channelId"]!.GetValue<string>());
    }

    private static JsonObject Person(Persona who, string jobTitle, string managerId) => new()
    {
        ["id"] = who.AadObjectId,
        ["name"] = who.Name,
        ["email"] = who.Name.Replace(' ', '.').ToLowerInvariant() + "@contoso.com",
        ["department"] = "Bench",
        ["jobTitle"] = jobTitle,
        ["managerId"] = managerId,
    };
}
