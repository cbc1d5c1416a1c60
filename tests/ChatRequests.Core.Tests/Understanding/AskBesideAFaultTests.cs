using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.TheatreCatalog;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>
/// A thing asked for beside the fault that is why it is wanted (ADR 0053), on a catalog the rules were not written for
/// (a theatre company's): the ask is read, not the fault; and the faults whose asking words want it put right, not a thing.
/// </summary>
public class AskBesideAFaultTests
{
    [Theory]
    [InlineData("the radio mics keep cutting out in act two, we need an extra one for the understudy", "radio-mic")]
    [InlineData("could we have 2 more ticket scanners for the door, the queue takes forever", "ticket-scanner")]
    [InlineData("I'd like a laptop of my own, the shared one is awful", "laptop")]
    [InlineData("patrons keep asking for a till in the foyer bar, can we get one", "bar-till")]
    [InlineData("the sound mixer must be replaced, it's making a grinding noise", "mixer")]
    [InlineData("can you send me a ticket scanner for the studio door, the old one is dead", "ticket-scanner")]
    public void AThingAskedFor_BesideAFault_IsTheThing(string text, string item) => AssertOffered(text, item);

    [Theory]
    [InlineData("I need to be able to issue refunds on the box office system", "box-office")]
    [InlineData("the stage manager starts monday and will use the standard issue laptop", "laptop")]
    [InlineData("I'm acting up as head of sound next month and will need the sound mixer", "mixer")]
    public void IssueAsAVerb_OrActingUpAsARole_IsNoFault(string text, string item) => AssertOffered(text, item);

    [Theory]
    [InlineData("can I get some help, the bar till keeps freezing")]
    [InlineData("could we get the mixer fixed, it's making a weird noise")]
    [InlineData("I'd like to report that the box office is down")]
    [InlineData("we need an engineer, the ticket scanner won't turn on")]
    [InlineData("can you get me back into the box office, it keeps logging me out")]
    [InlineData("could we have a look at why qlab keeps crashing")]
    [InlineData("the understudies keep asking why the radio mic cuts out")]
    [InlineData("can we get qlab working again, it crashed during the show")]
    [InlineData("there's an issue with the bar till")]
    [InlineData("the sound mixer is acting up again")]
    [InlineData("need one of you to come and look at the mixer, it keeps cutting out")]
    public void AFaultToBePutRight_StaysAnIncident(string text)
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
