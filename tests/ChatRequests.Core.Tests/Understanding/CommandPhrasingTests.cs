using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.MiniCatalog;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>Commands in more everyday phrasings, and command words that are part of what is asked for.</summary>
public class CommandPhrasingTests
{
    // A warehouse's catalog, with an item whose name has a command word in it.
    private static readonly MiniCatalog Warehouse = new(
        Item("tracking", "Asset tracking app", "Software", keywords: ["asset tracking", "stock tracking"]),
        Item("scanner", "Handheld scanner", keywords: ["scanner", "scan gun"]));

    [Theory]
    [InlineData("pending sign offs", ChatCommand.Approvals)]
    [InlineData("any signoffs for me?", ChatCommand.Approvals)]
    [InlineData("the tickets I raised last week", ChatCommand.MyRequests)]
    [InlineData("requests we've logged", ChatCommand.MyRequests)]
    [InlineData("tracking", ChatCommand.MyRequests)]
    [InlineData("any progress on my scanner", ChatCommand.MyRequests)]
    [InlineData("what can I use you for", ChatCommand.Help)]
    [InlineData("how can I use this bot", ChatCommand.Help)]
    public void Commands_AreUnderstood(string text, ChatCommand command)
    {
        var meaning = Warehouse.Read(text);

        Assert.Equal(MeaningKind.Command, meaning.Kind);
        Assert.Equal(command, meaning.Command);
    }

    [Fact]
    public void ACommandWord_InAnItemsName_DoesNotTakeTheItem()
    {
        var meaning = Warehouse.Read("stock tracking software on the stores pc");

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal("tracking", meaning.Items[0].Item.Id);
    }
}
