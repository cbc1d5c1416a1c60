using ChatRequests.Core.Provisioning;
using ChatRequests.Core.Requests;

namespace ChatRequests.Core.AccessReviews;

/// <summary>
/// Access a request granted and that still stands: <see cref="Person"/> was added to <see cref="GroupId"/> by the
/// automatic provisioning of <see cref="RequestId"/> (its item <see cref="ItemName"/>, its team <see cref="TeamId"/>) at
/// <see cref="GrantedAt"/>. Names are snapshots, as on a request.
/// </summary>
public sealed record AccessGrant(
    string RequestId, PersonRef Person, string ItemName, string TeamId, string GroupId, string GroupName, DateTimeOffset GrantedAt)
{
    /// <summary>
    /// The grants of <paramref name="requests"/> that still stand: for each person and group, the latest addToGroup step
    /// done, unless a later removal (a removeFromGroup step done, or an access review's removal) took it away.
    /// </summary>
    public static IReadOnlyList<AccessGrant> StillGranted(IEnumerable<ServiceRequest> requests)
    {
        var granted = new Dictionary<(string Person, string Group), AccessGrant>();
        var removed = new Dictionary<(string Person, string Group), DateTimeOffset>();
        foreach (var request in requests)
        {
            var steps = request.ProvisioningStepList;
            for (var i = 0; i < steps.Count; i++)
            {
                if (steps[i].GroupId is not { Length: > 0 } groupId
                    || request.StepProgress(i) is not { Status: ProvisioningStatus.Done } progress)
                {
                    continue;
                }

                var key = (request.Requester.Id, groupId);
                var at = progress.At ?? request.UpdatedAt;
                if (steps[i].Kind == ProvisioningStepKind.AddToGroup)
                {
                    if (!granted.TryGetValue(key, out var earlier) || earlier.GrantedAt < at)
                    {
                        granted[key] = new AccessGrant(request.Id, request.Requester, request.ItemName, request.TeamId, groupId, steps[i].GroupName ?? groupId, at);
                    }
                }
                else if (steps[i].Kind == ProvisioningStepKind.RemoveFromGroup)
                {
                    Later(removed, key, at);
                }
            }

            foreach (var removal in request.AccessRemovals)
            {
                Later(removed, (request.Requester.Id, removal.GroupId), removal.At);
            }
        }

        return [.. granted.Values
            .Where(g => !removed.TryGetValue((g.Person.Id, g.GroupId), out var at) || at < g.GrantedAt)
            .OrderBy(g => g.Person.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(g => g.GroupName, StringComparer.OrdinalIgnoreCase)];
    }

    private static void Later(Dictionary<(string, string), DateTimeOffset> removed, (string, string) key, DateTimeOffset at)
    {
        if (!removed.TryGetValue(key, out var known) || known < at)
        {
            removed[key] = at;
        }
    }
}
