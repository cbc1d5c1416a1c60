using ChatRequests.Core.Understanding;
using ChatRequests.ReferenceData.Catalog;

namespace ChatRequests.Intake.Tests;

/// <summary>
/// The sentence-led decision's sureness as refitted on the current ranking (ADR 0065), on a ferry operator's catalog
/// written for these tests (in no file of eval/intake/): asks in other words whose first candidate is right are forms
/// where the calibration stored before held them back as a choice or a question, and asks for a thing the catalog lacks
/// stay without one.
/// </summary>
public sealed class RefittedSurenessTests
{
    [Theory]
    [InlineData("internet in the crew areas is needed on the Star", "onboard-wifi")]
    [InlineData("need to see the crew rotations", "crew-roster-access")]
    [InlineData("a desk phone for reception", null)]
    [InlineData("better passenger wifi in the lounge", null)]
    [InlineData("a laptop bag for the purser", null)]
    [InlineData("a printer for the terminal office", null)]
    [InlineData("a tablet for the chief engineer", null)]
    public void TheFormGiven_IsTheRightFirstCandidatesWhenSureEnough_AndNoneForAThingTheCatalogLacks(string message, string? form)
    {
        var meaning = SlimEncoderOnce.Prepared(Ferry()).Interpret(message);

        Assert.Equal(form, meaning.Kind == MeaningKind.Item ? meaning.Items[0].Item.Id : null);
    }

    private static JsonFileCatalog Ferry() => TestCatalogs.Read(Path.Combine(AppContext.BaseDirectory, "Catalogs", "ferry.json"));
}
