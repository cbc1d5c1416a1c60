using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRequests.Cards;

namespace ChatRequests.Teams.Connector;

/// <summary>
/// The synchronous answer to an <c>adaptiveCard/action</c> invoke (Universal Actions): the bot always answers
/// HTTP 200 once it has handled the invoke, and the body says what happened:
/// <code>{"statusCode":200,"type":"application/vnd.microsoft.card.adaptive","value":{card}}</code> (show this card instead),
/// <code>{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"text"}</code> (show this message),
/// <code>{"statusCode":4xx|5xx,"type":"application/vnd.microsoft.error","value":{"code":"...","message":"..."}}</code>.
/// </summary>
/// <remarks>
/// Source: Adaptive Cards docs, "Universal Action Model", Response format
/// (https://learn.microsoft.com/adaptive-cards/authoring-cards/universal-action-model#response-format;
/// MicrosoftDocs/AdaptiveCards AdaptiveCards/authoring-cards/universal-action-model.md), and the Bot Framework
/// schema's AdaptiveCardInvokeResponse {statusCode, type, value}.
/// </remarks>
public sealed record InvokeResponse
{
    public const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    // The body, written when the answer is made: a card the caller changes later does not change it, without a copy of the
    // card's whole tree, and the endpoint writes these bytes as they are (no string in between).
    private readonly byte[] _body;

    private InvokeResponse(int statusCode, string type, JsonNode value)
        : this(statusCode, type, Write(statusCode, type, static (writer, value) => value.WriteTo(writer, ConnectorJson.Options), value))
    {
    }

    private InvokeResponse(int statusCode, string type, byte[] body) => (StatusCode, Type, _body) = (statusCode, type, body);

    /// <summary>The status of the bot's processing, mirrored in the body (the HTTP status is <see cref="HttpStatus"/>).</summary>
    public int StatusCode { get; }

    public string Type { get; }

    /// <summary>The value as the body carries it, read back from it (for tests and tools; the endpoint writes <see cref="Utf8Body"/>).</summary>
    public JsonNode Value => JsonNode.Parse(_body)!["value"]!;

    /// <summary>The response body in the Bot Connector wire format, as UTF-8.</summary>
    public ReadOnlyMemory<byte> Utf8Body => _body;

    /// <summary>The HTTP status of the response to the invoke POST: 200 whenever the bot processed it.</summary>
    public int HttpStatus => 200;

    /// <summary>Replace the card the user acted on with <paramref name="card"/>.</summary>
    public static InvokeResponse Card(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new InvokeResponse(200, AdaptiveCardType, card);
    }

    /// <summary>Replace the card the user acted on with <paramref name="card"/>, written as it writes itself (as bound, unless read as a node).</summary>
    public static InvokeResponse Card(CardMessage card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new InvokeResponse(200, AdaptiveCardType, Write(200, AdaptiveCardType, static (writer, card) => card.WriteTo(writer), card));
    }

    /// <summary>Keep the card and show <paramref name="text"/> to the user.</summary>
    public static InvokeResponse Message(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new InvokeResponse(200, MessageType, JsonValue.Create(text));
    }

    /// <summary>Tell the client the action failed (400 bad request, 401/403 not allowed, 500 unexpected ...).</summary>
    public static InvokeResponse Error(int status, string code, string message)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentNullException.ThrowIfNull(message);
        return new InvokeResponse(status, ErrorType, new JsonObject { ["code"] = code, ["message"] = message });
    }

    /// <summary>The response body in the Bot Connector wire format.</summary>
    public string ToJson() => Encoding.UTF8.GetString(_body);

    // {"statusCode":...,"type":...,"value":...}: what JsonSerializer wrote with ConnectorJson.Options, byte for byte.
    private static byte[] Write<TValue>(int statusCode, string type, Action<Utf8JsonWriter, TValue> writeValue, TValue value) =>
        JsonScratch.Write(
            (statusCode, type, writeValue, value),
            static (writer, body) =>
            {
                writer.WriteStartObject();
                writer.WriteNumber("statusCode"u8, body.statusCode);
                writer.WriteString("type"u8, body.type);
                writer.WritePropertyName("value"u8);
                body.writeValue(writer, body.value);
                writer.WriteEndObject();
            },
            static written => written.ToArray());
}
