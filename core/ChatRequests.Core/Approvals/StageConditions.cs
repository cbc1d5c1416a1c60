using System.Globalization;
using ChatRequests.Core.Catalog;

namespace ChatRequests.Core.Approvals;

/// <summary>When an approval stage applies (<see cref="StageCondition"/>), read from the item and the form's values.</summary>
public static class StageConditions
{
    public static bool Apply(StageCondition? when, CatalogItem item, IReadOnlyDictionary<string, string> fields)
    {
        if (when is null)
        {
            return true;
        }

        if (when.CostAbove is { } threshold && !(Cost(item, fields) > threshold))
        {
            return false;
        }

        if (when.RiskAtLeast is { } risk && item.Risk < risk)
        {
            return false;
        }

        return when.Field is not { } field
            || string.Equals(fields.GetValueOrDefault(field)?.Trim(), when.Value?.Trim(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The item's cost times the quantity the form asks for (1 when the item has no quantity field); null without a cost.</summary>
    public static decimal? Cost(CatalogItem item, IReadOnlyDictionary<string, string> fields)
    {
        if (item.Cost is not { } cost)
        {
            return null;
        }

        return item.QuantityField is { } quantityField
            && decimal.TryParse(fields.GetValueOrDefault(quantityField), NumberStyles.Number, CultureInfo.InvariantCulture, out var quantity)
            ? cost * quantity
            : cost;
    }
}
