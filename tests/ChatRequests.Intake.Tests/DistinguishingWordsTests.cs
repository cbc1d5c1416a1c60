using ChatRequests.Core.Understanding;
using ChatRequests.ReferenceData.Catalog;

namespace ChatRequests.Intake.Tests;

/// <summary>
/// The sign that the words name the first candidate itself and not its family (ADR 0076): the share of the message's terms
/// fitting it that no other item of the catalog fits, weighed by the stored sentence-led calibration. On the ferry
/// operator's catalog written for these tests (in no file of eval/intake/).
/// </summary>
public sealed class DistinguishingWordsTests
{
    [Theory]
    [InlineData("a walkie for the purser", "deck-radio", 1.0)]
    [InlineData("a computer for the office", "laptop", 0.0)]
    [InlineData("a new laptop computer for the office", "laptop", 1.0 / 3)]
    public void TheShareOfTheFirstCandidatesWords_ThatNoOtherItemHas_IsTheDistinguishingSignal(string message, string first, double share)
    {
        var catalog = Ferry();
        var reading = new LexicalInterpreter(catalog).Read(message);
        var judged = reading.Ranked.Select(s => (s, 0.0, false)).ToList();

        Assert.Equal(first, catalog.Items[judged[0].s.Index].Id);
        Assert.Equal(share, SureSignals.Of(SureSignal.Distinguishing, judged, reading), 6);
    }

    [Fact]
    public void TheStoredCalibration_WeighsTheDistinguishingShare_AndRefusesFeaturesReadWithoutIt()
    {
        var stored = MatchCalibration.FittedWithEncoder;
        var interpreter = SlimEncoderOnce.Prepared(Ferry());
        var reading = interpreter.Read("a walkie for the purser");
        var judged = SentenceLead.Judged(reading.Ranked, reading.QueryTerms, reading.Cosines!, stored);

        var features = SentenceLead.SureFeatures(judged, reading, reading.Cosines!, stored.SureSignal);
        var withoutSignal = SentenceLead.SureFeatures(judged, reading, reading.Cosines!, SureSignal.None);

        Assert.Equal(SureSignal.Distinguishing, stored.SureSignal);
        Assert.Equal(stored.SureWeights!.Count, features.Length);
        Assert.True(stored.SureWeights[^1] > 0, "A first candidate the words name by its own words is surer.");
        Assert.Equal(SureSignals.Of(SureSignal.Distinguishing, judged, reading), features[^1]);
        Assert.Throws<ArgumentException>(() => stored.Sureness(withoutSignal));
    }

    private static JsonFileCatalog Ferry() => TestCatalogs.Read(Path.Combine(AppContext.BaseDirectory, "Catalogs", "ferry.json"));
}
