using ChatRequests.Core.Understanding;
using ChatRequests.IntakeEvaluation;
using ChatRequests.ReferenceData.Catalog;

namespace ChatRequests.Intake.Tests;

/// <summary>
/// The message read word by word against the items (late interaction, ADR 0086, measured in the evaluation only): which
/// tokens count, each item's MaxSim score, and the sureness signals read from it. Hand-made vectors, and the real slim
/// encoder for a thing named among chatter. ("the telly in the day room has no picture" puts Projector before Television:
/// "picture" meets the projector; ADR 0086.)
/// </summary>
public sealed class LateInteractionTests
{
    [Fact]
    public void Content_LeavesOutClsSepPunctuationAndStopWords_WithTheirPieces()
    {
        string[] tokens = ["[CLS]", "the", "tel", "##ly", "is", "broken", ".", "[SEP]"];
        var vectors = tokens.Select((_, i) => Unit(i)).ToArray();

        var content = LateIndex.Content(tokens, vectors);

        Assert.Equal([vectors[2], vectors[3], vectors[5]], content);
    }

    [Fact]
    public void Read_ScoresAnItemByTheMeanOfEachMessageTokensBestCosineWithItsTokens()
    {
        var index = new LateIndex([[Unit(0), Unit(1)], [Unit(2)]]);
        float[][] message = [Unit(0), Mix(1, 2)];

        var late = index.Read(message);

        Assert.Equal((1 + MathF.Sqrt(0.5f)) / 2, late.Scores[0], 5);
        Assert.Equal(MathF.Sqrt(0.5f) / 2, late.Scores[1], 5);
        Assert.Equal(late.Scores[0] - late.Scores[1], late.Lead(0), 5);
    }

    [Fact]
    public void Explained_CountsTheTokensOnlyThisItemExplains_OfAllTheMessagesContentTokens()
    {
        var late = new LateReading([0.8f, 0.5f], [[0.9f, 0.2f], [0.75f, 0.72f], [0.1f, 0.3f], [0.2f, 0.95f]]);

        Assert.Equal(0.25, late.Explained(0), 5);
        Assert.Equal(0.25, late.Explained(1), 5);
        Assert.Equal(0.5, late.Explained(0, at: 0.73f), 5);
    }

    [Fact]
    public void LateSignals_ReadTheFirstCandidatesLeadInTenths_WhetherNearest_AndWhatItAloneExplains()
    {
        var catalog = Ferry();
        var read = new LexicalInterpreter(catalog).Read("a walkie for the purser");
        var first = read.Ranked[0].Index;
        var scores = new float[catalog.Items.Count];
        Array.Fill(scores, 0.3f);
        scores[first] = 0.7f;
        scores[first == 0 ? 1 : 0] = 0.5f;
        var best = new float[catalog.Items.Count];
        best[first] = 0.9f;
        var reading = read with { Extra = new ReadingExtras(Late: new LateReading(scores, [best, new float[catalog.Items.Count]])) };
        var judged = reading.Ranked.Select(s => (s, 0.0, false)).ToList();

        Assert.Equal(2.0, SureSignals.Of(SureSignal.LateLead, judged, reading), 4);
        Assert.Equal(1.0, SureSignals.Of(SureSignal.LateNearest, judged, reading));
        Assert.Equal(0.5, SureSignals.Of(SureSignal.LateExplained, judged, reading), 5);
    }

    [Fact]
    public void ALateSignal_OfAMessageNotReadWordByWord_IsRefused()
    {
        var reading = new LexicalInterpreter(Ferry()).Read("a walkie for the purser");
        var judged = reading.Ranked.Select(s => (s, 0.0, false)).ToList();

        Assert.Throws<InvalidOperationException>(() => SureSignals.Of(SureSignal.LateLead, judged, reading));
    }

    [Fact]
    public void WithTheSlimEncoder_TheOneThingNamedAmongChatter_IsNearest()
    {
        string[] items = ["Television", "Desk phone", "Projector", "Printer"];
        var index = new LateIndex([.. items.Select(t => Content(SlimEncoderOnce.Model.EncodeTokens(t)))]);

        var late = index.Read(Content(SlimEncoderOnce.Model.EncodeQueryTokens(
            "hi all, hope the week is going ok and the move went well, the projector in meeting room two needs replacing, thanks so much")));

        Assert.Equal(2, Array.IndexOf(late.Scores, late.Scores.Max()));
    }

    private static float[][] Content(SentenceEncoding.TokenVectors read) => LateIndex.Content(read.Tokens, read.Vectors);

    private static float[] Unit(int axis)
    {
        var v = new float[8];
        v[axis] = 1;
        return v;
    }

    private static float[] Mix(int a, int b)
    {
        var v = new float[8];
        (v[a], v[b]) = (MathF.Sqrt(0.5f), MathF.Sqrt(0.5f));
        return v;
    }

    private static JsonFileCatalog Ferry() => TestCatalogs.Read(Path.Combine(AppContext.BaseDirectory, "Catalogs", "ferry.json"));
}
