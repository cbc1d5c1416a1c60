using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Assignment;

/// <summary>A member of the team as selection sees them: why they cannot take a request now (null when they can), and their load.</summary>
public sealed record Candidate(PersonRef Person, string? Unavailable, int OpenAssigned);

/// <summary>What selection came to: the agent and why ("round robin"), or nobody and why.</summary>
public sealed record AssigneeChoice(PersonRef? Assignee, string Why);

/// <summary>
/// Picks the agent of an approved request among the team's members, in the order the team lists them. Only members
/// who are available take part, and never the requester (nobody fulfils their own request); a lead is a candidate only
/// as a member. Round robin takes the first available member after the one whose turn was last (from the start when that
/// person left the team or there was none); least loaded takes the member with the fewest open requests assigned, ties
/// going in that same rotation, so that equal loads share the work too.
/// </summary>
public static class AssigneeSelection
{
    public static AssigneeChoice Select(AssignmentMode mode, IReadOnlyList<Candidate> members, string? lastTurnId, string requesterId)
    {
        var rotation = Rotation(members, lastTurnId);
        var able = rotation.Where(c => c.Unavailable is null && c.Person.Id != requesterId).ToList();
        if (able.Count == 0)
        {
            return new AssigneeChoice(null, NobodyWhy(members, requesterId));
        }

        if (mode == AssignmentMode.LeastLoaded)
        {
            var least = able.MinBy(c => c.OpenAssigned)!;
            return new AssigneeChoice(least.Person, $"least loaded: {least.OpenAssigned} open");
        }

        return new AssigneeChoice(able[0].Person, "round robin");
    }

    /// <summary>The members starting after the one whose turn was last.</summary>
    private static List<Candidate> Rotation(IReadOnlyList<Candidate> members, string? lastTurnId)
    {
        var last = lastTurnId is null ? -1 : members.ToList().FindIndex(c => c.Person.Id == lastTurnId);
        return [.. members.Skip(last + 1), .. members.Take(last + 1)];
    }

    private static string NobodyWhy(IReadOnlyList<Candidate> members, string requesterId)
    {
        if (members.Count == 0)
        {
            return "the team has no members";
        }

        var reasons = members.Select(c => c.Person.Id == requesterId ? $"{c.Person.Name} raised it" : $"{c.Person.Name} {c.Unavailable}");
        return string.Join(", ", reasons);
    }
}
