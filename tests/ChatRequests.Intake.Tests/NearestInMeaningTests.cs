using ChatRequests.Core.Understanding;
using ChatRequests.ReferenceData.Catalog;

namespace ChatRequests.Intake.Tests;

/// <summary>
/// Where there is no form, the items nearest in meaning are offered, not the whole catalog (ADR 0052), on a brewery's
/// catalog written for these tests (in no file of eval/intake/): a message the words rank nothing for gets the items
/// near it in meaning; a choice or question holds the item nearest in meaning; a fault report holds the item it names,
/// for "It is a request".
/// </summary>
public sealed class NearestInMeaningTests
{
    [Theory]
    [InlineData("working from my flat next week, need to get onto the network", "remote-access")]
    public void AMessageTheWordsRankNothingFor_IsOfferedTheItemsNearestInMeaning_NotTheCatalog(string message, string item)
    {
        var interpreter = SlimEncoderOnce.Prepared(Brewery());
        var reading = interpreter.Read(message);

        var meaning = interpreter.Interpret(message);

        // No candidate by the words (nothing scored a match) nor by meaning alone (nearest below 0.5): it was the catalog.
        Assert.DoesNotContain(reading.Ranked, s => s.Score >= MatchDecision.MinScore);
        Assert.InRange(reading.Cosines!.Max(), 0.35f, 0.5f);
        Assert.Contains(meaning.Kind, new[] { MeaningKind.Suggestion, MeaningKind.Choice });
        Assert.Contains(meaning.Items, m => m.Item.Id == item);
    }

    /// <summary>These two were ranked nothing by the words and reached by meaning alone; their items' descriptions say "bar" and "screens" (ADR 0056).</summary>
    [Theory]
    [InlineData("the bar downstairs needs another place to ring up pints", "taproom-till")]
    [InlineData("someone to let me into the fermenter screens please", "brewhouse-login")]
    public void AMessageInTheWordsOfAnItemsDescription_IsRankedByTheWords(string message, string item)
    {
        var catalog = Brewery();
        var interpreter = SlimEncoderOnce.Prepared(catalog);

        var reading = interpreter.Read(message);

        Assert.Equal(item, catalog.Items[reading.Ranked[0].Index].Id);
        Assert.True(reading.Ranked[0].Score >= MatchDecision.MinScore);
        Assert.Contains(interpreter.Interpret(message).Items, m => m.Item.Id == item);
    }

    [Fact]
    public void AMessageNearNothing_StillGetsTheCatalog()
    {
        var meaning = SlimEncoderOnce.Prepared(Brewery()).Interpret("can you water the plants in reception while I'm away");

        Assert.Equal(MeaningKind.Unknown, meaning.Kind);
        Assert.Empty(meaning.Items);
    }

    [Fact]
    public void ANoFormDecision_AlsoOffersTheItemsNearestInMeaning_ItsCandidatesLacked()
    {
        // "somewhere for the brewers and the lab to share the batch results" was this test's message until the words read
        // the items' descriptions (ADR 0056): "lab" and "batch" are the lab software's, now a form.
        const string message = "a way for the cellar and the lab to swap notes on each brew";
        var catalog = Brewery();
        var interpreter = SlimEncoderOnce.Prepared(catalog);
        var reading = interpreter.Read(message);
        var byTheWords = reading.Ranked.Where(r => r.Score >= MatchDecision.MinScore).Select(r => catalog.Items[r.Index].Id).ToList();
        var cosines = reading.Cosines!;
        var nearest = Enumerable.Range(0, cosines.Length).OrderByDescending(i => cosines[i]).Take(2).Select(i => catalog.Items[i].Id).ToList();

        var meaning = interpreter.Interpret(message);

        // The words weigh the lab software first; the keg scanner (the cellar's) is among the nearest in meaning only.
        Assert.Equal("lab-software", byTheWords[0]);
        Assert.Contains("keg-scanner", nearest);
        Assert.DoesNotContain("keg-scanner", byTheWords);
        Assert.Equal(MeaningKind.Choice, meaning.Kind);
        Assert.Equal("lab-software", meaning.Items[0].Item.Id);
        Assert.Contains(meaning.Items, m => m.Item.Id == "keg-scanner");
        Assert.InRange(meaning.Items.Count, 2, MatchDecision.MaxChoices);
    }

    [Theory]
    [InlineData("the label printer keeps jamming", "label-printer")]
    [InlineData("the keg scanner is broken again", "keg-scanner")]
    public void AFaultReportNamingAnItem_IsAnIncident_HoldingThatItem_WithAndWithoutTheEncoder(string message, string item)
    {
        var catalog = Brewery();

        foreach (var meaning in new[] { new LexicalInterpreter(catalog).Interpret(message), SlimEncoderOnce.Prepared(catalog).Interpret(message) })
        {
            Assert.Equal(MeaningKind.Incident, meaning.Kind);
            Assert.Equal(item, Assert.Single(meaning.Items).Item.Id);
        }
    }

    /// <summary>A brewery's IT catalog, written for these tests: scanners and printers of its trade, its brewhouse and lab systems, a till.</summary>
    private static JsonFileCatalog Brewery() => TestCatalogs.Read(Path.Combine(AppContext.BaseDirectory, "Catalogs", "brewery.json"));
}
