using System.Text.Json;
using ChatRequests.Testing;

namespace ChatRequests.LoadDriver;

/// <summary>An employee who asks for things, and the line manager who approves them.</summary>
internal sealed record Employee(Persona Person, Persona Manager);

internal static class Employees
{
    /// <summary>
    /// People of samples/organisation.json whose manager is in the directory and who manage nobody, in file order:
    /// each has their own chat with the bot and no approval cards land in it, so concurrent workers never share a
    /// conversation.
    /// </summary>
    public static IReadOnlyList<Employee> FromSampleOrganisation()
    {
        using var file = File.OpenRead(RepositoryPaths.Samples("organisation.json"));
        var people = JsonSerializer.Deserialize<Organisation>(file, JsonSerializerOptions.Web)?.People ?? [];
        var byId = people.ToDictionary(p => p.Id);
        var managers = people.Select(p => p.ManagerId).OfType<string>().ToHashSet();
        return
        [
            .. people
                .Where(p => p.ManagerId is { } managerId && byId.ContainsKey(managerId) && !managers.Contains(p.Id))
                .Select(p => new Employee(new Persona(p.Id, p.Name), new Persona(p.ManagerId!, byId[p.ManagerId!].Name))),
        ];
    }

    private sealed record Organisation(IReadOnlyList<Person> People);

    private sealed record Person(string Id, string Name, string? ManagerId);
}
