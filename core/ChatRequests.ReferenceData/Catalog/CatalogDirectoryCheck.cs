using ChatRequests.Core.Catalog;
using ChatRequests.Core.Organisation;

namespace ChatRequests.ReferenceData.Catalog;

/// <summary>
/// Checks that every catalog item can be routed and approved with the directory at hand: its team exists
/// (by ownerTeamId or by a team owning its category) and so does its approver group.
/// </summary>
public static class CatalogDirectoryCheck
{
    /// <summary>The problems found, each naming <paramref name="catalogName"/> and the item; empty when all is well.</summary>
    public static async Task<IReadOnlyList<string>> FindProblemsAsync(
        ICatalog catalog, IDirectory directory, string catalogName, CancellationToken cancellationToken = default)
    {
        var teams = await directory.ListTeamsAsync(cancellationToken);
        var problems = new List<string>();
        foreach (var item in catalog.Items)
        {
            if (item.OwnerTeamId is { } ownerTeamId)
            {
                if (!teams.Any(t => t.Id == ownerTeamId))
                {
                    problems.Add($"{catalogName}: item '{item.Id}' has ownerTeamId '{ownerTeamId}', which is not a team in the directory.");
                }
            }
            else if (!teams.Any(t => t.Categories.Contains(item.Category, StringComparer.OrdinalIgnoreCase)))
            {
                problems.Add($"{catalogName}: item '{item.Id}' has category '{item.Category}', which no team owns, and no ownerTeamId.");
            }

            if (item.ApproverGroupId is { } groupId && await directory.FindGroupAsync(groupId, cancellationToken) is null)
            {
                problems.Add($"{catalogName}: item '{item.Id}' has approverGroupId '{groupId}', which is not an approver group in the directory.");
            }

            await CheckApprovalAsync(item, directory, catalogName, problems, cancellationToken);
        }

        return problems;
    }

    /// <summary>The groups and the owner an item's approval names exist in the directory.</summary>
    private static async Task CheckApprovalAsync(
        CatalogItem item, IDirectory directory, string catalogName, List<string> problems, CancellationToken cancellationToken)
    {
        var groupIds = item.Approval.Stages.Select(s => s.GroupId).Append(item.Owner?.GroupId).OfType<string>().Distinct();
        foreach (var groupId in groupIds)
        {
            if (await directory.FindGroupAsync(groupId, cancellationToken) is null)
            {
                problems.Add($"{catalogName}: item '{item.Id}' has an approval group '{groupId}', which is not an approver group in the directory.");
            }
        }

        if (item.Owner?.PersonId is { } ownerId && await directory.FindPersonAsync(ownerId, cancellationToken) is null)
        {
            problems.Add($"{catalogName}: item '{item.Id}' has owner personId '{ownerId}', who is not a person in the directory.");
        }
    }
}
