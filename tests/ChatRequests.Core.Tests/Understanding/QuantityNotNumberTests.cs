using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.MiniCatalog;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>
/// "request 2000 business cards" asks for 2,000 cards; it is not a look-up of REQ-002000. A print room's catalog the
/// matching was never tuned on.
/// </summary>
public class QuantityNotNumberTests
{
    private static readonly MiniCatalog PrintRoom = new(
        Item("business-cards", "Business cards", "Print", "Printed business cards with your name, role and office.", ["business cards"],
            [Number("quantity", "How many")]),
        Item("flyers", "Flyers", "Print", "Printed flyers for an event or a campaign.", ["flyers", "leaflets"],
            [Number("quantity", "How many")]));

    [Theory]
    [InlineData("request 2000 business cards", "business-cards")]
    [InlineData("I'd like to request 1500 flyers for the open day", "flyers")]
    public void RequestAsAVerb_WithFourDigits_AsksForTheThing(string text, string item)
    {
        var meaning = PrintRoom.Read(text);

        Assert.NotEqual(MeaningKind.Command, meaning.Kind);
        Assert.Null(meaning.RequestId);
        Assert.Contains(meaning.Items, m => m.Item.Id == item);
    }

    [Fact]
    public void RequestAndANumber_AskedAbout_IsStillThatRequest()
    {
        var meaning = PrintRoom.Read("request 2231 status?");

        Assert.Equal(MeaningKind.Command, meaning.Kind);
        Assert.Equal("REQ-002231", meaning.RequestId);
    }
}
