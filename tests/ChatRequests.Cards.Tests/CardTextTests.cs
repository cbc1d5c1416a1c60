using ChatRequests.Core.Requests;

namespace ChatRequests.Cards.Tests;

public class CardTextTests
{
    [Theory]
    [InlineData("2026-03-04T00:30:00+00:00", "2026-03-04T00:30:00Z")]
    [InlineData("2026-03-04T01:30:00+01:00", "2026-03-04T00:30:00Z")]
    [InlineData("2026-03-03T19:30:59.999-05:00", "2026-03-04T00:30:59Z")]
    public void Instant_IsUtcRfc3339InWholeSecondsAsDateAndTimeFunctionsTakeIt(string at, string expected)
    {
        Assert.Equal(expected, CardText.Instant(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Action_EveryAuditAction_HasWordsOfItsOwnChoosing()
    {
        Assert.All(AuditAction.All, a => Assert.True(CardText.ActionWords.ContainsKey(a), $"{a} has no words"));
        Assert.Equal("Target date at risk", CardText.Action(AuditAction.SlaAtRisk));
    }

    [Fact]
    public void Action_NotKnownToThisVersion_IsShownAsStored()
    {
        var unknown = System.Text.Json.JsonSerializer.Deserialize<AuditAction>("\"Archive\"", Core.Storage.RequestJson.Options);

        Assert.Equal("Archive", CardText.Action(unknown));
    }
}
