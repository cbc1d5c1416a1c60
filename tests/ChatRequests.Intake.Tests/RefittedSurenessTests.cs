using ChatRequests.Core.Understanding;
using ChatRequests.ReferenceData.Catalog;

namespace ChatRequests.Intake.Tests;

/// <summary>
/// The sentence-led decision's sureness as refitted on the current ranking (ADR 0065), on a ferry operator's catalog
/// written for these tests (in no file of eval/intake/): a right first candidate the words and the meaning agree on is a
/// form where the calibration fitted before the words read descriptions held it back, and asks for a thing the catalog
/// lacks stay without one.
/// </summary>
public sealed class RefittedSurenessTests
{
    [Theory]
    [InlineData("internet in the crew areas is needed on the Star", "onboard-wifi")]
    [InlineData("need to see the crew rotations", "crew-roster-access")]
    public void AnAskInOtherWords_WhoseFirstCandidateIsSureEnough_GetsItsForm(string message, string item)
    {
        var meaning = SlimEncoderOnce.Prepared(Ferry()).Interpret(message);

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal(item, meaning.Items[0].Item.Id);
    }

    [Theory]
    [InlineData("a desk phone for reception")]
    [InlineData("better passenger wifi in the lounge")]
    [InlineData("a laptop bag for the purser")]
    [InlineData("a printer for the terminal office")]
    [InlineData("a tablet for the chief engineer")]
    public void AnAskForAThingTheCatalogLacks_StaysWithoutAForm(string message)
    {
        var meaning = SlimEncoderOnce.Prepared(Ferry()).Interpret(message);

        Assert.NotEqual(MeaningKind.Item, meaning.Kind);
    }

    private static JsonFileCatalog Ferry() => TestCatalogs.Read(Path.Combine(AppContext.BaseDirectory, "Catalogs", "ferry.json"));
}
