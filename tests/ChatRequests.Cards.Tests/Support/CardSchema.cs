using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;

namespace ChatRequests.Cards.Tests.Support;

/// <summary>The official Adaptive Card 1.5 schema (Schemas/README.md), loaded once.</summary>
public static class CardSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "adaptive-card-1.5.schema.json")))
            .GetAwaiter().GetResult());

    /// <summary>The schema's complaints about <paramref name="card"/> (with Teams' root <c>msteams</c> set aside), one line each.</summary>
    public static IReadOnlyList<string> Validate(JsonObject card)
    {
        var copy = card.DeepClone().AsObject();
        copy.Remove("msteams");
        return [.. Flatten(Schema.Value.Validate(copy.ToJsonString()))];
    }

    private static IEnumerable<string> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            yield return $"{error.Kind} at {error.Path}";
            if (error is ChildSchemaValidationError child)
            {
                foreach (var nested in Flatten(child.Errors.SelectMany(e => e.Value)))
                {
                    yield return "  " + nested;
                }
            }
        }
    }
}
