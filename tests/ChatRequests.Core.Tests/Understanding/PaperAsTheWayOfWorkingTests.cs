using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.MiniCatalog;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>
/// "Paper" is a supply asked for only when it is the stuff a device uses up ("paper rolls for the label printer"); said as
/// the way the work is done today ("still on paper", "uses paper for"), what is written on it ("the paper lists") or
/// papers written, it leaves the form for the thing asked to do the work with instead (ADR 0099).
/// </summary>
public class PaperAsTheWayOfWorkingTests
{
    // A shipyard's catalog, none of the evaluation's.
    private static readonly MiniCatalog Shipyard = new(
        Item("inspection-tablet", "Hull inspection tablet", description: "A rugged tablet for inspectors to record hull surveys on site.", keywords: ["inspection tablet", "rugged tablet"]),
        Item("label-printer", "Cargo label printer", description: "A printer for the labels on cargo and parts.", keywords: ["label printer"]),
        Item("laptop", "Standard laptop", keywords: ["laptop", "notebook"]));

    [Theory]
    [InlineData("the hull surveys are still on paper, can the inspectors get rugged tablets to use on site")]
    [InlineData("our inspectors still use paper for hull surveys, they need an inspection tablet")]
    [InlineData("the surveyors read the paper checklists on site, could we trial an inspection tablet")]
    public void ItemAskedBesidePaperAsTheWayOfWorking_IsItsForm(string text)
    {
        var meaning = Shipyard.Read(text);

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal("inspection-tablet", meaning.Items[0].Item.Id);
    }

    [Theory]
    [InlineData("paper rolls for the label printer in the stores")]
    [InlineData("we need more paper for the label printer")]
    public void PaperForTheDeviceAsked_IsNoForm(string text)
    {
        Assert.NotEqual(MeaningKind.Item, Shipyard.Read(text).Kind);
    }
}
