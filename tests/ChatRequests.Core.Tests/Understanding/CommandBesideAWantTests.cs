using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.MiniCatalog;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>
/// A team's queue or approvals found beside a form for an item no name of which was said whole take the form only when
/// nothing is said to be wanted or needed (ADR 0097): "the queue at the front desk" is a line of people, "sign off" a
/// thing the item is for, when the person says what they would like.
/// </summary>
public class CommandBesideAWantTests
{
    // A museum's catalog, none of the evaluation's.
    private static readonly MiniCatalog Museum = new(
        Item("ticket-kiosk", "Visitor kiosk", description: "A touch screen where visitors buy their entry tickets themselves.", keywords: ["visitor kiosk"]),
        Item("collections-tablet", "Collections tablet", description: "A tablet for curators to record and approve condition checks on objects.", keywords: ["collections tablet"]),
        Item("laptop", "Standard laptop", keywords: ["laptop", "notebook"]));

    [Theory]
    [InlineData("the queue at the front desk is long on sundays, we'd like a touch screen where visitors buy entry tickets themselves", "ticket-kiosk")]
    [InlineData("the curators need one more tablet to sign off condition checks on objects", "collections-tablet")]
    public void ItemWantedBesideAQueueOrApprovalWord_IsItsForm(string text, string item)
    {
        var meaning = Museum.Read(text);

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal(item, meaning.Items[0].Item.Id);
    }

    [Theory]
    [InlineData("show the front desk's open work", ChatCommand.Queue)]
    public void QueueAskedWithNothingWanted_IsTheCommand(string text, ChatCommand command)
    {
        var meaning = Museum.Read(text);

        Assert.Equal(MeaningKind.Command, meaning.Kind);
        Assert.Equal(command, meaning.Command);
    }
}
