using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatRequests.Teams.Connector;

/// <summary>
/// A Bot Framework activity, as the Bot Connector REST API defines it (only the members this bot uses;
/// anything else is kept in <see cref="Extra"/> so nothing is lost on a round trip).
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public string? TextFormat { get; init; }
    public string? Text { get; init; }
    public string? Summary { get; init; }
    public string? Name { get; init; }
    public string? ReplyToId { get; init; }
    public string? Locale { get; init; }
    public string? Action { get; init; }
    public JsonNode? Value { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public IReadOnlyList<JsonObject>? Entities { get; init; }
    public JsonObject? ChannelData { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }

    /// <summary>
    /// The Teams tenant id: channelData.tenant.id, else conversation.tenantId. Never throws: a channelData.tenant.id
    /// that is not a string counts as none here (<c>ActivityValidation</c> refuses such an activity first).
    /// </summary>
    [JsonIgnore]
    public string? TenantId => UntypedJson.StringAt(ChannelData, "tenant", "id") ?? Conversation?.TenantId;

    /// <summary>A message with one Adaptive Card and its fallback text.</summary>
    public static Activity CardMessage(JsonObject card, string fallbackText) => CardMessage(new Cards.CardMessage(card, fallbackText));

    /// <summary>A message with one Adaptive Card and its fallback text; the card is written as it was bound (<see cref="Attachment.AdaptiveCard"/>).</summary>
    public static Activity CardMessage(Cards.CardMessage card) => new()
    {
        Type = ActivityTypes.Message,
        Summary = card.FallbackText,
        Attachments = [Attachment.AdaptiveCard(card)],
    };

    /// <summary>A text message shown as the characters it has (Teams applies no markdown to "plain"): it may quote names and ids.</summary>
    public static Activity TextMessage(string text) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        TextFormat = TextFormats.Plain,
    };

    /// <summary>A text message in Teams markdown: for our own fixed words only, never for anything a person typed or a name.</summary>
    public static Activity MarkdownMessage(string markdown) => new()
    {
        Type = ActivityTypes.Message,
        Text = markdown,
        TextFormat = TextFormats.Markdown,
    };
}

/// <summary>The <c>textFormat</c> values Teams knows (plain, markdown, xml).</summary>
public static class TextFormats
{
    public const string Plain = "plain";
    public const string Markdown = "markdown";
}

public static class ActivityTypes
{
    public const string Message = "message";
    public const string Invoke = "invoke";
    public const string InvokeResponse = "invokeResponse";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Typing = "typing";
    public const string MessageReaction = "messageReaction";
}

public sealed record ChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    public string? Role { get; init; }
}

public sealed record ConversationAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? ConversationType { get; init; }
    public bool? IsGroup { get; init; }
    public string? TenantId { get; init; }
}

[JsonConverter(typeof(AttachmentJsonConverter))]
public sealed record Attachment
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    private readonly JsonNode? _content;
    private readonly Cards.CardMessage? _card;

    public Attachment()
    {
    }

    private Attachment(Cards.CardMessage card) => _card = card;

    public string? ContentType { get; init; }

    /// <summary>The content as a node; for a card attachment, the card's node (<see cref="Cards.CardMessage.Card"/>, read from its JSON when first asked).</summary>
    public JsonNode? Content
    {
        get => _content ?? _card?.Card;
        init => (_content, _card) = (value, null);
    }

    public string? ContentUrl { get; init; }
    public string? Name { get; init; }

    /// <summary>An Adaptive Card, sent as <see cref="Cards.CardMessage.WriteTo"/> writes it: as bound unless someone read it as a node.</summary>
    public static Attachment AdaptiveCard(Cards.CardMessage card) => new(card) { ContentType = AdaptiveCardContentType };

    /// <summary>Writes the content: the node, or the card as it writes itself.</summary>
    internal void WriteContent(Utf8JsonWriter writer, JsonSerializerOptions options)
    {
        if (_content is not null)
        {
            _content.WriteTo(writer, options);
        }
        else
        {
            _card!.WriteTo(writer);
        }
    }

    internal bool HasContent => _content is not null || _card is not null;
}

/// <summary>The body of POST /v3/conversations (create a personal chat, or a new thread in a channel).</summary>
public sealed record ConversationParameters
{
    public bool? IsGroup { get; init; }
    public ChannelAccount? Bot { get; init; }
    public IReadOnlyList<ChannelAccount>? Members { get; init; }
    public string? TenantId { get; init; }
    public Activity? Activity { get; init; }
    public JsonObject? ChannelData { get; init; }
}

/// <summary>The answer to POST /v3/conversations.</summary>
public sealed record ConversationResourceResponse
{
    public string? Id { get; init; }
    public string? ActivityId { get; init; }
    public string? ServiceUrl { get; init; }
}

/// <summary>The answer to sending or updating an activity.</summary>
public sealed record ResourceResponse
{
    public string? Id { get; init; }
}

/// <summary>The JSON options of the Bot Connector wire format: camelCase, nulls omitted.</summary>
public static class ConnectorJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// For activities we receive: a property named twice is refused while reading, everywhere in the body, channelData
    /// and value included (a JsonException; an ArgumentException inside a JsonObject member). Otherwise which of two
    /// tenant ids counts would depend on the parser, and a JsonObject with a repeated name would throw only when first
    /// read, deep inside a turn.
    /// </summary>
    public static readonly JsonSerializerOptions Inbound = new(Options) { AllowDuplicateProperties = false };
}
