using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRequests.Cards;
using ChatRequests.Teams.Connector;
using ChatRequests.Teams.Notifications;

namespace ChatRequests.Teams.Tests.Connector;

/// <summary>
/// A bound card goes to the connector as the JSON its template wrote (<see cref="AttachmentJsonConverter"/>): the same
/// bytes as when the card was read back into a <see cref="JsonObject"/> and serialised, so Teams and the memory of last
/// sent cards see no difference; attachments from the wire are read as before.
/// </summary>
public sealed class CardAttachmentTests
{
    private static readonly RequestCards Cards = new();

    [Fact]
    public void ACardMessage_IsSentAsTheActivityOfItsCardAsANodeWasSent()
    {
        var card = Cards.Info("Saved \"draft\"", "<b>Ünïcode</b> & 'quotes' 🙂 \u2028 مرحبا", "good");
        var asNode = JsonNode.Parse(card.ToJsonString())!.AsObject();
        var shapeOfMain = new
        {
            type = ActivityTypes.Message,
            summary = card.FallbackText,
            attachments = new[] { new { contentType = Attachment.AdaptiveCardContentType, content = asNode } },
        };

        var sent = JsonSerializer.SerializeToUtf8Bytes(Activity.CardMessage(card), ConnectorJson.Options);

        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(shapeOfMain, ConnectorJson.Options), sent);
        Assert.Equal(sent, JsonSerializer.SerializeToUtf8Bytes(Activity.CardMessage(asNode, card.FallbackText), ConnectorJson.Options));
        Assert.Equal(LastSentCards.HashOf(Activity.CardMessage(asNode, card.FallbackText)), LastSentCards.HashOf(Activity.CardMessage(card)));
    }

    [Fact]
    public void ACardChangedThroughItsAttachment_IsSentChanged()
    {
        var activity = Activity.CardMessage(Cards.Info("Saved", "Your draft was saved."));

        activity.Attachments![0].Content!["lang"] = "en";

        var sent = JsonNode.Parse(JsonSerializer.SerializeToUtf8Bytes(activity, ConnectorJson.Options))!;
        Assert.Equal("en", sent["attachments"]![0]!["content"]!["lang"]!.GetValue<string>());
    }

    [Fact]
    public void AnAttachmentFromTheWire_KeepsItsContent_AndIsWrittenBackAsItCame()
    {
        const string Wire = """{"contentType":"application/vnd.microsoft.teams.card.file.info","content":{"uniqueId":"u1","sizes":[1,"two"]},"contentUrl":"https://files.example/a.txt","name":"a.txt"}""";

        var attachment = JsonSerializer.Deserialize<Attachment>(Wire, ConnectorJson.Inbound)!;

        Assert.Equal("application/vnd.microsoft.teams.card.file.info", attachment.ContentType);
        Assert.Equal("two", attachment.Content!["sizes"]![1]!.GetValue<string>());
        Assert.Equal("a.txt", attachment.Name);
        Assert.Equal(Wire, JsonSerializer.Serialize(attachment, ConnectorJson.Options));
    }

    [Fact]
    public void AnAttachmentWithoutContent_LeavesItOut()
    {
        var attachment = new Attachment { ContentType = "text/plain", Name = "n" };

        Assert.Equal("""{"contentType":"text/plain","name":"n"}""", JsonSerializer.Serialize(attachment, ConnectorJson.Options));
    }

    [Fact]
    public void AnAttachmentNamingAPropertyTwice_IsRefusedOnTheWayIn()
    {
        Assert.ThrowsAny<JsonException>(() =>
            JsonSerializer.Deserialize<Activity>("""{"type":"message","attachments":[{"contentType":"a","contentType":"b"}]}""", ConnectorJson.Inbound));
    }

    [Fact]
    public void AnInvokeAnswer_OfABoundCard_IsTheAnswerOfItsCardAsANode()
    {
        var card = Cards.Info("Closed", "Thanks for confirming \"REQ-000001\" 🙂", "good");

        var answer = InvokeResponse.Card(card);

        Assert.Equal(InvokeResponse.Card(JsonNode.Parse(card.ToJsonString())!.AsObject()).Utf8Body.ToArray(), answer.Utf8Body.ToArray());
    }
}
