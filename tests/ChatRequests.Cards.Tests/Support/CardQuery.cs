using System.Text.Json.Nodes;

namespace ChatRequests.Cards.Tests.Support;

/// <summary>Finds things in a bound card, show cards included.</summary>
public static class CardQuery
{
    public static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var child in obj.SelectMany(p => Objects(p.Value)))
                {
                    yield return child;
                }

                break;
            case JsonArray array:
                foreach (var child in array.SelectMany(Objects))
                {
                    yield return child;
                }

                break;
        }
    }

    public static IEnumerable<JsonObject> Inputs(JsonNode card) =>
        Objects(card).Where(o => ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true && o.ContainsKey("id"));

    public static JsonObject Input(JsonNode card, string id) =>
        Inputs(card).Single(i => (string?)i["id"] == id);

    public static IEnumerable<JsonObject> Executes(JsonNode card) =>
        Objects(card).Where(o => (string?)o["type"] == "Action.Execute");

    public static IReadOnlyList<string> Verbs(JsonNode card) =>
        [.. Executes(card).Select(a => (string)a["verb"]!)];

    public static IEnumerable<JsonObject> Executes(JsonNode card, string verb) =>
        Executes(card).Where(a => (string?)a["verb"] == verb);

    /// <summary>Every piece of text a person reads, one line per element: TextBlocks, RichTextBlocks (their runs joined), input labels and choices.</summary>
    public static string Text(JsonNode card) => string.Join("\n", Objects(card).SelectMany(o => (string?)o["type"] switch
    {
        "RichTextBlock" => [ElementText(o)],
        "TextRun" => [],
        _ => new[] { (string?)o["text"], (string?)o["label"], (o["title"] as JsonValue)?.ToString(), (o["value"] as JsonValue)?.ToString() },
    }).OfType<string>());

    /// <summary>How the templates show an instant: the viewer's own date and time (Adaptive Card DATE and TIME functions).</summary>
    public static string Moment(DateTimeOffset at)
    {
        var instant = at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        return $"{{{{DATE({instant}, SHORT)}}}} {{{{TIME({instant})}}}}";
    }

    /// <summary>What one element reads: a TextBlock's text, or a RichTextBlock's runs joined.</summary>
    public static string? ElementText(JsonNode? element) => (string?)element?["type"] switch
    {
        "TextBlock" => (string?)element["text"],
        "RichTextBlock" => string.Concat(element["inlines"]!.AsArray().Select(i => i is JsonObject run ? (string?)run["text"] : (string?)i)),
        _ => null,
    };

    /// <summary>The colour of an element's text: a TextBlock's, or that of a RichTextBlock's first run.</summary>
    public static string? ElementColor(JsonNode? element) => (string?)element?["type"] switch
    {
        "TextBlock" => (string?)element["color"],
        "RichTextBlock" => (string?)element["inlines"]![0]!["color"],
        _ => null,
    };

    /// <summary>The top-level actions of the card (not those in ActionSets or show cards).</summary>
    public static IReadOnlyList<JsonObject> RootActions(JsonObject card) =>
        [.. (card["actions"] as JsonArray ?? []).OfType<JsonObject>()];

    /// <summary>The show card whose button has <paramref name="title"/>.</summary>
    public static JsonObject ShowCard(JsonObject card, string title) =>
        Objects(card).Single(o => (string?)o["type"] == "Action.ShowCard" && (string?)o["title"] == title)["card"]!.AsObject();
}
