using ChatRequests.Core.Catalog;

namespace ChatRequests.Azure.Understanding;

/// <summary>What is embedded for a catalog item: the catalog's own words about it, nothing else.</summary>
public static class ItemText
{
    public static string Of(CatalogItem item)
    {
        var parts = new List<string> { item.Name };
        if (item.Synonyms.Count > 0)
        {
            parts.Add("Also called: " + string.Join(", ", item.Synonyms));
        }

        parts.Add("Category: " + item.Category);
        if (!string.IsNullOrWhiteSpace(item.Description))
        {
            parts.Add(item.Description.Trim());
        }

        if (item.Keywords.Count > 0)
        {
            parts.Add("Keywords: " + string.Join(", ", item.Keywords));
        }

        return string.Join(". ", parts);
    }
}
