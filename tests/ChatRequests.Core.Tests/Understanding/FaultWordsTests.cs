using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.MiniCatalog;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>More ways people report a fault: noises, turning itself off, going silent, nobody getting something.</summary>
public class FaultWordsTests
{
    // A school's catalog, with things that make noise on purpose and things that break.
    private static readonly MiniCatalog School = new(
        Item("projector", "Classroom projector", keywords: ["projector", "beamer"]),
        Item("speakers", "Classroom speakers", keywords: ["speakers", "sound bar"]),
        Item("headphones", "Noise cancelling headphones", keywords: ["headphones", "noise cancelling"]),
        Item("radio", "Two-way radio", keywords: ["radio", "walkie talkie"]));

    [Theory]
    [InlineData("the projector in room 12 makes a rattling noise")]
    [InlineData("projector keeps making noises then switches itself off")]
    [InlineData("the classroom speakers are crackling")]
    [InlineData("projector shuts down after ten minutes")]
    [InlineData("the radios have gone silent, nobody is hearing the calls")]
    [InlineData("nothing is coming out of the speakers")]
    public void FaultReports_AreIncidents(string text)
    {
        Assert.Equal(MeaningKind.Incident, School.Read(text).Kind);
    }

    [Theory]
    [InlineData("noise cancelling headphones please", "headphones")]
    [InlineData("two more radios for the sports day", "radio")]
    public void NoiseAskedFor_IsARequest(string text, string itemId)
    {
        var meaning = School.Read(text);

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal(itemId, meaning.Items[0].Item.Id);
    }
}
