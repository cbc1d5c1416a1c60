using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.MiniCatalog;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>
/// A thing asked for before the fault that is its reason, a lapsed licence needed, a person added, a listing changed
/// (ADR 0095), on a catalog the evaluation does not use (a ferry operator's); and the fault reports in the same words stay
/// fault reports.
/// </summary>
public class AskBeforeAFaultTests
{
    private static readonly MiniCatalog Ferry = new(
        Item("satellite-terminal", "Satellite terminal", description: "A satellite internet terminal for a vessel.", keywords: ["satellite terminal", "vsat"]),
        Item("handheld-radio", "Handheld radio", description: "A VHF handheld radio for the crew.", keywords: ["handheld radio", "vhf radio"]),
        Item("deck-tablet", "Deck tablet", description: "A rugged tablet for the loading crew.", keywords: ["deck tablet"]),
        Item("chart-software", "Chart plotting software", "Software", "A licence for the chart plotting software.", ["chart software", "navionics"]),
        Item("crew-drive", "Crew shared drive", "Access", "Access to the crew's shared drive.", ["crew drive"]),
        Item("timetable-board", "Timetable board change", "Content", "A change to what the departure boards show.", ["departure board", "timetable board"]));

    [Theory]
    [InlineData("two more handheld radios for the car deck, the crew cant hear each other", "handheld-radio")]
    [InlineData("satellite terminal for the night ferry, no signal out past the headland", "satellite-terminal")]
    [InlineData("how do we get chart software on the bridge pc, the old one won't open", "chart-software")]
    public void AThingAskedFirst_ThenTheFaultThatIsItsReason_IsTheThing(string text, string item) => AssertOffered(text, item);

    [Theory]
    [InlineData("navionics licence lapsed, crossing plan due tomorrow, need it sorted", "chart-software")]
    [InlineData("the crew drive won't let me in, add me please", "crew-drive")]
    [InlineData("the departure board is wrong for the 6pm sailing, please update it", "timetable-board")]
    public void ALapsedLicenceAPersonOrAListing_AskedThroughAFault_IsTheItem(string text, string item) => AssertOffered(text, item);

    [Theory]
    [InlineData("my deck tablet won't boot, need it sorted")]
    [InlineData("the chart software keeps crashing, need it sorted")]
    [InlineData("the wifi in the canteen keeps dropping")]
    [InlineData("no signal in the yard since tuesday")]
    [InlineData("satellite terminal for the night ferry keeps dropping out")]
    [InlineData("wifi on the car deck, no signal since the storm")]
    [InlineData("more and more errors on the deck tablet")]
    [InlineData("the handheld radio keeps cutting out, need it fixed")]
    [InlineData("how do i get the deck tablet working again, it keeps freezing")]
    public void TheSameWordsAboutAThingThatStoppedWorking_StayAnIncident(string text)
    {
        Assert.Equal(MeaningKind.Incident, Ferry.Read(text).Kind);
    }

    private static void AssertOffered(string text, string item)
    {
        var meaning = Ferry.Read(text);

        Assert.NotEqual(MeaningKind.Incident, meaning.Kind);
        Assert.Contains(item, meaning.Items.Select(m => m.Item.Id));
    }
}
