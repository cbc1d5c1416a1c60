using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.MiniCatalog;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>A requester chasing a request ("any news?") is a follow-up; listing requests, or asking for an item, is not.</summary>
public class FollowUpWordsTests
{
    private static readonly MiniCatalog Office = new(
        Item("laptop", "Standard laptop", keywords: ["laptop", "notebook"]),
        Item("monitor", "Extra monitor", keywords: ["monitor", "screen"]),
        Item("tracking", "Asset tracking app", "Software", keywords: ["asset tracking"]));

    [Theory]
    [InlineData("any news?", ChatCommand.MyRequests, null)]
    [InlineData("Any update on REQ-000042", ChatCommand.ShowRequest, null)]
    [InlineData("what's happening with my laptop", ChatCommand.MyRequests, "laptop")]
    [InlineData("whats going on with my new screen??", ChatCommand.MyRequests, "monitor")]
    [InlineData("still waiting on REQ-000007, any eta?", ChatCommand.ShowRequest, null)]
    [InlineData("why is it taking so long", ChatCommand.MyRequests, null)]
    [InlineData("chasing my notebook again", ChatCommand.MyRequests, "laptop")]
    [InlineData("any word on my request", ChatCommand.MyRequests, null)]
    public void ChasingWords_AreAFollowUp_NamingTheItemWhenTheyDo(string text, ChatCommand command, string? itemId)
    {
        var meaning = Office.Read(text);

        Assert.Equal((MeaningKind.Command, command, true), (meaning.Kind, meaning.Command, meaning.FollowUp));
        Assert.Equal(itemId, meaning.Items.FirstOrDefault()?.Item.Id);
    }

    [Theory]
    [InlineData("my requests")]
    [InlineData("show my tickets")]
    [InlineData("REQ-000042")]
    [InlineData("status")]
    public void ListingOrShowingRequests_IsNoFollowUp(string text)
    {
        var meaning = Office.Read(text);

        Assert.Equal(MeaningKind.Command, meaning.Kind);
        Assert.False(meaning.FollowUp);
        Assert.Empty(meaning.Items);
    }

    [Theory]
    [InlineData("I need a new laptop", "laptop")]
    [InlineData("asset tracking software for the stores", "tracking")]
    [InlineData("a second screen please", "monitor")]
    public void AskingForAnItem_StaysTheItem(string text, string itemId)
    {
        var meaning = Office.Read(text);

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.False(meaning.FollowUp);
        Assert.Equal(itemId, meaning.Items[0].Item.Id);
    }
}
