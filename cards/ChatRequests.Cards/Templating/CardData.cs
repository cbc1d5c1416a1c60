using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatRequests.Cards.Templating;

/// <summary>
/// A card's data as the binder reads it: the builder's object serialised to JSON, with the fallback text added as
/// <c>fallbackText</c>, and parsed once into a <see cref="JsonDocument"/> whose values the binder reads where they lie
/// (no <see cref="JsonNode"/> per value, no copy of a string that is written out as it is). The document lives for
/// one bind only, in buffers kept per thread.
/// </summary>
internal static class CardData
{
    [ThreadStatic]
    private static DataBuffers? _buffers;

    /// <summary>
    /// Binds <paramref name="template"/> to <paramref name="data"/> with <c>fallbackText</c> added to it: the card's JSON,
    /// with <paramref name="refresh"/> as its last property when given.
    /// </summary>
    public static byte[] Bind(CardTemplate template, object data, string fallbackText, JsonSerializerOptions options, JsonObject? refresh = null)
    {
        var buffers = _buffers ??= new DataBuffers();
        try
        {
            using var document = buffers.Parse(data, fallbackText, options);
            return template.BindJson(document.RootElement, refresh);
        }
        finally
        {
            if (!buffers.TryReset())
            {
                _buffers = null;
            }
        }
    }

    /// <summary>The data's JSON with <c>fallbackText</c> added, as a document of its own (a card bound later, once or more).</summary>
    public static byte[] Document(object data, string fallbackText, JsonSerializerOptions options)
    {
        var buffers = _buffers ??= new DataBuffers();
        try
        {
            return buffers.Write(data, fallbackText, options).ToArray();
        }
        finally
        {
            if (!buffers.TryReset())
            {
                _buffers = null;
            }
        }
    }

    /// <summary>Binds <paramref name="template"/> to a document <see cref="Document"/> wrote, as the other <c>Bind</c> does.</summary>
    public static byte[] Bind(CardTemplate template, ReadOnlyMemory<byte> document, JsonObject? refresh)
    {
        using var parsed = JsonDocument.Parse(document);
        return template.BindJson(parsed.RootElement, refresh);
    }

    private sealed class DataBuffers
    {
        // As the binder's output buffer: dropped after data larger than a Teams message may be.
        private const int KeptCapacity = 64 * 1024;

        private readonly ArrayBufferWriter<byte> _serialized = new(4 * 1024);
        private readonly ArrayBufferWriter<byte> _document = new(4 * 1024);
        private readonly Utf8JsonWriter _writer;

        public DataBuffers() => _writer = new Utf8JsonWriter(_serialized);

        /// <summary>That object as a document over the kept buffer.</summary>
        public JsonDocument Parse(object data, string fallbackText, JsonSerializerOptions options) =>
            JsonDocument.Parse(Write(data, fallbackText, options));

        /// <summary>The data's JSON object with <c>"fallbackText"</c> as its last property, in the kept buffer.</summary>
        public ReadOnlyMemory<byte> Write(object data, string fallbackText, JsonSerializerOptions options)
        {
            JsonSerializer.Serialize(_writer, data, data.GetType(), options);
            _writer.Flush();
            var json = _serialized.WrittenSpan;
            if (json is not [(byte)'{', .., (byte)'}'])
            {
                throw new TemplateException($"A card's data must be an object, not {data.GetType().Name}.");
            }

            _document.Write(json[..^1]);
            _document.Write(json.Length > 2 ? ",\"fallbackText\":\""u8 : "\"fallbackText\":\""u8);
            _document.Write(JsonEncodedText.Encode(fallbackText).EncodedUtf8Bytes);
            _document.Write("\"}"u8);
            return _document.WrittenMemory;
        }

        /// <summary>Empties the buffers for the next card; false when one grew too large to keep.</summary>
        public bool TryReset()
        {
            _serialized.ResetWrittenCount();
            _document.ResetWrittenCount();
            _writer.Reset(_serialized);
            return _serialized.Capacity <= KeptCapacity && _document.Capacity <= KeptCapacity;
        }
    }
}
