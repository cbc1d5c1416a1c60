using System.Text.Json.Nodes;

namespace ChatRequests.Cards.Templating;

/// <summary>
/// The rule that keeps people's text inert, checked on every template object when it is parsed. Renderers read a
/// TextBlock's text, a fact's title and value, an input's error message, a toggle's title and the choices of an
/// expanded choice set as markdown, so a binding there is refused: bound text goes in a TextRun of a RichTextBlock,
/// which has no markdown. TextRuns, string inlines and input labels do expand DATE/TIME functions, so bound text
/// placed there is "shown" text, which the binder neutralises (<see cref="DateTimeFunctions"/>).
/// </summary>
internal static class InertText
{
    private const string Advice = "renderers read it as markdown, so bound text goes in a TextRun of a RichTextBlock";

    /// <summary>Throws <see cref="TemplateException"/> when <paramref name="obj"/> binds text where markdown is read.</summary>
    public static void Check(JsonObject obj)
    {
        if (HasBinding(obj["type"]))
        {
            throw new TemplateException($"An element's type cannot be bound ({obj["type"]!.ToJsonString()}): the rule for text depends on it.");
        }

        var type = TypeOf(obj);
        switch (type)
        {
            case "TextBlock":
                Refuse(obj, "text", type);
                break;
            case "FactSet":
                foreach (var fact in Objects(obj["facts"]))
                {
                    Refuse(fact, "title", "Fact");
                    Refuse(fact, "value", "Fact");
                }

                break;
            case "Input.Toggle":
                Refuse(obj, "title", type);
                break;
            case "Input.ChoiceSet" when !IsDropDown(obj):
                foreach (var choice in Objects(obj["choices"]))
                {
                    Refuse(choice, "title", "choice of an expanded Input.ChoiceSet");
                }

                break;
        }

        if (type?.StartsWith("Input.", StringComparison.Ordinal) == true)
        {
            Refuse(obj, "errorMessage", type);
        }
    }

    /// <summary>Whether property <paramref name="name"/> of <paramref name="obj"/> is shown text whose bound values are neutralised.</summary>
    public static bool IsShown(JsonObject obj, string name) => (TypeOf(obj), name) switch
    {
        ("TextRun", "text") => true,
        ("RichTextBlock", "inlines") => true,
        ({ } type, "label") when type.StartsWith("Input.", StringComparison.Ordinal) => true,
        _ => false,
    };

    private static string? TypeOf(JsonObject obj) =>
        obj["type"] is JsonValue value && value.TryGetValue<string>(out var type) ? type : null;

    // A compact choice set is a drop-down of plain options; expanded ones and multi-select lists draw each title as a TextBlock.
    private static bool IsDropDown(JsonObject obj)
    {
        var compact = obj["style"] is null
            || (obj["style"] is JsonValue style && style.TryGetValue<string>(out var name) && name.Equals("compact", StringComparison.OrdinalIgnoreCase));
        var single = obj["isMultiSelect"] is null
            || (obj["isMultiSelect"] is JsonValue multi && multi.TryGetValue<bool>(out var isMulti) && !isMulti);
        return compact && single;
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => (node as JsonArray ?? []).OfType<JsonObject>();

    private static void Refuse(JsonObject obj, string property, string owner)
    {
        if (HasBinding(obj[property]))
        {
            throw new TemplateException($"A {owner}'s {property} cannot be bound ({obj[property]!.ToJsonString()}): {Advice}.");
        }
    }

    private static bool HasBinding(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && Interpolation.HasBindings(text);
}
