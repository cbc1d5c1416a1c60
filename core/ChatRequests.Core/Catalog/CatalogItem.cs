using System.Globalization;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Provisioning;

namespace ChatRequests.Core.Catalog;

public enum FieldType { Text, MultilineText, Choice, Number, Date }

/// <summary>A field the requester fills in for a catalog item.</summary>
public sealed record CatalogField
{
    public required string Id { get; init; }
    public required string Label { get; init; }
    public FieldType Type { get; init; } = FieldType.Text;
    public bool Required { get; init; }
    public IReadOnlyList<string> Choices { get; init; } = [];
    public string? Placeholder { get; init; }
    public int MaxLength { get; init; } = 200;
    /// <summary>A regular expression the whole value must match, with <see cref="PatternHint"/> to explain it.</summary>
    public string? Pattern { get; init; }
    public string? PatternHint { get; init; }
    /// <summary>Other words people use for a choice ("qwertz" for "German (QWERTZ)"): a key is one of <see cref="Choices"/>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ChoiceSynonyms { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    /// <summary>
    /// The value is for the requester, the request's approvers and its assignee only: everyone else reads "(masked)"
    /// (<see cref="Requests.SensitiveFields"/>).
    /// </summary>
    public bool Sensitive { get; init; }
}

/// <summary>Something an employee can ask for.</summary>
public sealed record CatalogItem
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>Hardware, Software, Access or Accounts: routes the request to the owning team.</summary>
    public required string Category { get; init; }
    public string Description { get; init; } = "";
    /// <summary>Words and phrases people use for this item ("notebook", "headset broke").</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];
    /// <summary>Other names of the item itself ("notebook" for a laptop): as telling as its name.</summary>
    public IReadOnlyList<string> Synonyms { get; init; } = [];
    public decimal? Cost { get; init; }
    public string Currency { get; init; } = "EUR";
    public ApprovalPolicy Approval { get; init; } = ApprovalPolicy.Manager;
    /// <summary>The second approval stage, and the fallback when no manager can approve.</summary>
    public string? ApproverGroupId { get; init; }
    /// <summary>Overrides the category's team.</summary>
    public string? OwnerTeamId { get; init; }
    public Impact Impact { get; init; } = Impact.Low;
    /// <summary>Hours from submission to the fulfilment target.</summary>
    public int SlaHours { get; init; } = 40;
    /// <summary>Hours the approvers of a stage have to answer before it goes to their manager or the group; null: the configured default.</summary>
    public int? ApprovalTimeoutHours { get; init; }
    public IReadOnlyList<CatalogField> Fields { get; init; } = [];
    /// <summary>How much harm the item can do; approval stages may apply from a level up.</summary>
    public RiskLevel Risk { get; init; } = RiskLevel.Low;
    /// <summary>The Number field that multiplies <see cref="Cost"/> (how many are asked for); null when one is asked for.</summary>
    public string? QuantityField { get; init; }
    /// <summary>Who owns the item, for an Owner approval stage.</summary>
    public ItemOwner? Owner { get; init; }
    /// <summary>What is done automatically once the request is approved; null when an agent does everything.</summary>
    public ProvisioningPlan? Provisioning { get; init; }
    /// <summary>A physical item delivered to the requester: the agent marks it out for delivery with a tracking reference, and the requester acknowledges receipt.</summary>
    public bool Delivery { get; init; }
    /// <summary>
    /// A colleague checks the work before the requester is asked to confirm, and the agent must leave a work note when
    /// resolving (the team's <c>qualityCheck</c> setting may also check other items, or none).
    /// </summary>
    public bool QualityCheck { get; init; }
    /// <summary>Access or software that reports watch: one person's repeated requests for restricted items are flagged.</summary>
    public bool Restricted { get; init; }

    /// <summary>"1,450.00 EUR": the same on every server, whatever its culture.</summary>
    public string? CostText => Cost is { } cost ? string.Create(CultureInfo.InvariantCulture, $"{cost:N2} {Currency}") : null;
}

/// <summary>The service catalog port.</summary>
public interface ICatalog
{
    IReadOnlyList<CatalogItem> Items { get; }

    CatalogItem? Find(string itemId);
}
