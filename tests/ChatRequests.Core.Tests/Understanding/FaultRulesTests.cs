using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.TheatreCatalog;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>
/// How faults are told without the usual fault words, on a catalog the rules were not written for (a theatre
/// company's): what a device says or shows, since when, down, timing out; and the asks that only look like faults.
/// </summary>
public class FaultRulesTests
{
    [Theory]
    [InlineData("the ticket scanner says invalid for every ticket")]
    [InlineData("the bar till says no line")]
    [InlineData("the lighting desk shows the wrong cue list")]
    [InlineData("booking site shows 502 for everyone")]
    [InlineData("qlab tells me my session ended every 2 minutes")]
    [InlineData("the printer prints everything upside down")]
    public void WhatADeviceSaysOrShows_WhenItFails_IsAnIncident(string text)
    {
        AssertIncident(text);
    }

    [Theory]
    [InlineData("the box office system has been like this since the update")]
    [InlineData("no tickets have come through on the website since 9am")]
    [InlineData("box office down at the Lyric since lunch")]
    [InlineData("the door counter hasn't sent anything since friday")]
    public void AStateSinceATime_OrDown_IsAnIncident(string text)
    {
        AssertIncident(text);
    }

    [Theory]
    [InlineData("the bar till keeps timing out")]
    [InlineData("radio mic audio is choppy")]
    [InlineData("the mixer fan is super loud and it's burning hot")]
    [InlineData("pages take forever to load on the box office")]
    [InlineData("the projector goes off by itself")]
    [InlineData("the lighting desk won't accept my password")]
    [InlineData("the archive share won't mount on my mac")]
    [InlineData("the mixer has a dead channel")]
    [InlineData("the bar till battery dies after an hour")]
    [InlineData("the box office report is empty this morning")]
    [InlineData("nothing happens when I press print")]
    [InlineData("my tablet won't sync the new rota")]
    [InlineData("I get a licence error when I open the show control software")]
    [InlineData("the ticket scanner shows a spinning wheel instead of the seat map since the upgrade")]
    [InlineData("can't log in to purchase orders, error says service unavailable")]
    [InlineData("the tills still can't connect after the outage")]
    [InlineData("the bar till is declining every card")]
    [InlineData("the mixer makes strange sounds")]
    [InlineData("the shared folder is gone")]
    [InlineData("the label printer prints half labels")]
    [InlineData("wifi is terrible in the foyer")]
    [InlineData("my laptop screen has lines on it")]
    public void FaultsInEverydayWords_AreIncidents(string text)
    {
        AssertIncident(text);
    }

    [Theory]
    [InlineData("a proper sound mixer for the studio, my laptop dies on long sessions")]
    [InlineData("a ticket scanner for the door, checking tickets by hand takes forever")]
    [InlineData("I have nothing to record interviews with, a radio mic?")]
    [InlineData("started as duty manager and I still can't open the box office")]
    [InlineData("I'm the new stage manager and need a radio mic")]
    [InlineData("can you shut down the old box office account")]
    public void AsksThatOnlyLookLikeFaults_AreNotIncidents(string text)
    {
        Assert.NotEqual(MeaningKind.Incident, Theatre.Read(text).Kind);
    }

    private static void AssertIncident(string text) => Assert.Equal(MeaningKind.Incident, Theatre.Read(text).Kind);
}
