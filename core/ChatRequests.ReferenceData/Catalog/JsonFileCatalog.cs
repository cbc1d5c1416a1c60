using System.Text.RegularExpressions;
using ChatRequests.Core.Catalog;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatRequests.ReferenceData.Catalog;

/// <summary>
/// The service catalog read from a JSON file once, when the singleton is created. A file with problems
/// stops the start with all of them listed; see <see cref="ReferenceDataStartupCheck"/>.
/// </summary>
public sealed class JsonFileCatalog : ICatalog
{
    private readonly Dictionary<string, CatalogItem> _byId;

    public JsonFileCatalog(IOptions<CatalogOptions> options, ILogger<JsonFileCatalog> logger)
    {
        var (document, path) = ReferenceDataFile.Read<CatalogDocument>(options.Value.Path);
        var problems = new ProblemList(path);
        Check(document.Items, problems);
        problems.ThrowIfAny();

        FilePath = path;
        Items = document.Items;
        _byId = document.Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        logger.LogInformation("Loaded {ItemCount} catalog items from {CatalogPath}", Items.Count, path);
    }

    /// <summary>The full path of the file the catalog was read from.</summary>
    public string FilePath { get; }

    public IReadOnlyList<CatalogItem> Items { get; }

    public CatalogItem? Find(string itemId) => _byId.GetValueOrDefault(itemId);

    private static void Check(IReadOnlyList<CatalogItem> items, ProblemList problems)
    {
        problems.AddDuplicates("Catalog item", items.Select(i => i.Id));
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            var name = string.IsNullOrWhiteSpace(item.Id) ? $"item #{index + 1}" : $"item '{item.Id}'";
            if (string.IsNullOrWhiteSpace(item.Id))
            {
                problems.Add($"{name} has no id.");
            }

            if (string.IsNullOrWhiteSpace(item.Name))
            {
                problems.Add($"{name} has no name.");
            }

            if (string.IsNullOrWhiteSpace(item.Category))
            {
                problems.Add($"{name} has no category, so it cannot be routed to a team.");
            }

            if (item.Approval == ApprovalPolicy.ManagerThenGroup && string.IsNullOrWhiteSpace(item.ApproverGroupId))
            {
                problems.Add($"{name} needs approval ManagerThenGroup but has no approverGroupId.");
            }

            if (item.SlaHours <= 0)
            {
                problems.Add($"{name} has slaHours {item.SlaHours}; it must be at least 1.");
            }

            if (item.ApprovalTimeoutHours is <= 0)
            {
                problems.Add($"{name} has approvalTimeoutHours {item.ApprovalTimeoutHours}; it must be at least 1.");
            }

            if (item.Cost is < 0)
            {
                problems.Add($"{name} has a negative cost.");
            }

            if (item.Synonyms.Any(string.IsNullOrWhiteSpace))
            {
                problems.Add($"{name} has an empty synonym.");
            }

            CheckFields(name, item.Fields, problems);
            if (item.QuantityField is { } quantity && item.Fields.Any(f => f.Id == quantity && f.Sensitive))
            {
                problems.Add($"{name} field '{quantity}' is sensitive but is the quantityField: the cost every card shows would reveal it.");
            }

            ProvisioningCheck.Check(name, item.Provisioning, problems);
            ApprovalPolicyCheck.Check(name, item, problems);
        }
    }

    private static void CheckFields(string itemName, IReadOnlyList<CatalogField> fields, ProblemList problems)
    {
        problems.AddDuplicates($"{itemName}: field", fields.Select(f => f.Id));
        foreach (var field in fields)
        {
            var name = $"{itemName} field '{field.Id}'";
            if (string.IsNullOrWhiteSpace(field.Id))
            {
                problems.Add($"{itemName} has a field with no id.");
            }

            if (field.Type == FieldType.Choice && field.Choices.Count == 0)
            {
                problems.Add($"{name} is a choice with no choices.");
            }

            if (field.MaxLength <= 0)
            {
                problems.Add($"{name} has maxLength {field.MaxLength}; it must be at least 1.");
            }

            CheckChoiceSynonyms(name, field, problems);

            if (field.Pattern is { } pattern && !IsValidPattern(pattern))
            {
                problems.Add($"{name} has a pattern that is not a valid regular expression: {pattern}");
            }
        }
    }

    /// <summary>Each key names one of the field's choices (as spelt there), and every synonym says something.</summary>
    private static void CheckChoiceSynonyms(string fieldName, CatalogField field, ProblemList problems)
    {
        foreach (var (choice, synonyms) in field.ChoiceSynonyms)
        {
            if (!field.Choices.Contains(choice, StringComparer.Ordinal))
            {
                problems.Add($"{fieldName} has choiceSynonyms for '{choice}', which is not one of its choices.");
            }

            if (synonyms.Count == 0 || synonyms.Any(string.IsNullOrWhiteSpace))
            {
                problems.Add($"{fieldName} has an empty synonym for '{choice}'.");
            }
        }
    }

    private static bool IsValidPattern(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private sealed record CatalogDocument
    {
        public IReadOnlyList<CatalogItem> Items { get; init; } = [];
    }
}
