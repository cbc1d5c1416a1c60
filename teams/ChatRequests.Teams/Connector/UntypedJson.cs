using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatRequests.Teams.Connector;

/// <summary>
/// Reads the untyped parts of an activity (channelData, value) without ever throwing: whoever sent it, any member may
/// be missing, null or of another JSON type than Teams sends. The JsonNode indexer and GetValue throw on those.
/// </summary>
public static class UntypedJson
{
    /// <summary>The node at <paramref name="path"/> (property names), or null when a step is missing or not an object.</summary>
    public static JsonNode? At(JsonNode? node, params ReadOnlySpan<string> path)
    {
        foreach (var name in path)
        {
            if (node is not JsonObject parent || !parent.TryGetPropertyValue(name, out node))
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>The string at <paramref name="path"/>, or null when it is missing or not a JSON string.</summary>
    public static string? StringAt(JsonNode? node, params ReadOnlySpan<string> path) =>
        At(node, path) is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>The JSON type of a node in words, for error messages ("a number", "an array").</summary>
    public static string KindOf(JsonNode? node) => node switch
    {
        null => "missing or null",
        JsonObject => "an object",
        JsonArray => "an array",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            var other => other.ToString().ToLowerInvariant(),
        },
    };
}
