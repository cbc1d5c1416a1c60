using System.Globalization;
using System.Text.Json.Nodes;
using Azure.Core;

namespace ChatRequests.Testing;

/// <summary>
/// The sample organisation (samples/organisation.json) served by a <see cref="FakeGraphServer"/>: its people as Graph
/// users with their managers, each team and approver group as an Entra group, the groups the sample catalog provisions
/// (samples/catalog.json, empty), and the configuration that points the
/// Graph directory at them (<c>Directory:Provider=Graph</c> and the <c>Directory</c> team and group definitions).
/// </summary>
public static class GraphOrganisation
{
    /// <summary>Loads the sample organisation into <paramref name="graph"/>; returns the host settings for it.</summary>
    public static Dictionary<string, string?> Serve(FakeGraphServer graph)
    {
        var organisation = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Samples("organisation.json")))!;
        foreach (var person in organisation["people"]!.AsArray().Select(p => p!))
        {
            var id = Text(person, "id")!;
            graph.Users[id] = new FakeGraphServer.GraphUser(id, Text(person, "name")!, Text(person, "email") ?? "",
                Text(person, "department"), Text(person, "jobTitle"), Text(person, "managerId"));
        }

        var settings = new Dictionary<string, string?>
        {
            ["Directory:Provider"] = "Graph",
            ["Directory:GraphBaseUrl"] = graph.BaseUrl + "/v1.0",
            ["Directory:MaxRetries"] = "1",
        };
        foreach (var (team, i) in organisation["teams"]!.AsArray().Select((t, i) => (t!, i)))
        {
            var prefix = $"Directory:Teams:{i.ToString(CultureInfo.InvariantCulture)}:";
            var groupId = Group(graph, team);
            settings[prefix + "Id"] = Text(team, "id");
            settings[prefix + "Name"] = Text(team, "name");
            settings[prefix + "ChannelId"] = Text(team, "channelId");
            settings[prefix + "LeadId"] = Text(team, "leadId");
            settings[prefix + "GroupId"] = groupId;
            foreach (var (category, c) in team["categories"]!.AsArray().Select((c, n) => (c!.GetValue<string>(), n)))
            {
                settings[prefix + "Categories:" + c.ToString(CultureInfo.InvariantCulture)] = category;
            }
        }

        foreach (var (group, i) in organisation["approverGroups"]!.AsArray().Select((g, i) => (g!, i)))
        {
            var prefix = $"Directory:ApproverGroups:{i.ToString(CultureInfo.InvariantCulture)}:";
            settings[prefix + "Id"] = Text(group, "id");
            settings[prefix + "Name"] = Text(group, "name");
            settings[prefix + "GroupId"] = Group(graph, group);
        }

        var catalog = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Samples("catalog.json")))!;
        foreach (var provisioning in catalog["items"]!.AsArray().Select(i => i!["provisioning"]).OfType<JsonNode>())
        {
            graph.Groups.TryAdd(Text(provisioning, "groupId")!, []);
        }

        return settings;
    }

    /// <summary>The Entra group standing for a team or approver group, holding its members as users.</summary>
    private static string Group(FakeGraphServer graph, JsonNode definition)
    {
        var groupId = "entra-" + Text(definition, "id");
        graph.Groups[groupId] = [.. definition["memberIds"]!.AsArray().Select(m => ("#microsoft.graph.user", m!.GetValue<string>()))];
        return groupId;
    }

    private static string? Text(JsonNode node, string property) => node[property]?.GetValue<string>();
}

/// <summary>A token credential that hands out a fixed token: for loopback stand-ins that only look at its presence.</summary>
public sealed class StaticTokenCredential(string token = "fake-graph-token") : TokenCredential
{
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(token, DateTimeOffset.UtcNow.AddHours(1));

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
