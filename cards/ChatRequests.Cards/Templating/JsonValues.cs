using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace ChatRequests.Cards.Templating;

/// <summary>How the binder reads data values: truthiness, equality and text. Missing is <c>default(JsonElement)</c>.</summary>
internal static class JsonValues
{
    private static readonly JsonElement[] Indexes = [.. Enumerable.Range(0, 64).Select(i => JsonSerializer.SerializeToElement(i))];

    public static JsonElement True { get; } = JsonSerializer.SerializeToElement(true);

    public static JsonElement False { get; } = JsonSerializer.SerializeToElement(false);

    public static JsonElement Of(bool value) => value ? True : False;

    /// <summary>A repeated element's <c>$index</c>.</summary>
    public static JsonElement Of(int index) =>
        index >= 0 && index < Indexes.Length ? Indexes[index] : JsonSerializer.SerializeToElement(index);

    public static JsonElement Of(string text) => JsonSerializer.SerializeToElement(text);

    /// <summary>
    /// False for missing, null, false, 0, "" and []; true otherwise. Stricter than Adaptive Expressions
    /// (where "" and 0 are true) so that an empty value hides its element, the useful default for cards.
    /// </summary>
    public static bool IsTruthy(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => value.GetArrayLength() > 0,
        JsonValueKind.Object or JsonValueKind.True => true,
        JsonValueKind.String => !value.ValueEquals(ReadOnlySpan<byte>.Empty),
        JsonValueKind.Number => AsDecimal(value) != 0,
        _ => false,
    };

    public static bool AreEqual(JsonElement left, JsonElement right)
    {
        if (IsNull(left) || IsNull(right))
        {
            return IsNull(left) && IsNull(right);
        }

        if (left.ValueKind == JsonValueKind.Number && right.ValueKind == JsonValueKind.Number)
        {
            return AsDecimal(left) == AsDecimal(right);
        }

        return JsonElement.DeepEquals(left, right);
    }

    /// <summary>The text of a value embedded in a longer string: strings as they are, the rest as JSON.</summary>
    public static string ToText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => "",
        JsonValueKind.String => value.GetString()!,
        _ => value.GetRawText(),
    };

    public static bool IsNull(JsonElement value) => value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null;

    private static decimal AsDecimal(JsonElement value) =>
        decimal.TryParse(JsonMarshal.GetRawUtf8Value(value), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : 0m;
}
