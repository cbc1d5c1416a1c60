using System.Text.Json.Nodes;
using ChatRequests.Teams.Connector;

namespace ChatRequests.Teams.Tests.Connector;

public sealed class AdaptiveCardInvokeTests
{
    [Fact]
    public void TryParse_ReadsTheActionAndTrigger()
    {
        var activity = Invoke("""{"action":{"type":"Action.Execute","id":"approve-btn","verb":"approve","data":{"requestId":"REQ-1","version":3}},"trigger":"manual"}""");

        Assert.True(AdaptiveCardInvoke.TryParse(activity, out var invoke, out var error), error);

        Assert.Equal("Action.Execute", invoke.Action.Type);
        Assert.Equal("approve", invoke.Action.Verb);
        Assert.Equal("approve-btn", invoke.Action.Id);
        Assert.Equal("REQ-1", invoke.Action.Data["requestId"]!.GetValue<string>());
        Assert.Equal(3, invoke.Action.Data["version"]!.GetValue<int>());
        Assert.Equal("manual", invoke.Trigger);
        Assert.False(invoke.IsAutomaticRefresh);
    }

    [Fact]
    public void TryParse_AcceptsAnInvokeWithoutIdDataOrTrigger_AsThePlaygroundSendsIt()
    {
        Assert.True(AdaptiveCardInvoke.TryParse(JsonNode.Parse("""{"action":{"type":"Action.Execute","verb":"refresh"}}"""), out var invoke, out var error), error);

        Assert.Null(invoke.Action.Id);
        Assert.Empty(invoke.Action.Data);
        Assert.Null(invoke.Trigger);
    }

    [Fact]
    public void TryParse_RecognisesAnAutomaticRefresh()
    {
        Assert.True(AdaptiveCardInvoke.TryParse(JsonNode.Parse("""{"action":{"type":"Action.Execute","verb":"refresh"},"trigger":"automatic"}"""), out var invoke, out _));

        Assert.True(invoke.IsAutomaticRefresh);
    }

    [Theory]
    [InlineData("null", "value must be an object, was missing or null")]
    [InlineData("[]", "value must be an object, was an array")]
    [InlineData("{}", "value.action is missing")]
    [InlineData("""{"action":"approve"}""", "value.action must be an object, was a string")]
    [InlineData("""{"action":{"verb":"approve"}}""", "value.action.type is missing")]
    [InlineData("""{"action":{"type":"Action.Submit","verb":"approve"}}""", "value.action.type must be 'Action.Execute', was 'Action.Submit'")]
    [InlineData("""{"action":{"type":"Action.Execute"}}""", "value.action.verb is missing")]
    [InlineData("""{"action":{"type":"Action.Execute","verb":" "}}""", "value.action.verb is empty")]
    [InlineData("""{"action":{"type":"Action.Execute","verb":42}}""", "value.action.verb must be a string, was a number")]
    [InlineData("""{"action":{"type":"Action.Execute","verb":"approve","id":true}}""", "value.action.id must be a string, was a boolean")]
    [InlineData("""{"action":{"type":"Action.Execute","verb":"approve","data":"REQ-1"}}""", "value.action.data must be an object, was a string")]
    [InlineData("""{"action":{"type":"Action.Execute","verb":"approve"},"trigger":{}}""", "value.trigger must be a string, was an object")]
    public void TryParse_NamesTheMissingOrMistypedPiece(string value, string expectedError)
    {
        Assert.False(AdaptiveCardInvoke.TryParse(JsonNode.Parse(value), out var invoke, out var error));

        Assert.Null(invoke);
        Assert.Equal(expectedError, error);
    }

    [Fact]
    public void TryParse_RejectsAnActivityThatIsNotAnAdaptiveCardActionInvoke()
    {
        var activity = Invoke("""{"action":{"type":"Action.Execute","verb":"approve"}}""") with { Name = "task/fetch" };

        Assert.False(AdaptiveCardInvoke.TryParse(activity, out _, out var error));

        Assert.Equal("expected an invoke named 'adaptiveCard/action', got type 'invoke' name 'task/fetch'", error);
    }

    private static Activity Invoke(string value) => new()
    {
        Type = ActivityTypes.Invoke,
        Name = AdaptiveCardInvoke.InvokeName,
        Value = JsonNode.Parse(value),
    };
}
