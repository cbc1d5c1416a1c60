using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatRequests.Cards.Templating;

/// <summary>
/// A template compiled once into an immutable tree, so binding never re-parses expressions and many threads
/// can bind the same template at once. Binding writes the card straight to a <see cref="Utf8JsonWriter"/>: no
/// <see cref="JsonObject"/> per element, no copy of every literal.
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
        JsonArray array => new ArrayNode([.. array.Select(Compile)]),
        JsonValue value when value.TryGetValue<string>(out var text) && Interpolation.HasBindings(text) =>
            new TextNode(Interpolation.Parse(text)),
        _ => new LiteralNode(node?.DeepClone()),
    };

    private static ObjectNode CompileObject(JsonObject obj)
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

        return new ObjectNode(properties, source, when);
    }

    /// <summary>Shown text (a TextRun's text, an input's label, a RichTextBlock's string inlines): bound values are neutralised.</summary>
    private static TemplateNode CompileShown(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) && Interpolation.HasBindings(text) =>
            new ShownTextNode(Interpolation.Parse(text)),
        JsonArray array => new ArrayNode([.. array.Select(item => item is JsonObject ? Compile(item) : CompileShown(item))]),
        _ => Compile(node),
    };

    /// <summary>The raw value a <c>$data</c> or <c>$when</c> refers to (missing stays null, not "").</summary>
    private static JsonNode? Resolve(TemplateNode node, Scope scope) => node switch
    {
        TextNode text => text.Value.EvaluateRaw(scope),
        LiteralNode literal => literal.Value,
        _ => Bound(node, scope),
    };

    // An object or a list written in the template itself as a $data or $when: rare, so bound and read back.
    private static JsonNode? Bound(TemplateNode node, Scope scope)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (!node.TryWrite(scope, writer))
            {
                return null;
            }
        }

        return JsonNode.Parse(buffer.WrittenSpan);
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

    private sealed class LiteralNode(JsonNode? value) : ValueNode
    {
        /// <summary>The template's own value: never handed to anything that changes it.</summary>
        public JsonNode? Value => value;

        protected override void Write(Scope scope, Utf8JsonWriter writer)
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
    }

    private sealed class TextNode(Interpolation value) : ValueNode
    {
        public Interpolation Value => value;

        protected override void Write(Scope scope, Utf8JsonWriter writer) => value.Write(scope, writer);
    }

    private sealed class ShownTextNode(Interpolation value) : ValueNode
    {
        protected override void Write(Scope scope, Utf8JsonWriter writer) => writer.WriteStringValue(value.EvaluateShown(scope));
    }

    private sealed class ArrayNode(IReadOnlyList<TemplateNode> items) : ValueNode
    {
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
        IReadOnlyList<KeyValuePair<string, TemplateNode>> properties,
        TemplateNode? source,
        TemplateNode? when) : TemplateNode
    {
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

            switch (Resolve(source, scope))
            {
                case null:
                    break;
                case JsonArray items:
                    for (var index = 0; index < items.Count; index++)
                    {
                        TryWriteBody(scope.With(items[index], index), writer, name: null);
                    }

                    break;
                case var data:
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
