using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core;

namespace ChatRequests.Testing;

/// <summary>
/// An organisation file (as the JSON file directory reads it) served by a <see cref="FakeGraphServer"/>: its people as
/// Graph users with their managers, each team and approver group as an Entra group, and the configuration that points
/// the Graph directory at them (<c>Directory:Provider=Graph</c> and the <c>Directory</c> team and group definitions).
/// </summary>
public static class GraphOrganisation
{
    // The JSON file directory reads files with comments and trailing commas; so does this.
    private static readonly JsonDocumentOptions FileOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>
    /// Loads the sample organisation (samples/organisation.json) into <paramref name="graph"/>, with the groups the
    /// sample catalog provisions (samples/catalog.json, empty); returns the host settings for it.
    /// </summary>
    public static Dictionary<string, string?> Serve(FakeGraphServer graph)
    {
        var settings = Serve(graph, RepositoryPaths.Samples("organisation.json"));
        var catalog = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Samples("catalog.json")), documentOptions: FileOptions)!;
        foreach (var provisioning in catalog["items"]!.AsArray().Select(i => i!["provisioning"]).OfType<JsonNode>())
        {
            graph.Groups.TryAdd(Text(provisioning, "groupId")!, []);
        }

        return settings;
    }

    /// <summary>Loads the organisation file at <paramref name="organisationFile"/> into <paramref name="graph"/>; returns the host settings for it.</summary>
    public static Dictionary<string, string?> Serve(FakeGraphServer graph, string organisationFile)
    {
        var organisation = JsonNode.Parse(File.ReadAllText(organisationFile), documentOptions: FileOptions)!;
        foreach (var person in organisation["people"]!.AsArray().Select(p => p!))
        {
            var id = Text(person, "id")!;
            graph.Users[id] = new FakeGraphServer.GraphUser(id, Text(person, "name")!, Text(person, "email"),
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

        foreach (var (costCentre, i) in (organisation["costCentres"]?.AsArray() ?? []).Select((c, i) => (c!, i)))
        {
            var prefix = $"Directory:CostCentres:{i.ToString(CultureInfo.InvariantCulture)}:";
            settings[prefix + "Id"] = Text(costCentre, "id");
            settings[prefix + "Name"] = Text(costCentre, "name");
            settings[prefix + "OwnerId"] = Text(costCentre, "ownerId");
        }

        foreach (var (entitlement, i) in (organisation["entitlements"]?.AsArray() ?? []).Select((e, i) => (e!, i)))
        {
            var prefix = $"Directory:Entitlements:{i.ToString(CultureInfo.InvariantCulture)}:";
            foreach (var property in new[] { "department", "jobTitle", "groupId" })
            {
                settings[prefix + property] = Text(entitlement, property);
            }

            foreach (var list in new[] { "itemIds", "categories" })
            {
                foreach (var (value, n) in (entitlement[list]?.AsArray() ?? []).Select((v, n) => (v!.GetValue<string>(), n)))
                {
                    settings[prefix + list + ":" + n.ToString(CultureInfo.InvariantCulture)] = value;
                }
            }
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
    private readonly ConcurrentQueue<string[]> _scopes = new();

    /// <summary>The scopes of every token asked for, in order.</summary>
    public IReadOnlyList<string[]> RequestedScopes => [.. _scopes];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        _scopes.Enqueue(requestContext.Scopes);
        return new(token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
