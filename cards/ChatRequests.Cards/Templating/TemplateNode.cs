using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatRequests.Cards.Templating;

/// <summary>
/// A template compiled once into an immutable tree, so binding never re-parses expressions and many threads
/// can bind the same template at once. Binding writes the card straight to a <see cref="Utf8JsonWriter"/>: no
/// <see cref="JsonObject"/> per element, and every part of the template that binds nothing (an element, a list, a
/// literal) is kept as the JSON it writes and copied out whole.
/// </summary>
internal abstract class TemplateNode
{
    private const string DataKeyword = "$data";
    private const string WhenKeyword = "$when";

    /// <summary>
    /// Writes the node (after <paramref name="name"/> when it is a property's value); false, with nothing written,
    /// when it is removed (its <c>$when</c> is false).
    /// </summary>
    public abstract bool TryWrite(Scope scope, Utf8JsonWriter writer, string? name = null);

    public static TemplateNode Compile(JsonNode? node) => node switch
    {
        JsonObject obj => CompileObject(obj),
        JsonArray array => Folded(array, new ArrayNode([.. array.Select(Compile)])),
        JsonValue value when value.TryGetValue<string>(out var text) && Interpolation.HasBindings(text) =>
            new TextNode(Interpolation.Parse(text)),
        _ => new LiteralNode(node),
    };

    private static TemplateNode CompileObject(JsonObject obj)
    {
        InertText.Check(obj);
        TemplateNode? source = null;
        TemplateNode? when = null;
        var properties = new List<KeyValuePair<string, TemplateNode>>();
        foreach (var (name, value) in obj)
        {
            switch (name)
            {
                case DataKeyword:
                    source = Compile(value);
                    break;
                case WhenKeyword:
                    when = Compile(value);
                    break;
                default:
                    properties.Add(new(name, InertText.IsShown(obj, name) ? CompileShown(value) : Compile(value)));
                    break;
            }
        }

        return source is null && when is null
            ? Folded(obj, new ObjectNode([.. properties], source, when))
            : new ObjectNode([.. properties], source, when);
    }

    /// <summary>Shown text (a TextRun's text, an input's label, a RichTextBlock's string inlines): bound values are neutralised.</summary>
    private static TemplateNode CompileShown(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) && Interpolation.HasBindings(text) =>
            new ShownTextNode(Interpolation.Parse(text)),
        JsonArray array => Folded(array, new ArrayNode([.. array.Select(item => item is JsonObject ? Compile(item) : CompileShown(item))])),
        _ => Compile(node),
    };

    /// <summary>An element or list whose parts are all literal (no binding, no <c>$data</c>, no <c>$when</c>) is a literal itself.</summary>
    private static TemplateNode Folded(JsonNode node, TemplateNode compiled) =>
        compiled.IsLiteral ? new LiteralNode(node) : compiled;

    /// <summary>Whether the node writes the same JSON whatever the data.</summary>
    protected virtual bool IsLiteral => false;

    /// <summary>The raw value a <c>$data</c> or <c>$when</c> refers to (missing stays undefined, not "").</summary>
    private static JsonElement Resolve(TemplateNode node, Scope scope) => node switch
    {
        TextNode text => text.Value.EvaluateRaw(scope),
        LiteralNode literal => literal.Value,
        _ => Bound(node, scope),
    };

    // An object or a list written in the template itself as a $data or $when: rare, so bound and read back.
    private static JsonElement Bound(TemplateNode node, Scope scope)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (!node.TryWrite(scope, writer))
            {
                return default;
            }
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary>A node that is always written: everything but an object, which its <c>$when</c> may remove.</summary>
    private abstract class ValueNode : TemplateNode
    {
        public sealed override bool TryWrite(Scope scope, Utf8JsonWriter writer, string? name = null)
        {
            if (name is not null)
            {
                writer.WritePropertyName(name);
            }

            Write(scope, writer);
            return true;
        }

        protected abstract void Write(Scope scope, Utf8JsonWriter writer);
    }

    /// <summary>A part of the template that binds nothing: the JSON it writes, made once.</summary>
    private sealed class LiteralNode : ValueNode
    {
        private readonly byte[] _json;

        public LiteralNode(JsonNode? value)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                if (value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    value.WriteTo(writer);
                }
            }

            _json = buffer.WrittenSpan.ToArray();
        }

        /// <summary>The template's own value, for a <c>$data</c> or <c>$when</c> written as a literal (rare): JSON null is missing.</summary>
        public JsonElement Value => JsonSerializer.Deserialize<JsonElement>(_json) is var value && value.ValueKind != JsonValueKind.Null ? value : default;

        protected override bool IsLiteral => true;

        protected override void Write(Scope scope, Utf8JsonWriter writer) => writer.WriteRawValue(_json, skipInputValidation: true);
    }

    private sealed class TextNode(Interpolation value) : ValueNode
    {
        public Interpolation Value => value;

        protected override void Write(Scope scope, Utf8JsonWriter writer) => value.Write(scope, writer);
    }

    private sealed class ShownTextNode(Interpolation value) : ValueNode
    {
        protected override void Write(Scope scope, Utf8JsonWriter writer) => value.WriteShown(scope, writer);
    }

    // Arrays, here and in ObjectNode: walked on every bind, where an interface's enumerator would be allocated (boxed) each time.
    private sealed class ArrayNode(TemplateNode[] items) : ValueNode
    {
        protected override bool IsLiteral => items.All(item => item.IsLiteral);

        protected override void Write(Scope scope, Utf8JsonWriter writer)
        {
            writer.WriteStartArray();
            foreach (var item in items)
            {
                if (item is ObjectNode obj)
                {
                    obj.WriteExpanded(scope, writer);
                }
                else
                {
                    item.TryWrite(scope, writer);
                }
            }

            writer.WriteEndArray();
        }
    }

    private sealed class ObjectNode(
        KeyValuePair<string, TemplateNode>[] properties,
        TemplateNode? source,
        TemplateNode? when) : TemplateNode
    {
        protected override bool IsLiteral => source is null && when is null && properties.All(p => p.Value.IsLiteral);

        /// <summary>Outside an array, <c>$data</c> only changes the scope.</summary>
        public override bool TryWrite(Scope scope, Utf8JsonWriter writer, string? name = null) =>
            TryWriteBody(source is null ? scope : scope.With(Resolve(source, scope)), writer, name);

        /// <summary>Inside an array, <c>$data</c> bound to an array repeats the element once per item.</summary>
        public void WriteExpanded(Scope scope, Utf8JsonWriter writer)
        {
            if (source is null)
            {
                TryWriteBody(scope, writer, name: null);
                return;
            }

            var data = Resolve(source, scope);
            switch (data.ValueKind)
            {
                case JsonValueKind.Undefined or JsonValueKind.Null:
                    break;
                case JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in data.EnumerateArray())
                    {
                        TryWriteBody(scope.With(item, index++), writer, name: null);
                    }

                    break;
                default:
                    TryWriteBody(scope.With(data), writer, name: null);
                    break;
            }
        }

        private bool TryWriteBody(Scope scope, Utf8JsonWriter writer, string? name)
        {
            if (when is not null && !JsonValues.IsTruthy(Resolve(when, scope)))
            {
                return false;
            }

            if (name is not null)
            {
                writer.WritePropertyName(name);
            }

            writer.WriteStartObject();
            foreach (var (key, value) in properties)
            {
                value.TryWrite(scope, writer, key);
            }

            writer.WriteEndObject();
            return true;
        }
    }
}
