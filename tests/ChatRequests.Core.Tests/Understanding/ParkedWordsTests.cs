using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.MiniCatalog;

namespace ChatRequests.Core.Tests.Understanding;

public class ParkedWordsTests
{
    private static readonly MiniCatalog Catalog = new(
        Item("parking", "Car park permit", "Facilities", keywords: ["parking", "car park", "parked"]),
        Item("printer", "Printer repair", "Hardware", keywords: ["printer", "stuck", "jam"]),
        Item("steps", "Step counter", "Devices", keywords: ["steps", "pedometer"]));

    [Theory]
    [InlineData("parked")]
    [InlineData("Parked events")]
    [InlineData("parked steps?")]
    [InlineData("what is stuck")]
    [InlineData("What's stuck?")]
    [InlineData("what’s stuck")]
    [InlineData("show me the parked events, please")]
    [InlineData("stuck events")]
    public void TheLeadsWords_AreTheParkedCommand(string text)
    {
        Assert.True(ParkedWords.Matches(text));
        Assert.Equal((MeaningKind.Command, ChatCommand.Parked), (Catalog.Read(text).Kind, Catalog.Read(text).Command));
    }

    [Theory]
    [InlineData("I need a parking permit, my car is parked outside")]
    [InlineData("my parked car needs a permit")]
    [InlineData("the printer is stuck")]
    [InlineData("paper stuck in the printer")]
    [InlineData("what is stuck in the printer")]
    [InlineData("parked events REQ-000042")]
    [InlineData("I need a step counter")]
    public void OtherWords_AreNoParkedCommand(string text)
    {
        Assert.False(ParkedWords.Matches(text));
        Assert.NotEqual(ChatCommand.Parked, Catalog.Read(text).Command);
    }
}
