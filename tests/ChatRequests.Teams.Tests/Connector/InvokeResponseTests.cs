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
