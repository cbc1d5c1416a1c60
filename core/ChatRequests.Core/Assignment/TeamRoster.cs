using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Assignment;

/// <summary>A team's members by name, in the team's order, as the team card's "Reassign" offers them.</summary>
public static class TeamRoster
{
    /// <summary>The members the directory knows (one no longer in it is left out: nobody could reach them).</summary>
    public static async Task<IReadOnlyList<PersonRef>> MembersAsync(IDirectory directory, Team team, CancellationToken cancellationToken = default)
    {
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
