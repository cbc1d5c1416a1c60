using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatRequests.Cards.Templating;

/// <summary>How the binder reads data values: truthiness, equality and text.</summary>
internal static class JsonValues
{
    /// <summary>
    /// False for missing, null, false, 0, "" and []; true otherwise. Stricter than Adaptive Expressions
    /// (where "" and 0 are true) so that an empty value hides its element, the useful default for cards.
    /// </summary>
    public static bool IsTruthy(JsonNode? node) => node switch
    {
        null => false,
        JsonArray array => array.Count > 0,
        JsonObject => true,
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.String => value.GetValue<string>().Length > 0,
            JsonValueKind.Number => AsDecimal(value) != 0,
            _ => false,
        },
        _ => false,
    };

    public static bool AreEqual(JsonNode? left, JsonNode? right)
    {
        if (IsNull(left) || IsNull(right))
        {
            return IsNull(left) && IsNull(right);
        }

        if (left is JsonValue a && right is JsonValue b
            && a.GetValueKind() == JsonValueKind.Number && b.GetValueKind() == JsonValueKind.Number)
        {
            return AsDecimal(a) == AsDecimal(b);
        }

        return JsonNode.DeepEquals(left, right);
    }

    /// <summary>The text of a value embedded in a longer string: strings as they are, the rest as JSON.</summary>
    public static string ToText(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.Null => "",
        _ => node.ToJsonString(),
    };

    private static bool IsNull(JsonNode? node) =>
        node is null || (node is JsonValue value && value.GetValueKind() == JsonValueKind.Null);

    private static decimal AsDecimal(JsonValue value) =>
        decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : 0m;
}
