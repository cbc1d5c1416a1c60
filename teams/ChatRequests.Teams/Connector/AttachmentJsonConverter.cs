using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatRequests.Teams.Connector;

/// <summary>
/// An <see cref="Attachment"/> on the wire: read as any record is (the options' names, duplicates and all), written
/// with a card's content as the card writes itself (<see cref="Attachment.WriteContent"/>), so a card sent as it was
/// bound is never read back into nodes only to be written out again. Written in the Bot Connector's camelCase names, in
/// the record's order; nulls are left out unless the options keep them.
/// </summary>
internal sealed class AttachmentJsonConverter : JsonConverter<Attachment>
{
    public override Attachment? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<Wire>(ref reader, options) is { } wire
            ? new Attachment { ContentType = wire.ContentType, Content = wire.Content, ContentUrl = wire.ContentUrl, Name = wire.Name }
            : null;

    public override void Write(Utf8JsonWriter writer, Attachment value, JsonSerializerOptions options)
    {
        var keepNulls = options.DefaultIgnoreCondition == JsonIgnoreCondition.Never;
        writer.WriteStartObject();
        WriteString(writer, "contentType"u8, value.ContentType, keepNulls);
        if (value.HasContent)
        {
            writer.WritePropertyName("content"u8);
            value.WriteContent(writer, options);
        }
        else if (keepNulls)
        {
            writer.WriteNull("content"u8);
        }

        WriteString(writer, "contentUrl"u8, value.ContentUrl, keepNulls);
        WriteString(writer, "name"u8, value.Name, keepNulls);
        writer.WriteEndObject();
    }

    private static void WriteString(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value, bool keepNulls)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
        else if (keepNulls)
        {
            writer.WriteNull(name);
        }
    }

    // The attachment's shape, read by the serializer's own rules.
    private sealed record Wire(string? ContentType, JsonNode? Content, string? ContentUrl, string? Name);
}
