using ChatRequests.Core.Understanding;
using ChatRequests.IntakeEvaluation;

namespace ChatRequests.Intake.Tests;

/// <summary>
/// The lexical interpreter meets the goals of issue 10 on the tuning part, on the held-out part and on both: a
/// failure names the figures that missed, never a held-out sentence.
/// </summary>
public sealed class IntakeGoalTests
{
    private static readonly string Root = Evaluation.FindRoot();
    private static readonly Evaluation Lexical = Evaluation.Lexical(Root);

    [Fact]
    public void Goals_HoldOnTheTuningPart()
    {
        var sets = LabelledSet.Load(Root, LabelledSet.Tuning);
        Assert.NotEmpty(sets);

        Assert.Empty(Total(Lexical.Run(sets)).Misses());
    }

    [Fact]
    public void Goals_HoldOnTheTuningPart_OfEveryCatalog()
    {
        var misses = Lexical.Run(LabelledSet.Load(Root, LabelledSet.Tuning))
            .GroupBy(o => o.Set.Name)
            .SelectMany(g => Total(g).Misses().Select(m => $"{g.Key}: {m}"))
            .ToList();

        Assert.Empty(misses);
    }

    /// <summary>
    /// A part the matcher was never tuned on is harder than the tuning part: a wrong form costs more than a question, so
    /// the tuning part keeps a margin below the goals where they matter most (wrong form 3%, abstention 90%).
    /// </summary>
    [Fact]
    public void TheTuningPart_KeepsAMargin_OnWrongFormsAndAbstention()
    {
        var figures = Total(Lexical.Run(LabelledSet.Load(Root, LabelledSet.Tuning)));

        Assert.True(figures.WrongForm.Value <= 0.02, $"wrong form {figures.WrongForm}");
        Assert.True(figures.Abstention.Value >= 0.93, $"abstention on none {figures.Abstention}");
    }

    /// <summary>
    /// Issue 10 is open while these miss. The third held-out part (348 utterances written blind to the engine, with a
    /// fifth catalog, retail, no tuning saw) measured on 2026-12-05, once: top-1 164/209, abstention 45/51 and commands
    /// 41/46 miss their goals; reachable 201/209, wrong form 7/260, incidents 38/42 and slots 238/252 meet them. Until the
    /// goals hold, <see cref="HeldOut_IsNoWorseThanMeasured"/> keeps the figures from getting worse.
    /// </summary>
    [Theory(Skip = "Issue 10 open: the third held-out part misses top-1, abstention and commands; see HeldOut_IsNoWorseThanMeasured.")]
    [InlineData(LabelledSet.HeldOut)]
    [InlineData(null)]
    public void Goals_HoldOnTheHeldOutPart_AndOnBoth(string? part)
    {
        var sets = part is null
            ? LabelledSet.Load(Root, LabelledSet.Tuning).Concat(LabelledSet.Load(Root, LabelledSet.HeldOut))
            : LabelledSet.Load(Root, part);

        Assert.Empty(Total(Lexical.Run(sets)).Misses());
    }

    /// <summary>The third held-out part's figures as first measured (2026-12-05): at most this many misses per figure.</summary>
    [Fact]
    public void HeldOut_IsNoWorseThanMeasured()
    {
        var figures = Total(Lexical.Run(LabelledSet.Load(Root, LabelledSet.HeldOut)));
        var allowedMisses = new Dictionary<string, int>
        {
            ["top-1 accuracy"] = 45,
            ["reachable"] = 8,
            ["wrong form"] = 7,
            ["abstention on none"] = 6,
            ["commands"] = 5,
            ["incidents"] = 4,
            ["slot fill"] = 14,
        };

        var worse = figures.WithGoals()
            .Select(f => (f.Name, f.Rate, Misses: f.AtMost ? f.Rate.Hits : f.Rate.Cases - f.Rate.Hits))
            .Where(f => f.Misses > allowedMisses[f.Name])
            .Select(f => $"{f.Name} {f.Rate}: {f.Misses} misses, at most {allowedMisses[f.Name]} allowed")
            .ToList();
        Assert.Empty(worse);
    }

    /// <summary>
    /// Every tuned catalog is held out too, and one catalog (retail) is held-out only: the measure of a catalog the engine
    /// never saw. The earlier held-out parts (the second with the factory) were folded into tuning once measured.
    /// </summary>
    [Fact]
    public void EveryTunedCatalog_IsHeldOutToo_AndOneCatalogIsOnlyHeldOut()
    {
        var tuning = LabelledSet.Load(Root, LabelledSet.Tuning);
        var heldOut = LabelledSet.Load(Root, LabelledSet.HeldOut);
        var tuned = tuning.Select(s => s.Name).ToHashSet();

        Assert.Subset(heldOut.Select(s => s.Name).ToHashSet(), tuned);
        Assert.Contains(heldOut, s => !tuned.Contains(s.Name));
        Assert.True(tuning.Count >= 4);
        Assert.True(tuning.Sum(s => s.Utterances.Count) >= 634);
        Assert.True(heldOut.Sum(s => s.Utterances.Count) * 3 >= (tuning.Sum(s => s.Utterances.Count) + heldOut.Sum(s => s.Utterances.Count)),
            "The held-out part is at least a third of the whole set.");
        foreach (var part in new[] { tuning, heldOut })
        {
            var figures = Total(Lexical.Run(part));
            Assert.All(figures.WithGoals(), f => Assert.True(f.Rate.Cases > 0, $"No utterance measures {f.Name}."));
        }
    }

    [Fact]
    public void Score_CountsAFormForAnotherItem_AsWrong_AndAChoiceWithTheItem_AsReachable()
    {
        var item = new Utterance("laptop", "item:laptop", new Dictionary<string, string> { ["size"] = "14-inch" });
        var laptop = new ChatRequests.Core.Catalog.CatalogItem { Id = "laptop", Name = "Laptop", Category = "Hardware" };
        var charger = laptop with { Id = "charger", Name = "Charger" };
        var form = new Meaning { Kind = MeaningKind.Item, Items = [new ItemMatch(charger, 1, new Dictionary<string, string>())] };
        var choice = new Meaning
        {
            Kind = MeaningKind.Choice,
            Items = [new ItemMatch(charger, 2, new Dictionary<string, string>()), new ItemMatch(laptop, 1, new Dictionary<string, string> { ["size"] = "14-inch" })],
        };

        var wrong = Evaluation.Score(item, form);
        var reachable = Evaluation.Score(item, choice);

        Assert.Equal((0, 0, 1), (wrong.Top1.Hits, wrong.Reachable.Hits, wrong.WrongForm.Hits));
        Assert.Equal((0, 1, 0, 1), (reachable.Top1.Hits, reachable.Reachable.Hits, reachable.WrongForm.Hits, reachable.Slots.Hits));
        Assert.Equal(1, Evaluation.Score(new Utterance("a coffee machine", "none", null), form).WrongForm.Hits);
        Assert.Equal(1, Evaluation.Score(new Utterance("a coffee machine", "none", null), choice).Abstention.Hits);
    }

    private static Figures Total(IEnumerable<Outcome> outcomes) => outcomes.Aggregate(Figures.Empty, (sum, o) => sum + o.Figures);
}
