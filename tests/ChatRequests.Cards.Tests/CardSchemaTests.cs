using System.Text.Json.Nodes;
using ChatRequests.Cards.Tests.Support;

namespace ChatRequests.Cards.Tests;

/// <summary>The checks the card tests rely on can fail: broken cards are caught.</summary>
public class CardSchemaTests
{
    private const string GoodCard = """
        {
          "type": "AdaptiveCard", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "version": "1.5",
          "fallbackText": "Hello", "msteams": { "width": "Full" },
          "body": [
            { "type": "TextBlock", "text": "Hi", "wrap": true },
            { "type": "Container", "style": "good", "items": [ { "type": "Input.Text", "id": "comment", "label": "Comment" } ] }
          ],
          "actions": [ { "type": "Action.Execute", "title": "Go", "verb": "requests.show", "data": { "requestId": "REQ-000001" } } ]
        }
        """;

    private static CardMessage Message(string json) => new(JsonNode.Parse(json)!.AsObject(), "Hello");

    private static CardMessage Broken(Action<JsonObject> breakIt)
    {
        var card = JsonNode.Parse(GoodCard)!.AsObject();
        breakIt(card);
        return new CardMessage(card, "Hello");
    }

    private static JsonObject Body(JsonObject card, int index) => card["body"]![index]!.AsObject();

    [Fact]
    public void GoodCard_PassesSchemaAndTeamsRules()
    {
        CardAssert.Valid(Message(GoodCard));
    }

    public static TheoryData<string> SchemaBreakers() =>
    [
        "TextBlock without text",
        "unknown element type",
        "unknown property",
        "Input.Number with a text value",
        "unknown container style",
        "choice without title",
        "body is not an array",
        "unknown action type",
    ];

    [Theory]
    [MemberData(nameof(SchemaBreakers))]
    public void Schema_CatchesABrokenCard(string breakage)
    {
        var message = Broken(card =>
        {
            switch (breakage)
            {
                case "TextBlock without text": Body(card, 0).Remove("text"); break;
                case "unknown element type": Body(card, 0)["type"] = "Marquee"; break;
                case "unknown property": Body(card, 0)["$when"] = "${x}"; break;
                case "Input.Number with a text value": card["body"]!.AsArray().Add(new JsonObject { ["type"] = "Input.Number", ["id"] = "n", ["value"] = "abc" }); break;
                case "unknown container style": Body(card, 1)["style"] = "purple"; break;
                case "choice without title":
                    card["body"]!.AsArray().Add(JsonNode.Parse("""{"type": "Input.ChoiceSet", "id": "c", "choices": [{"value": "x"}]}"""));
                    break;
                case "body is not an array": card["body"] = "text"; break;
                case "unknown action type": card["actions"]![0]!["type"] = "Action.Launch"; break;
            }
        });

        Assert.NotEmpty(CardSchema.Validate(message.Card));
    }

    public static TheoryData<string> TeamsBreakers() =>
    [
        "version 1.6",
        "no fallbackText",
        "duplicate input id",
        "Action.Execute without verb",
        "Action.Execute with an unknown verb",
        "identity in action data",
        "unbound binding",
        "TextBlock without wrap",
        "image from the internet",
        "over 80 KB",
        "unknown msteams property",
        "refresh for 61 users",
        "refresh without Action.Execute",
        "an input's value in action data",
        "another verb's id in action data",
        "action data without the request",
        "action data with a mistyped id",
    ];

    [Theory]
    [MemberData(nameof(TeamsBreakers))]
    public void TeamsRules_CatchABrokenCard(string breakage)
    {
        var message = Broken(card =>
        {
            var action = card["actions"]![0]!.AsObject();
            switch (breakage)
            {
                case "version 1.6": card["version"] = "1.6"; break;
                case "no fallbackText": card.Remove("fallbackText"); break;
                case "duplicate input id": card["body"]!.AsArray().Add(new JsonObject { ["type"] = "Input.Text", ["id"] = "comment" }); break;
                case "Action.Execute without verb": action.Remove("verb"); break;
                case "Action.Execute with an unknown verb": action["verb"] = "requests.delete"; break;
                case "identity in action data": action["data"]!["userId"] = "u-1"; break;
                case "an input's value in action data": action["data"]!["comment"] = "typed"; break;
                case "another verb's id in action data": action["data"]!["stage"] = "0"; break;
                case "action data without the request": action["data"]!.AsObject().Remove("requestId"); break;
                case "action data with a mistyped id": action["data"]!["requestId"] = new JsonArray(1); break;
                case "unbound binding": Body(card, 0)["text"] = "Hi ${name}"; break;
                case "TextBlock without wrap": Body(card, 0).Remove("wrap"); break;
                case "image from the internet": card["body"]!.AsArray().Add(new JsonObject { ["type"] = "Image", ["url"] = "https://example.com/a.png" }); break;
                case "over 80 KB": Body(card, 0)["text"] = new string('x', 81 * 1024); break;
                case "unknown msteams property": card["msteams"]!["height"] = "Full"; break;
                case "refresh for 61 users":
                    card["refresh"] = new JsonObject
                    {
                        ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "requests.show", ["data"] = new JsonObject() },
                        ["userIds"] = new JsonArray([.. Enumerable.Range(0, 61).Select(i => (JsonNode)$"29:user-{i}")]),
                    };
                    break;
                case "refresh without Action.Execute":
                    card["refresh"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Submit" } };
                    break;
            }
        });

        Assert.NotEmpty(TeamsCardRules.Check(message));
    }
}
