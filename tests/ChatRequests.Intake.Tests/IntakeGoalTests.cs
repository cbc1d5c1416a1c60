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
    /// Issue 10 is open while these miss. The fresh held-out part (234 utterances written blind to the engine, with a
    /// fourth catalog no tuning saw) measured on 2026-12-05, once: top-1 105/140, reachable 130/140, abstention 31/35,
    /// commands 26/32 and incidents 18/27 miss their goals; wrong form 5/175 and slots 145/155 meet them. Until the
    /// goals hold, <see cref="HeldOut_IsNoWorseThanMeasured"/> keeps the figures from getting worse.
    /// </summary>
    [Theory(Skip = "Issue 10 open: the fresh held-out part misses top-1, reachable, abstention, commands and incidents; see HeldOut_IsNoWorseThanMeasured.")]
    [InlineData(LabelledSet.HeldOut)]
    [InlineData(null)]
    public void Goals_HoldOnTheHeldOutPart_AndOnBoth(string? part)
    {
        var sets = part is null
            ? LabelledSet.Load(Root, LabelledSet.Tuning).Concat(LabelledSet.Load(Root, LabelledSet.HeldOut))
            : LabelledSet.Load(Root, part);

        Assert.Empty(Total(Lexical.Run(sets)).Misses());
    }

    /// <summary>The held-out figures as first measured (2026-12-05): at most this many misses per figure.</summary>
    [Fact]
    public void HeldOut_IsNoWorseThanMeasured()
    {
        var figures = Total(Lexical.Run(LabelledSet.Load(Root, LabelledSet.HeldOut)));
        var allowedMisses = new Dictionary<string, int>
        {
            ["top-1 accuracy"] = 35,
            ["reachable"] = 10,
            ["wrong form"] = 5,
            ["abstention on none"] = 4,
            ["commands"] = 6,
            ["incidents"] = 9,
            ["slot fill"] = 10,
        };

        var worse = figures.WithGoals()
            .Select(f => (f.Name, f.Rate, Misses: f.AtMost ? f.Rate.Hits : f.Rate.Cases - f.Rate.Hits))
            .Where(f => f.Misses > allowedMisses[f.Name])
            .Select(f => $"{f.Name} {f.Rate}: {f.Misses} misses, at most {allowedMisses[f.Name]} allowed")
            .ToList();
        Assert.Empty(worse);
    }

    /// <summary>
    /// The first held-out part (with the factory, then a catalog no tuning saw) was folded into tuning once measured;
    /// a catalog only the held-out part has is the fresh part's (the lead restores that check when it lands).
    /// </summary>
    [Fact]
    public void EveryTunedCatalog_IsHeldOutToo_AndTheTuningPartHoldsTheFoldedOne()
    {
        var tuning = LabelledSet.Load(Root, LabelledSet.Tuning);
        var heldOut = LabelledSet.Load(Root, LabelledSet.HeldOut);

        Assert.Subset(heldOut.Select(s => s.Name).ToHashSet(), tuning.Select(s => s.Name).ToHashSet());
        Assert.Contains("factory", tuning.Select(s => s.Name));
        Assert.True(tuning.Count >= 4);
        Assert.True(tuning.Sum(s => s.Utterances.Count) >= 634);
        var figures = Total(Lexical.Run(tuning));
        Assert.All(figures.WithGoals(), f => Assert.True(f.Rate.Cases > 0, $"No utterance measures {f.Name}."));
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
