using ChatRequests.Core.Catalog;

namespace ChatRequests.ReferenceData.Catalog;

/// <summary>
/// Checks an item's approval policy as written in the catalog file, each mistake explained: what is wrong and what
/// would be right. What needs the directory (do the groups and the owner exist) is <see cref="CatalogDirectoryCheck"/>'s.
/// </summary>
public static class ApprovalPolicyCheck
{
    /// <summary>How far up a Manager stage may reach: the resolver follows at most that many managers.</summary>
    public const int MaxLevels = 10;

    public static void Check(string itemName, CatalogItem item, ProblemList problems)
    {
        CheckItem(itemName, item, problems);

        // The shorthands were checked as they always were; a policy in stages is checked stage by stage.
        if (item.Approval.Shorthand is not null)
        {
            return;
        }

        if (item.Approval.Stages.Count == 0)
        {
            problems.Add($"{itemName} has approval with no stages; write \"approval\": \"None\" for an item that needs no approval.");
        }

        for (var index = 0; index < item.Approval.Stages.Count; index++)
        {
            var stage = item.Approval.Stages[index];
            var name = $"{itemName} approval stage {index + 1}";
            CheckStage(name, stage, item, problems);
            if (stage.When is { } when)
            {
                CheckCondition(name, when, item, problems);
            }
        }
    }

    private static void CheckItem(string itemName, CatalogItem item, ProblemList problems)
    {
        if (item.QuantityField is { } quantityField && item.Fields.FirstOrDefault(f => f.Id == quantityField) is not { Type: FieldType.Number })
        {
            problems.Add($"{itemName} has quantityField '{quantityField}', which is not a Number field of the item.");
        }

        if (item.Owner is { } owner && (owner.PersonId is null) == (owner.GroupId is null))
        {
            problems.Add($"{itemName} has an owner with {(owner.PersonId is null ? "neither" : "both")} personId {(owner.PersonId is null ? "nor" : "and")} groupId; give one of them.");
        }
    }

    private static void CheckStage(string name, StagePolicy stage, CatalogItem item, ProblemList problems)
    {
        switch (stage.Kind)
        {
            case StageKinds.Manager when stage.Levels is < 1 or > MaxLevels:
                problems.Add($"{name} (Manager) has levels {stage.Levels}; it must be from 1 (the direct manager) to {MaxLevels}.");
                break;
            case StageKinds.Group when stage.GroupId is null && item.ApproverGroupId is null:
                problems.Add($"{name} (Group) has no groupId and the item has no approverGroupId, so no group would be asked.");
                break;
            case StageKinds.Owner when item.Owner is null:
                problems.Add($"{name} (Owner) asks the item's owner, but the item has no owner; add \"owner\": {{ \"personId\": ... }} or {{ \"groupId\": ... }}.");
                break;
            case StageKinds.CostCentreOwner when !item.Fields.Any(f => f.Id == stage.Field):
                problems.Add($"{name} (CostCentreOwner) reads the cost centre from field '{stage.Field}', which the item does not have.");
                break;
            case StageKinds.Manager or StageKinds.Group or StageKinds.Owner or StageKinds.CostCentreOwner:
                break;
            default:
                problems.Add($"{name} has kind '{stage.Kind}', which is not a stage kind; use one of {string.Join(", ", StageKinds.All)}.");
                break;
        }

        if (stage.Kind != StageKinds.Manager && stage.Levels != 1)
        {
            problems.Add($"{name} ({stage.Kind}) has levels, which only a Manager stage has.");
        }

        if (stage.Kind != StageKinds.Group && stage.GroupId is not null)
        {
            problems.Add($"{name} ({stage.Kind}) has a groupId, which only a Group stage has (an Owner group is the item's owner.groupId).");
        }
    }

    private static void CheckCondition(string name, StageCondition when, CatalogItem item, ProblemList problems)
    {
        if (when.CostAbove is null && when.RiskAtLeast is null && when.Field is null && when.Value is null)
        {
            problems.Add($"{name} has an empty condition (when); give costAbove, riskAtLeast or field and value, or remove it.");
        }

        if (when.CostAbove is { } threshold)
        {
            if (item.Cost is null)
            {
                problems.Add($"{name} applies when the cost is above {threshold}, but the item has no cost.");
            }
            else if (threshold < 0)
            {
                problems.Add($"{name} has a negative costAbove ({threshold}).");
            }
        }

        if ((when.Field is null) != (when.Value is null))
        {
            problems.Add($"{name} has a condition with {(when.Field is null ? "a value but no field" : "a field but no value")}; a field condition needs both.");
        }

        if (when.Field is not { } fieldId)
        {
            return;
        }

        var field = item.Fields.FirstOrDefault(f => f.Id == fieldId);
        if (field is null)
        {
            problems.Add($"{name} has a condition on field '{fieldId}', which the item does not have (its fields: {string.Join(", ", item.Fields.Select(f => f.Id))}).");
        }
        else if (field.Type == FieldType.Choice && when.Value is { } value && !field.Choices.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"{name} has a condition on field '{fieldId}' = '{value}', which is not one of its choices ({string.Join(", ", field.Choices)}).");
        }
    }
}
