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
/// Parsed and checked once; <see cref="Bind"/> is thread-safe.
/// </summary>
public sealed class CardTemplate
{
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

    /// <summary>Binds the template to <paramref name="data"/> and returns a new card; the data is not changed.</summary>
    public JsonObject Bind(JsonNode? data) =>
        _root.TryBind(Scope.For(data), out var card) && card is JsonObject result
            ? result
            : throw new TemplateException($"Template '{Name}' was removed entirely by its $when.");
}
