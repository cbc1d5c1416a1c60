using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRequests.Teams.Connector;

namespace ChatRequests.Teams.Tests.Connector;

public sealed class InvokeResponseTests
{
    [Fact]
    public void Card_IsStatus200WithTheAdaptiveCardTypeAndTheCardAsValue()
    {
        var card = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new JsonArray() };

        var response = InvokeResponse.Card(card);

        Assert.Equal(200, response.HttpStatus);
        AssertJson("""{"statusCode":200,"type":"application/vnd.microsoft.card.adaptive","value":{"type":"AdaptiveCard","version":"1.5","body":[]}}""", response);
    }

    [Fact]
    public void Card_DoesNotChangeWhenTheCallerLaterChangesItsCard()
    {
        var card = new JsonObject { ["type"] = "AdaptiveCard" };
        var response = InvokeResponse.Card(card);

        card["type"] = "changed";

        Assert.Equal("AdaptiveCard", response.Value["type"]!.GetValue<string>());
    }

    [Fact]
    public void Card_BodyIsWhatTheSerializerWritesWithTheConnectorsOptions_ByteForByte()
    {
        // Text that the writer escapes or keeps (markup, quotes, non-ASCII, emoji), as people's words reach a card.
        var card = JsonNode.Parse("""{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"<b>Ünïcode</b> & \"quotes\" 🙂 'x' \u2028"}],"n":1.50}""")!.AsObject();
        card["refresh"] = new JsonObject { ["userIds"] = new JsonArray("29:1") };

        var response = InvokeResponse.Card(card);

        var serialized = JsonSerializer.SerializeToUtf8Bytes(
            new { statusCode = 200, type = InvokeResponse.AdaptiveCardType, value = card }, ConnectorJson.Options);
        Assert.Equal(serialized, response.Utf8Body.ToArray());
        Assert.Equal(Encoding.UTF8.GetString(serialized), response.ToJson());
    }

    [Fact]
    public void Message_IsStatus200WithTheMessageTypeAndTheTextAsValue()
    {
        AssertJson("""{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"Saved \"draft\""}""", InvokeResponse.Message("Saved \"draft\""));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(500)]
    public void Error_CarriesTheStatusInTheBody_ButTheHttpStatusStays200(int status)
    {
        var response = InvokeResponse.Error(status, "NotAnApprover", "Only the approvers of this request can decide.");

        Assert.Equal(200, response.HttpStatus);
        AssertJson($$$"""{"statusCode":{{{status}}},"type":"application/vnd.microsoft.error","value":{"code":"NotAnApprover","message":"Only the approvers of this request can decide."}}""", response);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(399)]
    [InlineData(600)]
    public void Error_RejectsStatusesThatAreNotErrors(int status)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => InvokeResponse.Error(status, "code", "message"));
    }

    private static void AssertJson(string expected, InvokeResponse response) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(response.ToJson())), $"got {response.ToJson()}");
}
