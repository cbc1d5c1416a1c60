using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.MiniCatalog;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>
/// A pronoun for the thing asked ("a wireless one instead", "a new one") is no other thing: it does not hold back the
/// item's form. Another noun asked for still does (ADR 0100).
/// </summary>
public class PronounForTheThingTests
{
    // A ferry line's catalog, none of the evaluation's.
    private static readonly MiniCatalog Ferry = new(
        Item("bridge-headset", "Bridge radio headset", description: "A headset for the bridge radio.", keywords: ["headset"]),
        Item("leaver", "Crew member leaving", category: "People", description: "Close the accounts of crew who leave or resign.", keywords: ["leaver", "leaving", "resigned", "retires"]),
        Item("laptop", "Standard laptop", keywords: ["laptop", "notebook"]));

    [Theory]
    [InlineData("the cable of my headset is frayed, can I get a wireless one instead")]
    [InlineData("my headset is too quiet, could I get a new one please")]
    public void PronounForTheItemAsked_IsItsForm(string text)
    {
        var meaning = Ferry.Read(text);

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal("bridge-headset", meaning.Items[0].Item.Id);
    }

    [Theory]
    [InlineData("could I get a webcam, the microphone on my headset is useless")]
    public void AnotherNounAsked_StillNoForm(string text)
    {
        Assert.NotEqual(MeaningKind.Item, Ferry.Read(text).Kind);
    }
}
