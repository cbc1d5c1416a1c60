using ChatRequests.Core.Understanding;
using ChatRequests.IntakeEvaluation;

namespace ChatRequests.Intake.Tests;

/// <summary>The evaluation's learned adapter of the message's vector (ADR 0081, measured and not taken).</summary>
public sealed class QueryAdapterTests
{
    // Item 0's one text is axis 0, item 1's axis 1. People ask for item 0 in words along axis 2 with a little of axis 1,
    // so by the plain cosine item 1 is nearer; they ask for item 1 along axis 1.
    private static readonly float[][][] Texts = [[[1f, 0f, 0f, 0f]], [[0f, 1f, 0f, 0f]]];

    private static float[] AskingForItem0(float noise) => Vectors.Normalised([0f, 0.3f, 0.9f, noise]);

    private static float[] AskingForItem1(float noise) => Vectors.Normalised([0f, 0.9f, 0.1f, noise]);

    private static List<AdapterPair> Pairs() =>
    [
        .. Enumerable.Range(0, 10).SelectMany(k => new[]
        {
            new AdapterPair(AskingForItem0(0.05f * k), Texts, 0),
            new AdapterPair(AskingForItem1(0.05f * k), Texts, 1),
        }),
    ];

    [Fact]
    public void Fitted_PutsTheItemAskedForNearest_WhereThePlainCosinePutsAnotherFirst()
    {
        var unseen = AskingForItem0(0.12f);
        var plain = AdapterProbe.Cosines(unseen, Texts, adapter: null);

        var adapted = AdapterProbe.Cosines(unseen, Texts, QueryAdapter.Fit(Pairs(), new AdapterShape(Rank: 2, Penalty: 0.001f)));

        Assert.True(plain[1] > plain[0]);
        Assert.True(adapted[0] > adapted[1]);
        Assert.True(AdapterProbe.Cosines(AskingForItem1(0.12f), Texts, QueryAdapter.Fit(Pairs(), new AdapterShape(2, 0.001f))) is [var a, var b] && b > a);
    }

    [Fact]
    public void Fit_IsRepeatable_AndItsMessagesStayOfLengthOne()
    {
        var shape = new AdapterShape(Rank: 2, Penalty: 0.01f, Epochs: 20);
        var first = QueryAdapter.Fit(Pairs(), shape).Apply(AskingForItem0(0.3f));
        var second = QueryAdapter.Fit(Pairs(), shape).Apply(AskingForItem0(0.3f));

        Assert.Equal(first, second);
        Assert.Equal(1f, Vectors.Dot(first, first), 4);
    }
}
