using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.TheatreCatalog;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>
/// A request made through what broke (ADR 0088), on a catalog the rules were not written for (a theatre company's): the
/// fault says why, the words ask for a thing, an access or a change; and the fault reports beside them that want the
/// thing working again stay fault reports.
/// </summary>
public class RequestThroughAFaultTests
{
    [Theory]
    [InlineData("qlab won't open, says my licence expired last week, need it renewed", "show-control")]
    [InlineData("the laptop fell off the stage and won't turn on, need the laptop replaced", "laptop")]
    [InlineData("the box office stopped working for me when I changed team, need it set up again", "box-office")]
    public void AThingAskedToBeDone_ThroughAFault_IsTheThing(string text, string item) => AssertOffered(text, item);

    [Theory]
    [InlineData("the box office won't let me run reports anymore, need manager access", "box-office")]
    [InlineData("can't see the waiting list since I moved to front of house, need editor rights back", "waiting-list")]
    [InlineData("the purchase order system kicked me out saying no role, approver access please", "purchase-orders")]
    [InlineData("my qlab seat was taken away while I was on leave, can I have it back", "show-control")]
    public void AnAccessAskedFor_ThroughAFault_IsTheAccess(string text, string item) => AssertOffered(text, item);

    [Theory]
    [InlineData("the box office account got deleted by mistake, can you set me up again", "box-office")]
    [InlineData("I dropped off the crew mailing list after the update, could you add me back", "mailing-list")]
    [InlineData("the waiting list won't load for me, need supervisor on it", "waiting-list")]
    public void AnAskOfSomeone_ThroughAFault_IsTheThing(string text, string item) => AssertOffered(text, item);

    [Theory]
    [InlineData("the box office stopped working this morning, need it fixed before the matinee")]
    [InlineData("qlab keeps crashing, need it working again for tonight")]
    [InlineData("the wifi in the foyer keeps dropping, need my internet back")]
    [InlineData("the bar till won't turn on, can you look at it")]
    [InlineData("the ticket scanner stopped working, need someone to come and check it")]
    [InlineData("the mixer keeps cutting out, need help asap")]
    [InlineData("the bar till keeps freezing, can you send someone over")]
    [InlineData("the door scanner is dead, could you send an engineer")]
    [InlineData("my laptop won't boot and I need my laptop for the read-through")]
    [InlineData("qlab keeps crashing, need qlab for the tech run at 2")]
    [InlineData("the box office is down, we need tickets printed for the door")]
    [InlineData("box office keeps logging me out, need access urgently for the matinee")]
    [InlineData("the bar till froze again, need it back up before the interval")]
    [InlineData("the ticket scanner won't connect, need wifi at the door")]
    public void AFaultWantedWorkingAgain_StaysAnIncident(string text)
    {
        Assert.Equal(MeaningKind.Incident, Theatre.Read(text).Kind);
    }

    private static void AssertOffered(string text, string item)
    {
        var meaning = Theatre.Read(text);

        Assert.NotEqual(MeaningKind.Incident, meaning.Kind);
        Assert.Contains(item, meaning.Items.Select(m => m.Item.Id));
    }
}
