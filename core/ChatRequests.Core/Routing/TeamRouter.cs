using ChatRequests.Core.Catalog;
using ChatRequests.Core.Organisation;

namespace ChatRequests.Core.Routing;

/// <summary>Finds the team that fulfils a catalog item: the item's owner, else the team owning its category.</summary>
public static class TeamRouter
{
    public static Team Route(CatalogItem item, IReadOnlyList<Team> teams)
    {
        if (item.OwnerTeamId is { } ownerId)
        {
            return teams.FirstOrDefault(t => t.Id == ownerId)
                ?? throw new InvalidOperationException($"Catalog item '{item.Id}' names team '{ownerId}', which does not exist.");
        }

        return teams.FirstOrDefault(t => t.Categories.Contains(item.Category, StringComparer.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No team owns the category '{item.Category}' of catalog item '{item.Id}'.");
    }
}
