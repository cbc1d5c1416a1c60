using ChatRequests.Core.Understanding;
using ChatRequests.IntakeEvaluation;
using ChatRequests.ReferenceData.Catalog;

namespace ChatRequests.Intake.Tests;

/// <summary>
/// The sign that the words name the first candidate itself and not its family (ADR 0076): the share of the message's terms
/// fitting it that no other item of the catalog fits, weighed by a sentence-led calibration fitted with it (not the stored one). On the ferry
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
    public void ACalibrationWithTheSignal_WeighsTheDistinguishingShare_AndRefusesFeaturesReadWithoutIt()
    {
        // The stored calibration does not weigh the signal (ADR 0076: measured on the held-out part and not stored); a
        // calibration fitted with it (--sure-signal Distinguishing) ends its sureness weights with the signal's weight.
        var stored = MatchCalibration.FittedWithEncoder;
        var withSignal = stored with { SureWeights = [.. stored.SureWeights!, 0.4], SureExtra = SureExtra.Of(SureSignal.Distinguishing, null) };
        var interpreter = SlimEncoderOnce.Prepared(Ferry());
        var reading = interpreter.Read("a walkie for the purser");
        var judged = SentenceLead.Judged(reading.Ranked, reading.QueryTerms, reading.Cosines!, withSignal);

        var features = SentenceLead.SureFeatures(judged, reading, reading.Cosines!, withSignal.SureExtra);
        var withoutSignal = SentenceLead.SureFeatures(judged, reading, reading.Cosines!, null);

        Assert.Null(stored.SureExtra);
        Assert.Equal(withSignal.SureWeights!.Count, features.Length);
        Assert.Equal(SureSignals.Of(SureSignal.Distinguishing, judged, reading), features[^1]);
        Assert.True(withSignal.Sureness(features) > stored.Sureness(withoutSignal), "A first candidate the words name by its own words is surer where the signal is weighed.");
        Assert.Throws<ArgumentException>(() => withSignal.Sureness(withoutSignal));
        Assert.Throws<ArgumentException>(() => stored.Sureness(features));
    }

    private static JsonFileCatalog Ferry() => TestCatalogs.Read(Path.Combine(AppContext.BaseDirectory, "Catalogs", "ferry.json"));
}
