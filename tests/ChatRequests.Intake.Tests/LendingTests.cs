using ChatRequests.IntakeEvaluation;

namespace ChatRequests.Intake.Tests;

/// <summary>Other catalogs' labelled sentences lent to a like item (ADR 0083, measured): never a catalog's own.</summary>
public sealed class LendingTests
{
    private const string Sample = "samples/catalog.json";
    private const string Retail = "samples/retail/catalog.json";
    private const string Factory = "samples/factory/catalog.json";

    // One item, a laptop; each catalog has a laptop of the very same passage, and people asked for it in one sentence each.
    private static readonly float[][] Passages = [[1f, 0f]];
    private static readonly Lender[] Lenders =
    [
        new(Sample, "Standard laptop", [1f, 0f], [[0.6f, 0.8f]]),
        new(Retail, "Office laptop", [1f, 0f], [[0f, 1f]]),
        new(Factory, "Office laptop", [0.8f, 0.6f], [[0.8f, 0.6f]]),
    ];

    [Fact]
    public void Borrowed_ACatalogNeverBorrowsItsOwnSentences_EvenFromItsVeryItem()
    {
        var borrowed = new Lending(0.7f, 0f).Borrowed(Sample, Passages, Lenders, new HashSet<string>());

        Assert.DoesNotContain(borrowed[0], l => l.Catalog == Sample);
        Assert.Equal([Retail, Factory], borrowed[0].Select(l => l.Catalog));
    }

    [Fact]
    public void Borrowed_TheSameCatalogWrittenAnotherWay_IsStillItsOwn()
    {
        var borrowed = new Lending(0.7f, 0f).Borrowed("./samples\\Catalog.json", Passages, Lenders, new HashSet<string>());

        Assert.DoesNotContain(borrowed[0], l => l.Catalog == Sample);
    }

    [Fact]
    public void Borrowed_ACatalogLeftOut_LendsToNoOne()
    {
        // Leave-one-catalog-out: the fold's catalog (here retail) lends neither to itself nor to the catalogs fitted on.
        var borrowed = new Lending(0.7f, 0f).Borrowed(Sample, Passages, Lenders, new HashSet<string> { Retail });

        Assert.Equal([Factory], borrowed[0].Select(l => l.Catalog));
    }

    [Fact]
    public void Borrowed_AnItemLessLikeThanTheBar_LendsNothing()
    {
        var borrowed = new Lending(0.9f, 0f).Borrowed(Sample, Passages, Lenders, new HashSet<string>());

        Assert.Equal([Retail], borrowed[0].Select(l => l.Catalog));
    }

    [Theory]
    [InlineData("Handheld radio", "radio")]
    [InlineData("Till (point-of-sale terminal)", "till")]
    [InlineData("Scanner batteries and chargers", "charger")]
    [InlineData("Leaver: remove access", "access")]
    [InlineData("Wi-Fi coverage for an area", "area")]
    public void Head_IsTheThingTheNameEndsIn(string name, string head) => Assert.Equal(head, Lending.Head(name));

    [Fact]
    public void Borrowed_WithTheSameHead_OnlyALenderWhoseNameEndsInTheSameThingLends()
    {
        var borrowed = new Lending(0.7f, 0f, SameHead: true).Borrowed(Retail, Passages, Lenders, new HashSet<string>(), ["Laptop"]);

        Assert.Equal(["Standard laptop", "Office laptop"], borrowed[0].Select(l => l.Name));
    }

    [Theory]
    [InlineData(0.2f, 0.9f)] // a lent sentence nearer the message brings the item near, less the step
    [InlineData(0.95f, 0.95f)] // nothing lent nearer: the item's own cosine stands
    public void Cosines_AreTheBestOfTheItemsOwnAndItsLentSentencesLessTheStep(float own, float expected)
    {
        var lending = new Lending(0.7f, 0.1f);
        var borrowed = lending.Borrowed(Sample, Passages, Lenders, new HashSet<string>());

        var cosines = lending.Cosines([0f, 1f], [own], borrowed);

        Assert.Equal(expected, cosines[0], 5);
    }

    [Fact]
    public void Lenders_OfTheTuningPart_LendTheSampleOnlyOtherCatalogsSentences()
    {
        var root = Evaluation.FindRoot();
        var lexical = Evaluation.Lexical(root);
        var tuning = LabelledSet.Load(root, LabelledSet.Tuning).Where(s => s.Name is "sample" or "retail").ToList();
        var lenders = Lending.Lenders(tuning, lexical, SlimEncoderOnce.Model);
        var items = lexical.LoadCatalog(Sample).Items;

        var borrowed = new Lending(0.7f, 0f).Borrowed(Sample, Lending.Passages(items, SlimEncoderOnce.Model), lenders, new HashSet<string>());

        Assert.Contains(lenders, l => l.Catalog == Sample);
        Assert.All(borrowed.SelectMany(b => b), l => Assert.Equal(Retail, l.Catalog));
        Assert.Contains(borrowed[items.ToList().FindIndex(i => i.Name == "Monitor")], l => l.Name == "Monitor");
    }
}
