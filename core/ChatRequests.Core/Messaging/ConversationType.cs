using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatRequests.Core.Messaging;

/// <summary>
/// The kind of a Teams conversation, as the Bot Connector spells it in <c>conversation.conversationType</c> and as
/// stored conversation references keep it. A value Teams may add later is kept as sent: it is neither personal nor a
/// channel.
/// </summary>
[JsonConverter(typeof(ConversationTypeJsonConverter))]
public readonly record struct ConversationType
{
    /// <summary>The one-to-one chat between a person and the bot.</summary>
    public static readonly ConversationType Personal = new("personal");
    public static readonly ConversationType GroupChat = new("groupChat");
    /// <summary>A channel of a team: everyone in it reads what the bot posts.</summary>
    public static readonly ConversationType Channel = new("channel");

    private ConversationType(string value) => Value = value;

    /// <summary>The wire and stored spelling ("personal", "groupChat", "channel").</summary>
    public string Value { get; }

    public bool IsPersonal => this == Personal;

    public bool IsChannel => this == Channel;

    /// <summary>The type an activity names; a conversation that names none is taken for a personal chat.</summary>
    public static ConversationType FromWire(string? value) => value is null ? Personal : new(value);

    public override string ToString() => Value ?? "";
}

/// <summary>Reads and writes a <see cref="ConversationType"/> as its bare wire string.</summary>
internal sealed class ConversationTypeJsonConverter : JsonConverter<ConversationType>
{
    public override ConversationType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? ConversationType.FromWire(reader.GetString())
            : throw new JsonException($"A conversation type is a string, not {reader.TokenType}.");

    public override void Write(Utf8JsonWriter writer, ConversationType value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
