using System.Text.Json.Nodes;

namespace ChatRequests.Bot.CardActions;

/// <summary>
/// Puts a short notice on top of a card: why a click changed nothing, or what it did, shown on the card the person is
/// looking at. The text goes in a TextRun, where Teams renders no markdown: it can quote what people typed.
/// </summary>
public static class CardBanner
{
    public static JsonObject Prepend(JsonObject card, string text, string style = "attention")
    {
        var body = card["body"] as JsonArray ?? [];
        body.Insert(0, new JsonObject
        {
            ["type"] = "Container",
            ["style"] = style,
            ["items"] = new JsonArray
            {
                new JsonObject
                {
                    ["type"] = "RichTextBlock",
                    ["inlines"] = new JsonArray { new JsonObject { ["type"] = "TextRun", ["text"] = text, ["weight"] = "Bolder" } },
                },
            },
        });
        card["body"] = body;
        return card;
    }
}
