using ChatRequests.IntakeEvaluation;

namespace ChatRequests.Intake.Tests;

/// <summary>The models the sentence-led bars are fitted on out of fold (ADR 0085): none has seen the catalog it decides.</summary>
public sealed class OutOfFoldTests
{
    // Rows are "catalog/sentence"; a "model" is the set of catalogs it was fitted on.
    private static readonly string[] Rows = ["bank/1", "bank/2", "council/1", "factory/1", "factory/2", "hospital/1", "retail/1"];

    private static string CatalogOf(string row) => row.Split('/')[0];

    private static Dictionary<string, HashSet<string>> Models(CrossFit crossFit) =>
        OutOfFold.Models(Rows, CatalogOf, crossFit, rows => rows.Select(CatalogOf).ToHashSet());

    [Theory]
    [InlineData(CrossFit.Folds)]
    [InlineData(CrossFit.Halves)]
    public void Models_EachCatalogsModel_NeverSawIt(CrossFit crossFit)
    {
        var models = Models(crossFit);

        Assert.Equal(["bank", "council", "factory", "hospital", "retail"], models.Keys.Order());
        Assert.All(models, m => Assert.DoesNotContain(m.Key, m.Value));
    }

    [Fact]
    public void Models_Folds_AreFittedOnEveryOtherCatalog()
    {
        var models = Models(CrossFit.Folds);

        Assert.Equal(["council", "factory", "hospital", "retail"], models["bank"].Order());
    }

    [Fact]
    public void Models_Halves_SplitTheCatalogsEveryOtherAlphabetically()
    {
        var models = Models(CrossFit.Halves);

        Assert.Equal(["council", "hospital"], models["bank"].Order());
        Assert.Equal(["council", "hospital"], models["retail"].Order());
        Assert.Equal(["bank", "factory", "retail"], models["council"].Order());
    }

    [Fact]
    public void Models_None_OrOneCatalog_GivesNoModel()
    {
        Assert.Empty(Models(CrossFit.None));
        Assert.Empty(OutOfFold.Models(["bank/1", "bank/2"], CatalogOf, CrossFit.Folds, rows => rows.Count));
    }
}
