using System.Text.Json;
using System.Text.Json.Serialization;
using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Catalog;

/// <summary>
/// The approvals a catalog item needs before fulfilment: stages asked one after the other, each applying only when its
/// condition holds. In the catalog file either a shorthand (<c>"None"</c>, <c>"Manager"</c>, <c>"ManagerThenGroup"</c>)
/// or <c>{ "stages": [ ... ] }</c>.
/// </summary>
[JsonConverter(typeof(ApprovalPolicyJsonConverter))]
public sealed record ApprovalPolicy
{
    /// <summary>Standard, pre-approved items (a password reset, a mouse).</summary>
    public static readonly ApprovalPolicy None = new() { Shorthand = nameof(None) };

    /// <summary>The requester's manager (the item's approver group when no manager can approve).</summary>
    public static readonly ApprovalPolicy Manager = new() { Shorthand = nameof(Manager), Stages = [new() { Kind = StageKinds.Manager }] };

    /// <summary>The requester's manager, then the item's approver group.</summary>
    public static readonly ApprovalPolicy ManagerThenGroup = new()
    {
        Shorthand = nameof(ManagerThenGroup),
        Stages = [new() { Kind = StageKinds.Manager }, new() { Kind = StageKinds.Group }],
    };

    /// <summary>The shorthands by name.</summary>
    public static IReadOnlyList<ApprovalPolicy> Shorthands { get; } = [None, Manager, ManagerThenGroup];

    /// <summary>The shorthand this policy is written as; null for a policy spelled out in stages.</summary>
    [JsonIgnore] public string? Shorthand { get; init; }

    public IReadOnlyList<StagePolicy> Stages { get; init; } = [];

    public override string ToString() => Shorthand ?? $"{Stages.Count} stages";
}

/// <summary>Who a stage asks: the names the catalog file uses for <see cref="StagePolicy.Kind"/>.</summary>
public static class StageKinds
{
    /// <summary>The requester's manager, <see cref="StagePolicy.Levels"/> up (1: the direct manager).</summary>
    public const string Manager = "Manager";
    /// <summary>The members of an approver group: <see cref="StagePolicy.GroupId"/>, or the item's approverGroupId.</summary>
    public const string Group = "Group";
    /// <summary>The item's owner (<see cref="CatalogItem.Owner"/>): a person or the members of a group.</summary>
    public const string Owner = "Owner";
    /// <summary>The owner of the cost centre the form collected (<see cref="StagePolicy.Field"/>), from the organisation's cost centres.</summary>
    public const string CostCentreOwner = "CostCentreOwner";

    public static IReadOnlyList<string> All { get; } = [Manager, Group, Owner, CostCentreOwner];
}

/// <summary>One stage of an item's approval as the catalog writes it.</summary>
public sealed record StagePolicy
{
    /// <summary>One of <see cref="StageKinds"/>; the loader refuses any other.</summary>
    public string Kind { get; init; } = "";
    /// <summary>What the cards call the stage; by default the kind's own name (for a group, the group's name).</summary>
    public string? Name { get; init; }
    /// <summary>For a Manager stage: how many levels up (1: the direct manager).</summary>
    public int Levels { get; init; } = 1;
    /// <summary>For a Group stage: the approver group; the item's approverGroupId when absent.</summary>
    public string? GroupId { get; init; }
    /// <summary>For a CostCentreOwner stage: the form field holding the cost centre.</summary>
    public string Field { get; init; } = "costCentre";
    /// <summary>Any one of the stage's approvers decides it, or all of them must approve.</summary>
    public ApprovalMode Mode { get; init; } = ApprovalMode.Any;
    /// <summary>The stage applies only when this holds; always when absent.</summary>
    public StageCondition? When { get; init; }
}

/// <summary>When a stage applies; every condition given must hold.</summary>
public sealed record StageCondition
{
    /// <summary>The request's cost (item cost times its quantity field) is above this.</summary>
    public decimal? CostAbove { get; init; }
    /// <summary>The item's risk is at least this.</summary>
    public RiskLevel? RiskAtLeast { get; init; }
    /// <summary>With <see cref="Value"/>: the form field that must have that value (ignoring case).</summary>
    public string? Field { get; init; }
    public string? Value { get; init; }
}

/// <summary>How much harm a catalog item can do (access to sensitive data, admin rights).</summary>
public enum RiskLevel { Low, Medium, High, Critical }

/// <summary>Who owns a catalog item (a system owner for access): one person, or the members of an approver group.</summary>
public sealed record ItemOwner
{
    public string? PersonId { get; init; }
    public string? GroupId { get; init; }
}

/// <summary>Reads a shorthand string or a <c>{ "stages": [...] }</c> object; writes a shorthand back as its name.</summary>
internal sealed class ApprovalPolicyJsonConverter : JsonConverter<ApprovalPolicy>
{
    public override ApprovalPolicy Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var name = reader.GetString();
            return ApprovalPolicy.Shorthands.FirstOrDefault(p => string.Equals(p.Shorthand, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new JsonException(
                    $"approval '{name}' is not known: use one of {string.Join(", ", ApprovalPolicy.Shorthands.Select(p => p.Shorthand))}, or {{ \"stages\": [ ... ] }}.");
        }

        var stages = JsonSerializer.Deserialize<StagesDocument>(ref reader, options)
            ?? throw new JsonException("approval is null; use \"None\" for an item that needs no approval.");
        return new ApprovalPolicy { Stages = stages.Stages };
    }

    public override void Write(Utf8JsonWriter writer, ApprovalPolicy value, JsonSerializerOptions options)
    {
        if (value.Shorthand is { } shorthand)
        {
            writer.WriteStringValue(shorthand);
            return;
        }

        JsonSerializer.Serialize(writer, new StagesDocument { Stages = value.Stages }, options);
    }

    private sealed record StagesDocument
    {
        public required IReadOnlyList<StagePolicy> Stages { get; init; }
    }
}
