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
/// Parsed and checked once; <see cref="Bind(JsonElement)"/> is thread-safe.
/// </summary>
public sealed class CardTemplate
{
    // One buffer per thread, reused by every card bound there (the parse copies what it needs); dropped after a card
    // larger than a Teams message may be, so no thread keeps a large buffer.
    [ThreadStatic]
    private static BindOutput? _output;

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

        if (node is not JsonObject)
        {
            throw new TemplateException($"Template '{name}' must be a JSON object.");
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

    /// <summary>Binds the template to <paramref name="data"/>, as <see cref="Bind(JsonElement)"/> does.</summary>
    public JsonObject Bind(JsonNode? data) =>
        Bind(data is null ? default : JsonSerializer.SerializeToElement(data));

    /// <summary>
    /// Binds the template to <paramref name="data"/> (undefined: no data) and returns a new card; the data is only read,
    /// and not kept: it may come from a document disposed after this call. The card is written as JSON and read back
    /// lazily: its elements become nodes only when someone reads or changes them, and a card sent as it was bound is
    /// written out from that JSON.
    /// </summary>
    public JsonObject Bind(JsonElement data)
    {
        var output = _output ??= new BindOutput();
        try
        {
            return _root.TryWrite(Scope.For(data), output.Writer)
                ? JsonNode.Parse(output.Written)!.AsObject()
                : throw new TemplateException($"Template '{Name}' was removed entirely by its $when.");
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

        /// <summary>Empties the buffer for the next card; false when it grew too large to keep.</summary>
        public bool TryReset()
        {
            _buffer.ResetWrittenCount();
            Writer.Reset(_buffer);
            return _buffer.Capacity <= KeptCapacity;
        }
    }
}
