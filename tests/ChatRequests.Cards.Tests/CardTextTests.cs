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
}
