using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatRequests.Functions.Invocation;

/// <summary>
/// What the Functions host POSTs to /&lt;FunctionName&gt;: <c>{ "Data": { binding name: value }, "Metadata": { ... } }</c>
/// (learn.microsoft.com/azure/azure-functions/functions-custom-handlers, "Request payload").
/// </summary>
public sealed record InvocationRequest
{
    [JsonPropertyName("Data")]
    public Dictionary<string, JsonElement>? Data { get; init; }

    [JsonPropertyName("Metadata")]
    public Dictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary>
    /// The value of a trigger or input binding. The host sends an object as JSON, anything else (a queue message body,
    /// the Cosmos DB trigger's list of documents) as a JSON-serialised string (azure-functions-host,
    /// ScriptInvocationContextExtensions.GetHttpScriptInvocationContextValue), so a string body arrives encoded twice,
    /// and bytes as base64. Strings that hold JSON (or base64 of JSON) are unwrapped until the value is not such a string.
    /// </summary>
    public bool TryGetBinding(string name, out JsonElement value)
    {
        value = default;
        if (Data is null || !Data.TryGetValue(name, out var raw))
        {
            return false;
        }

        value = Unwrap(raw);
        return true;
    }

    /// <summary>A metadata value as text (numbers and strings alike), e.g. MessageId, DeliveryCount.</summary>
    public string? MetadataText(string name) =>
        Metadata is not null && Metadata.TryGetValue(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    /// <summary>
    /// A property of a metadata object as text, e.g. <c>ApplicationProperties.attempt</c> of a Service Bus message (the
    /// object may come as JSON or as a JSON string, like binding values).
    /// </summary>
    public string? MetadataPropertyText(string name, string property) =>
        Metadata is not null && Metadata.TryGetValue(name, out var raw)
            && Unwrap(raw) is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty(property, out var found)
            ? found.ValueKind switch
            {
                JsonValueKind.String => found.GetString(),
                JsonValueKind.Number => found.GetRawText(),
                _ => null,
            }
            : null;

    private static JsonElement Unwrap(JsonElement value)
    {
        for (var depth = 0; depth < 3 && value.ValueKind == JsonValueKind.String; depth++)
        {
            var text = value.GetString()!.Trim();
            if (text.Length > 0 && text[0] is not ('{' or '[' or '"'))
            {
                text = FromBase64(text);
            }

            if (text.Length == 0 || text[0] is not ('{' or '[' or '"'))
            {
                break;
            }

            try
            {
                using var document = JsonDocument.Parse(text);
                value = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                break;
            }
        }

        return value;
    }

    private static string FromBase64(string text)
    {
        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text, bytes, out var length)
            ? System.Text.Encoding.UTF8.GetString(bytes, 0, length).Trim()
            : "";
    }
}
