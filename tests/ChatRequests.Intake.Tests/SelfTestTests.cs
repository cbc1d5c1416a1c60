using ChatRequests.IntakeEvaluation;

namespace ChatRequests.Intake.Tests;

/// <summary>A catalog's self-test from its own texts, and its cosines put on a common scale by it (ADR 0087, measured).</summary>
public sealed class SelfTestTests
{
    // Unit vectors in the plane at an angle: the cosine of two is the cosine of the angle between them.
    private static float[] At(double degrees) => [(float)Math.Cos(degrees * Math.PI / 180), (float)Math.Sin(degrees * Math.PI / 180)];

    private static float Cos(double degrees) => (float)Math.Cos(degrees * Math.PI / 180);

    [Fact]
    public void Of_ATextIsReadWithoutItself_ItsItemByItsOtherTexts()
    {
        // Item 0's two texts 60 degrees apart, item 1's one text 20 degrees from item 0's second: asked, that text finds
        // item 1 nearer than its own item's other text, an error; the first text finds its own item first.
        float[][][] items = [[At(0), At(60)], [At(80)]];

        var test = SelfTest.Of(items, [At(180)]);

        Assert.Equal(2, test.Asked);
        Assert.Equal(0.5, test.Error, 6);
        Assert.Equal(Cos(60), test.Right, 5);
        Assert.Equal(((Cos(60) - Cos(80)) + (Cos(60) - Cos(20))) / 2, test.Lead, 5);
    }

    [Fact]
    public void Of_AnItemOfOneText_AsksNothingButIsAskedAgainst()
    {
        float[][][] items = [[At(0)], [At(30), At(90)]];

        var test = SelfTest.Of(items, [At(45)]);

        // Item 1's first text is nearer item 0 (30 degrees) than its own other text (60): an error; its second is not (90 against 60).
        Assert.Equal(2, test.Asked);
        Assert.Equal(0.5, test.Error, 6);
        Assert.Equal(Cos(60), test.Right, 5);
        Assert.Equal(Cos(15), test.None, 5);
    }

    [Fact]
    public void Of_FramedNames_AreReadWithoutTheItemsPassage()
    {
        // Item 0's passage is its framed name itself; only its keyword (50 degrees off) may answer for it, and item 1's passage
        // (30 degrees) is nearer; item 1's framed name is 80 degrees from its keyword and 60 from item 0's passage.
        float[][][] items = [[At(0), At(50)], [At(-30), At(-140)]];

        var test = SelfTest.Of(items, [At(180)], framed: [At(0), At(-60)]);

        Assert.Equal(2, test.Asked);
        Assert.Equal((Cos(50) + Cos(80)) / 2, test.Right, 5);
        Assert.Equal(1.0, test.Error, 6);
    }

    [Fact]
    public void Mapped_Affine_PutsTheCatalogsRightAndNoneOnTheReferences()
    {
        var catalog = new SelfTest(Right: 0.8, None: 0.4, Error: 0, Lead: 0, Asked: 1);
        var reference = new SelfTest(Right: 0.6, None: 0.3, Error: 0, Lead: 0, Asked: 1);

        var mapped = catalog.Mapped([0.8f, 0.4f, 0.6f], reference, SelfScale.Affine);

        Assert.Equal([0.6, 0.3, 0.45], mapped.Select(c => Math.Round(c, 5)));
    }

    [Fact]
    public void Mapped_Shift_MovesEveryCosineByTheNoneDifferenceAlone()
    {
        var catalog = new SelfTest(Right: 0.8, None: 0.4, Error: 0, Lead: 0, Asked: 1);
        var reference = new SelfTest(Right: 0.6, None: 0.3, Error: 0, Lead: 0, Asked: 1);

        var mapped = catalog.Mapped([0.8f, 0.4f], reference, SelfScale.Shift);

        Assert.Equal([0.7, 0.3], mapped.Select(c => Math.Round(c, 5)));
    }
}
