using ChatRequests.Core.Understanding;
using ChatRequests.IntakeEvaluation;

namespace ChatRequests.Intake.Tests;

/// <summary>What the calibration is fitted on with <c>--fit-on</c> and in <c>--loco-all</c> (ADR 0079).</summary>
public sealed class FitOnMoreTests
{
    private static readonly ReadUtterance[] Reads =
    [
        Read("airline", LabelledSet.Tuning, "samples/airline/catalog.json"),
        Read("engine13-lawfirm", LabelledSet.Development, "samples/lawfirm/catalog.json"),
        Read("engine13-check-bank", LabelledSet.Development, "samples/bank/catalog.json"),
        Read("engine19-sample", LabelledSet.Development, "samples/catalog.json"),
    ];

    [Fact]
    public void FittedOnTheTuningPart_TakesNoDevelopmentSentence()
    {
        var training = FitOnMore.Training(Reads, FitOn.Tuning);

        Assert.Equal(["airline"], training.Select(r => r.Set.Name));
    }

    [Fact]
    public void FittedOnTuningAndDevelopment_LeavesTheCheckFilesUntouched()
    {
        var training = FitOnMore.Training(Reads, FitOn.TuningAndDev);

        Assert.Equal(["airline", "engine13-lawfirm", "engine19-sample"], training.Select(r => r.Set.Name));
    }

    [Fact]
    public void AFoldLeavesOutACatalog_ByItsFolder_WhicheverPartItsSentencesAreIn()
    {
        Assert.Equal(["airline", "lawfirm", "bank", "sample"], Reads.Select(FitOnMore.CatalogOf));
    }

    [Theory]
    [InlineData("tuning", true, "Tuning")]
    [InlineData("tuning+dev", true, "TuningAndDev")]
    [InlineData("heldout", false, "Tuning")]
    [InlineData("all", false, "Tuning")]
    public void TheOption_NamesOnlyTheTuningPartAndTheDevelopmentSets(string text, bool known, string expected)
    {
        Assert.Equal(known, FitOnMore.TryParse(text, out var fitOn));
        Assert.Equal(expected, fitOn.ToString());
    }

    private static ReadUtterance Read(string name, string part, string catalog) =>
        new(new LabelledSet(name, part, catalog, []), new Utterance("a sentence", "none", null), Reading.Final(new Meaning { Kind = MeaningKind.Unknown }), SenseCalibration.Fitted);
}
