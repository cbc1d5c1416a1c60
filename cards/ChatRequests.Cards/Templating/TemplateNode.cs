using System.Text.Json.Nodes;

namespace ChatRequests.Cards.Templating;

/// <summary>
/// A template compiled once into an immutable tree, so binding never re-parses expressions and many threads
/// can bind the same template at once.
/// </summary>
internal abstract class TemplateNode
{
    private const string DataKeyword = "$data";
    private const string WhenKeyword = "$when";

    /// <summary>Binds the node; false when it is removed (its <c>$when</c> is false).</summary>
    public abstract bool TryBind(Scope scope, out JsonNode? value);

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
        _ => node.TryBind(scope, out var value) ? value : null,
    };

    private sealed class LiteralNode(JsonNode? value) : TemplateNode
    {
        public override bool TryBind(Scope scope, out JsonNode? bound)
        {
            bound = value?.DeepClone();
            return true;
        }
    }

    private sealed class TextNode(Interpolation value) : TemplateNode
    {
        public Interpolation Value => value;

        public override bool TryBind(Scope scope, out JsonNode? bound)
        {
            bound = value.Evaluate(scope);
            return true;
        }
    }

    private sealed class ShownTextNode(Interpolation value) : TemplateNode
    {
        public override bool TryBind(Scope scope, out JsonNode? bound)
        {
            bound = value.EvaluateShown(scope);
            return true;
        }
    }

    private sealed class ArrayNode(IReadOnlyList<TemplateNode> items) : TemplateNode
    {
        public override bool TryBind(Scope scope, out JsonNode? bound)
        {
            var array = new JsonArray();
            foreach (var item in items)
            {
                if (item is ObjectNode obj)
                {
                    foreach (var element in obj.Expand(scope))
                    {
                        array.Add(element);
                    }
                }
                else if (item.TryBind(scope, out var value))
                {
                    array.Add(value);
                }
            }

            bound = array;
            return true;
        }
    }

    private sealed class ObjectNode(
        IReadOnlyList<KeyValuePair<string, TemplateNode>> properties,
        TemplateNode? source,
        TemplateNode? when) : TemplateNode
    {
        /// <summary>Outside an array, <c>$data</c> only changes the scope.</summary>
        public override bool TryBind(Scope scope, out JsonNode? bound)
        {
            var inner = source is null ? scope : scope.With(Resolve(source, scope));
            bound = BindBody(inner);
            return bound is not null;
        }

        /// <summary>Inside an array, <c>$data</c> bound to an array repeats the element once per item.</summary>
        public IEnumerable<JsonNode> Expand(Scope scope)
        {
            if (source is null)
            {
                return BindBody(scope) is { } single ? [single] : [];
            }

            return Resolve(source, scope) switch
            {
                null => [],
                JsonArray items => items
                    .Select((item, index) => BindBody(scope.With(item, index)))
                    .OfType<JsonNode>()
                    .ToList(),
                var data => BindBody(scope.With(data)) is { } one ? [one] : [],
            };
        }

        private JsonObject? BindBody(Scope scope)
        {
            if (when is not null && !JsonValues.IsTruthy(Resolve(when, scope)))
            {
                return null;
            }

            var result = new JsonObject();
            foreach (var (name, value) in properties)
            {
                if (value.TryBind(scope, out var bound))
                {
                    result[name] = bound;
                }
            }

            return result;
        }
    }
}
