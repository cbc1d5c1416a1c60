using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Assignment;

/// <summary>A team's members by name, in the team's order, as the team card's "Reassign" offers them.</summary>
public static class TeamRoster
{
    /// <summary>
    /// The members the card may offer to reassign <paramref name="request"/> to: none, and no directory look-up, when its
    /// state allows no assignment (the card then offers no "Reassign", and names nobody it does not hold already). A member
    /// no longer in the directory is left out: nobody could reach them.
    /// </summary>
    public static async Task<IReadOnlyList<PersonRef>> ReassignChoicesAsync(
        IDirectory directory, Team team, ServiceRequest request, CancellationToken cancellationToken = default)
    {
        if (!RequestTransitions.IsAllowed(request.State, RequestCommand.Assign))
        {
            return [];
        }

        var members = new List<PersonRef>(team.MemberIds.Count);
        foreach (var memberId in team.MemberIds)
        {
            if (await directory.FindPersonAsync(memberId, cancellationToken) is { } person)
            {
                members.Add(new PersonRef(person.Id, person.Name));
            }
        }

        return members;
    }
}
