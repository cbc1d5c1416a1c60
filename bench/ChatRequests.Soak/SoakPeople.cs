using System.Text.Json.Nodes;
using ChatRequests.Testing;

namespace ChatRequests.Soak;

/// <summary>
/// Who acts in the soak, read from the organisation file the bot reads: requesters (everyone with a manager who is in no
/// service team), and each team's members by its channel, who work the requests that reach it.
/// </summary>
public sealed class SoakPeople
{
    private readonly Dictionary<string, Persona> _byId;
    private readonly Dictionary<string, IReadOnlyList<Persona>> _agentsByChannel;

    private SoakPeople(Dictionary<string, Persona> byId, IReadOnlyList<Persona> requesters, Dictionary<string, IReadOnlyList<Persona>> agentsByChannel)
    {
        _byId = byId;
        Requesters = requesters;
        _agentsByChannel = agentsByChannel;
    }

    public IReadOnlyList<Persona> Requesters { get; }

    public static SoakPeople Read(string organisationFile)
    {
        var document = JsonNode.Parse(File.ReadAllText(organisationFile))!.AsObject();
        var people = document["people"]!.AsArray().Select(p => p!.AsObject()).ToList();
        var byId = people.ToDictionary(p => Text(p, "id"), p => new Persona(Text(p, "id"), Text(p, "name")), StringComparer.Ordinal);
        var teams = document["teams"]!.AsArray().Select(t => t!.AsObject()).ToList();
        var inTeams = teams.SelectMany(t => t["memberIds"]!.AsArray().Select(id => id!.GetValue<string>()).Append(t["leadId"]?.GetValue<string>()))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var requesters = people
            .Where(p => p["managerId"]?.GetValue<string>() is { } manager && byId.ContainsKey(manager) && !inTeams.Contains(Text(p, "id")))
            .Select(p => byId[Text(p, "id")])
            .ToList();
        var agents = teams.ToDictionary(
            t => Text(t, "channelId"),
            t => (IReadOnlyList<Persona>)[.. t["memberIds"]!.AsArray().Select(id => byId[id!.GetValue<string>()])],
            StringComparer.Ordinal);
        return requesters.Count > 0
            ? new SoakPeople(byId, requesters, agents)
            : throw new InvalidOperationException($"{organisationFile} has nobody who could request: everyone is in a team or has no manager.");
    }

    /// <summary>The person with this Entra object id (a chat's member, an approver).</summary>
    public Persona Person(string id) =>
        _byId.TryGetValue(id, out var person) ? person : throw new InvalidOperationException($"{id} is not in the organisation.");

    /// <summary>A member of the team whose channel holds <paramref name="threadId"/>, chosen by <paramref name="turn"/>.</summary>
    public Persona AgentFor(string threadId, int turn)
    {
        var channel = ChatRequests.Teams.Connector.ConversationIds.ChannelOf(threadId);
        return _agentsByChannel.TryGetValue(channel, out var agents) && agents.Count > 0
            ? agents[turn % agents.Count]
            : throw new InvalidOperationException($"No team of the organisation has the channel {channel}, or it has no members.");
    }

    private static string Text(JsonObject node, string name) =>
        node[name]?.GetValue<string>() ?? throw new InvalidOperationException($"An entry of the organisation has no {name}: {node.ToJsonString()}");
}
