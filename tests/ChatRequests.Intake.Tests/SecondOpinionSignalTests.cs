using ChatRequests.Core.Understanding;
using ChatRequests.IntakeEvaluation;
using ChatRequests.ReferenceData.Catalog;

namespace ChatRequests.Intake.Tests;

/// <summary>
/// A second sentence model's agreement with the first candidate as a sign of sureness (ADR 0082, measured and not adopted):
/// read from the second model's item cosines the evaluation gives a message (<c>--second-opinion</c>). On the ferry
/// operator's catalog written for these tests (in no file of eval/intake/).
/// </summary>
public sealed class SecondOpinionSignalTests
{
    [Theory]
    [InlineData(0.8f, 0.6f, 1.0, 2.0, 2.0)]
    [InlineData(0.7f, 0.9f, 0.0, -2.0, 1.0)]
    public void TheSecondModelsCosines_SayWhetherItPutsTheFirstCandidateNearest_ByHowMuch_AndHowNear_InTenthsOfACosine(
        float firstCosine, float otherCosine, double nearest, double lead, double cosine)
    {
        var catalog = Ferry();
        var read = new LexicalInterpreter(catalog).Read("a walkie for the purser");
        var first = read.Ranked[0].Index;
        var second = new float[catalog.Items.Count];
        Array.Fill(second, 0.1f);
        second[first] = firstCosine;
        second[first == 0 ? 1 : 0] = otherCosine;
        var reading = read with { Extra = new ReadingExtras(SecondCosines: second) };
        var judged = reading.Ranked.Select(s => (s, 0.0, false)).ToList();

        Assert.Equal("deck-radio", catalog.Items[first].Id);
        Assert.Equal(nearest, SureSignals.Of(SureSignal.SecondNearest, judged, reading));
        Assert.Equal(lead, SureSignals.Of(SureSignal.SecondLead, judged, reading), 5);
        Assert.Equal(cosine, SureSignals.Of(SureSignal.SecondCosine, judged, reading), 5);
    }

    [Fact]
    public void ASecondOpinionSignal_OfAMessageNoSecondModelRead_IsRefused()
    {
        var reading = new LexicalInterpreter(Ferry()).Read("a walkie for the purser");
        var judged = reading.Ranked.Select(s => (s, 0.0, false)).ToList();

        Assert.Null(ReadingExtras.Of(reading).SecondCosines);
        Assert.Throws<InvalidOperationException>(() => SureSignals.Of(SureSignal.SecondLead, judged, reading));
    }

    private static JsonFileCatalog Ferry() => TestCatalogs.Read(Path.Combine(AppContext.BaseDirectory, "Catalogs", "ferry.json"));
}
