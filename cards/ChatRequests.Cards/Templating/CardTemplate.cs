using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatRequests.Cards.Templating;

/// <summary>
/// An Adaptive Card template in the subset of the Adaptive Cards Templating language our cards use:
/// <c>${path}</c> in any string, <c>$data</c> to scope or repeat an element, <c>$when</c> to keep or remove it,
/// and expressions made of paths, literals, <c>!</c>, <c>==</c>, <c>!=</c>, <c>&amp;&amp;</c> and <c>||</c>.
/// A missing path binds to "" and is falsy, so <c>"$when": "${x}"</c> drops its element when x is missing
/// (and <c>${!x}</c> keeps it). Truthiness: missing, null, false, 0, "" and [] are false.
/// Binding is single-pass: a bound value that contains <c>${...}</c> is shown as it is, never evaluated.
/// What people read stays inert (<see cref="InertText"/>): a template that binds text where renderers read markdown
/// is refused when it is parsed, and DATE/TIME functions that come from bound values are neutralised.
/// Parsed and checked once; <see cref="BindJson"/> is thread-safe.
/// </summary>
public sealed class CardTemplate
{
    // One buffer per thread, reused by every card bound there (the parse copies what it needs); dropped after a card
    // larger than a Teams message may be, so no thread keeps a large buffer.
    [ThreadStatic]
    private static BindOutput? _output;

    private const string RefreshProperty = "refresh";

    private readonly TemplateNode _root;

    private CardTemplate(string name, TemplateNode root)
    {
        Name = name;
        _root = root;
    }

    public string Name { get; }

    /// <summary>Parses a template; throws <see cref="TemplateException"/> for bad JSON, an unsupported expression or bound markdown text.</summary>
    public static CardTemplate Parse(string name, string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new TemplateException($"Template '{name}' is not valid JSON: {e.Message}");
        }

        if (node is not JsonObject card)
        {
            throw new TemplateException($"Template '{name}' must be a JSON object.");
        }

        if (card.ContainsKey(RefreshProperty))
        {
            throw new TemplateException($"Template '{name}' has a refresh: the bot adds it, for the people it names.");
        }

        try
        {
            return new CardTemplate(name, TemplateNode.Compile(node));
        }
        catch (TemplateException e)
        {
            throw new TemplateException($"Template '{name}': {e.Message}");
        }
    }

    /// <summary>Binds the template to <paramref name="data"/>, as <see cref="BindJson"/> does, and reads the card as a node.</summary>
    public JsonObject Bind(JsonNode? data) =>
        JsonNode.Parse(BindJson(data is null ? default : JsonSerializer.SerializeToElement(data)))!.AsObject();

    /// <summary>
    /// Binds the template to <paramref name="data"/> (undefined: no data) and returns the new card as compact JSON; the
    /// data is only read, and not kept: it may come from a document disposed after this call. With a
    /// <paramref name="refresh"/>, the card has it as its last property, <c>refresh</c> (no template has one of its own).
    /// </summary>
    internal byte[] BindJson(JsonElement data, JsonObject? refresh = null)
    {
        var output = _output ??= new BindOutput();
        try
        {
            if (!_root.TryWrite(Scope.For(data), output.Writer))
            {
                throw new TemplateException($"Template '{Name}' was removed entirely by its $when.");
            }

            return refresh is null ? output.Written.ToArray() : output.WithRefresh(refresh);
        }
        finally
        {
            if (!output.TryReset())
            {
                _output = null;
            }
        }
    }

    private sealed class BindOutput
    {
        private const int KeptCapacity = 64 * 1024;

        private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
        private readonly ArrayBufferWriter<byte> _refresh = new(512);

        public BindOutput() => Writer = new Utf8JsonWriter(_buffer);

        public Utf8JsonWriter Writer { get; }

        public ReadOnlySpan<byte> Written
        {
            get
            {
                Writer.Flush();
                return _buffer.WrittenSpan;
            }
        }

        /// <summary>
        /// The card written, with <c>"refresh":</c> and <paramref name="refresh"/> put before its closing brace: the bytes
        /// <c>card["refresh"] = refresh</c> on the card as a node would write.
        /// </summary>
        public byte[] WithRefresh(JsonObject refresh)
        {
            var card = Written;
            Writer.Reset(_refresh);
            refresh.WriteTo(Writer);
            Writer.Flush();
            var refreshJson = _refresh.WrittenSpan;
            var property = card.Length > 2 ? ",\"refresh\":"u8 : "\"refresh\":"u8;
            var json = new byte[card.Length - 1 + property.Length + refreshJson.Length + 1];
            card[..^1].CopyTo(json);
            property.CopyTo(json.AsSpan(card.Length - 1));
            refreshJson.CopyTo(json.AsSpan(card.Length - 1 + property.Length));
            json[^1] = (byte)'}';
            return json;
        }

        /// <summary>Empties the buffers for the next card; false when one grew too large to keep.</summary>
        public bool TryReset()
        {
            _buffer.ResetWrittenCount();
            _refresh.ResetWrittenCount();
            Writer.Reset(_buffer);
            return _buffer.Capacity <= KeptCapacity && _refresh.Capacity <= KeptCapacity;
        }
    }
}
