using ChatRequests.Core.Understanding;
using ChatRequests.IntakeEvaluation;
using ChatRequests.ReferenceData.Catalog;

namespace ChatRequests.Intake.Tests;

/// <summary>
/// The catalog's shape as the encoder reads it, as a sign of sureness (ADR 0084, measured and not adopted): item-item
/// cosines (the best of any two of their texts) and the centroid, from hand-made unit vectors; the signals on the ferry
/// operator's catalog written for these tests (in no file of eval/intake/).
/// </summary>
public sealed class CatalogShapeTests
{
    // Three items in three dimensions: a and b near twins (cosine 0.8 by b's second text), c apart from both.
    private static readonly float[][][] ThreeItems =
    [
        [[1, 0, 0]],
        [[0, 1, 0], [0.8f, 0.6f, 0]],
        [[0, 0, 1]],
    ];

    [Fact]
    public void AnItemsIsolation_IsItsCosineWithItsNearestSibling_ByTheirNearestTexts()
    {
        var shape = CatalogShape.Of(ThreeItems);

        Assert.Equal(0.8f, shape.Isolation[0], 5);
        Assert.Equal(0.8f, shape.Isolation[1], 5);
        Assert.Equal(0f, shape.Isolation[2], 5);
        Assert.Equal(1.6 / 3, shape.Density, 5);
        Assert.Equal(shape.Between(0, 1), shape.Between(1, 0));
        Assert.Equal(0f, shape.Between(2, 0), 5);
    }

    [Fact]
    public void SiblingsNearer_CountsTheItemsSiblingsNearerItThanTheMessageIs()
    {
        var shape = CatalogShape.Of(ThreeItems);

        Assert.Equal(1, shape.SiblingsNearer(0, 0.5f));
        Assert.Equal(0, shape.SiblingsNearer(0, 0.9f));
        Assert.Equal(0, shape.SiblingsNearer(2, 0.1f));
    }

    [Fact]
    public void TheCentroid_CountsEveryItemOnce_HoweverManyTextsItHas()
    {
        var shape = CatalogShape.Of(ThreeItems);
        // Item means: (1,0,0), (0.4,0.8,0), (0,0,1); their sum (1.4,0.8,1) normalised.
        var norm = MathF.Sqrt((1.4f * 1.4f) + (0.8f * 0.8f) + 1);

        Assert.Equal(1.4f / norm, shape.CentroidCosine([1, 0, 0]), 5);
        Assert.Equal(1f / norm, shape.CentroidCosine([0, 0, 1]), 5);
    }

    [Fact]
    public void TheShapeSignals_ReadTheFirstCandidateAgainstItsSiblings_InTenthsOfACosine()
    {
        var catalog = Ferry();
        var read = new LexicalInterpreter(catalog).Read("a walkie for the purser");
        var first = read.Ranked[0].Index;
        var n = catalog.Items.Count;
        // Each item its own axis; the first candidate's twin (the item after it) at cosine 0.8 with it.
        var twin = (first + 1) % n;
        var vectors = Enumerable.Range(0, n).Select(i => new[] { Axis(n, i) }).ToArray();
        vectors[twin] = [Axis(n, twin), Mixed(n, first, twin)];
        var cosines = new float[n];
        cosines[first] = 0.7f;
        cosines[twin] = 0.6f;
        var reading = read with { Cosines = cosines, Extra = new ReadingExtras(Shape: new ShapeReading(CatalogShape.Of(vectors), 0.45f)) };
        var judged = reading.Ranked.Select(s => (s, 0.0, false)).ToList();

        Assert.Equal("deck-radio", catalog.Items[first].Id);
        Assert.Equal(2.0, SureSignals.Of(SureSignal.Isolation, judged, reading), 4);
        Assert.Equal(-1.0, SureSignals.Of(SureSignal.SiblingLead, judged, reading), 4);
        Assert.Equal(Math.Log(2), SureSignals.Of(SureSignal.SiblingRank, judged, reading), 4);
        Assert.Equal(2.0, SureSignals.Of(SureSignal.PairCosine, judged, reading), 4);
        Assert.Equal(0.5, SureSignals.Of(SureSignal.CentroidCosine, judged, reading), 4);
    }

    [Fact]
    public void AShapeSignal_OfAMessageReadWithoutTheCatalogsShape_IsRefused()
    {
        var read = new LexicalInterpreter(Ferry()).Read("a walkie for the purser");
        var reading = read with { Cosines = new float[Ferry().Items.Count] };
        var judged = reading.Ranked.Select(s => (s, 0.0, false)).ToList();

        Assert.Null(ReadingExtras.Of(reading).Shape);
        Assert.Throws<InvalidOperationException>(() => SureSignals.Of(SureSignal.SiblingLead, judged, reading));
    }

    private static float[] Axis(int n, int i)
    {
        var v = new float[n];
        v[i] = 1;
        return v;
    }

    private static float[] Mixed(int n, int toward, int own)
    {
        var v = new float[n];
        (v[toward], v[own]) = (0.8f, 0.6f);
        return v;
    }

    private static JsonFileCatalog Ferry() => TestCatalogs.Read(Path.Combine(AppContext.BaseDirectory, "Catalogs", "ferry.json"));
}
