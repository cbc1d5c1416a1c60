using System.Text.Json.Nodes;

namespace ChatRequests.Cards.Tests.Support;

/// <summary>One string of a bound card: where it is, and whether it sits where nothing is interpreted.</summary>
public sealed record CardString(string Path, string Text, bool IsInert);

/// <summary>
/// Every string of a card, each marked inert when it is a TextRun's text, a string inline, an input's value, label or
/// placeholder, anything in an action's data, or the card's fallbackText: the only places people's text may go.
/// </summary>
public static class CardStrings
{
    public static IReadOnlyList<CardString> Of(JsonObject card)
    {
        var found = new List<CardString>();
        Walk(card, null, "", "", inData: false, found);
        return found;
    }

    private static void Walk(JsonNode? node, JsonObject? owner, string key, string path, bool inData, List<CardString> found)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    var isData = inData || (name == "data" && TypeOf(obj)?.StartsWith("Action.", StringComparison.Ordinal) == true);
                    Walk(child, obj, name, path.Length == 0 ? name : $"{path}.{name}", isData, found);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], owner, key, $"{path}[{i}]", inData, found);
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                var type = owner is null ? null : TypeOf(owner);
                var inert = inData
                    || (type == "TextRun" && key == "text")
                    || (type == "RichTextBlock" && key == "inlines")
                    || (type?.StartsWith("Input.", StringComparison.Ordinal) == true && key is "value" or "label" or "placeholder")
                    || (type == "AdaptiveCard" && key == "fallbackText");
                found.Add(new CardString(path, text, inert));
                break;
        }
    }

    public static string? TypeOf(JsonObject obj) => obj["type"] is JsonValue v && v.TryGetValue<string>(out var type) ? type : null;
}
