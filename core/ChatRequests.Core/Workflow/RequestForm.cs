using System.Globalization;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Priority;

namespace ChatRequests.Core.Workflow;

/// <summary>What the requester submitted on the form card, untrusted.</summary>
public sealed record RequestForm(
    string SubmissionKey,
    string ItemId,
    string? Justification,
    string? Urgency,
    IReadOnlyDictionary<string, string?> Fields);

/// <summary>The form's problems, by input id ("justification", "urgency" or a field id).</summary>
public sealed record FormErrors(IReadOnlyDictionary<string, string> ByInput)
{
    public bool Any => ByInput.Count > 0;
}

/// <summary>Checks a submitted form against its catalog item. Nothing is created until this passes.</summary>
public static class RequestFormValidator
{
    public const int JustificationMaxLength = 2000;
    public const int JustificationMinLength = 5;

    public static FormErrors Validate(CatalogItem item, RequestForm form)
    {
        var errors = new Dictionary<string, string>();
        var justification = form.Justification?.Trim() ?? "";
        if (justification.Length < JustificationMinLength)
        {
            errors["justification"] = "Tell us briefly why you need this (at least 5 characters).";
        }
        else if (justification.Length > JustificationMaxLength)
        {
            errors["justification"] = $"Please keep the justification under {JustificationMaxLength} characters.";
        }

        if (ParseUrgency(form.Urgency) is null)
        {
            errors["urgency"] = "Choose how urgent it is: high, medium or low.";
        }

        foreach (var field in item.Fields)
        {
            form.Fields.TryGetValue(field.Id, out var raw);
            if (CheckField(field, raw?.Trim()) is { } problem)
            {
                errors[field.Id] = problem;
            }
        }

        return new FormErrors(errors);
    }

    /// <summary>The urgency by name only: Enum.TryParse would also take "0" or "High, Low" from an untrusted form.</summary>
    public static Urgency? ParseUrgency(string? value)
    {
        var name = value?.Trim();
        foreach (var urgency in Enum.GetValues<Urgency>())
        {
            if (string.Equals(urgency.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                return urgency;
            }
        }

        return null;
    }

    private static string? CheckField(CatalogField field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return field.Required ? $"{field.Label} is required." : null;
        }

        if (value.Length > field.MaxLength)
        {
            return $"{field.Label} must be at most {field.MaxLength} characters.";
        }

        return field.Type switch
        {
            FieldType.Choice when !field.Choices.Contains(value, StringComparer.OrdinalIgnoreCase) =>
                $"Choose one of: {string.Join(", ", field.Choices)}.",
            FieldType.Number when !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _) =>
                $"{field.Label} must be a number.",
            FieldType.Date when !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) =>
                $"{field.Label} must be a date (YYYY-MM-DD).",
            _ when field.Pattern is { } pattern => FieldPattern.Match(pattern, value) switch
            {
                FieldPatternResult.DoesNotMatch => field.PatternHint ?? $"{field.Label} is not in the expected format.",
                // Only a pattern the linear-time engine cannot run gets here, on a very busy machine or a pathological value.
                FieldPatternResult.NotChecked => $"I could not check {field.Label} in time. Please submit the form again.",
                _ => null,
            },
            _ => null,
        };
    }
}
