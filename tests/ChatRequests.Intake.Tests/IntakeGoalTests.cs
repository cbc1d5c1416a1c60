using ChatRequests.Core.Understanding;
using ChatRequests.IntakeEvaluation;

namespace ChatRequests.Intake.Tests;

/// <summary>
/// The lexical interpreter meets the goals of issue 10 on the tuning part, on the held-out part and on both: a
/// failure names the figures that missed, never a held-out sentence.
/// </summary>
public sealed class IntakeGoalTests
{
    // ---- The held-out part (eval/intake/heldout/): the only lines to edit when a new part is installed there. ----
    // A held-out part is measured once, when installed; its figures then stay here. Four parts were folded into tuning
    // once their figures had guided work (eval/intake/README.md), the fourth on 2026-12-05: until a new part is installed
    // and these are set, the held-out tests fail, saying what is missing.

    /// <summary>Why the goals are not asserted on the held-out part (issue 10 open while they miss), or null when they must hold.</summary>
    private const string? HeldOutGoalsNotYetMet =
        "Issue 10 open: the held-out part (the fifth and sixth blind parts, 1,941 sentences, ten catalogs, the sixth measured once on 2026-12-06) misses top-1, reachable, wrong form, abstention and commands; see HeldOut_IsNoWorseThanMeasured.";

    /// <summary>
    /// The held-out part's misses per figure as first measured (<c>--part heldout</c>), so that no figure gets worse; a
    /// figure's name as the evaluation prints it ("top-1 accuracy", "reachable", "wrong form", "abstention on none",
    /// "commands", "incidents", "slot fill"). Null until the part is measured.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, int>? HeldOutMissesAsMeasured = new Dictionary<string, int>
    {
        // The fifth part, measured once on 2026-12-06 (main at 579d671's engine): top-1 403/556, reachable 504/556, wrong
        // form 35/689, abstention 107/133, commands 97/108, incidents 90/104, slot fill 603/648. With the sixth part
        // (1,040 sentences, three new catalogs), measured once on 2026-12-06 with the same engine: top-1 864/1195,
        // reachable 1075/1195, wrong form 80/1480, abstention 228/285, commands 204/239, incidents 187/222, slot fill
        // 1391/1496.
        ["top-1 accuracy"] = 331,
        ["reachable"] = 120,
        ["wrong form"] = 80,
        ["abstention on none"] = 57,
        ["commands"] = 35,
        ["incidents"] = 35,
        ["slot fill"] = 105,
    };

    /// <summary>
    /// Why the goals per catalog and the margins are not asserted on the tuning part, or null when they must hold. The
    /// fourth part, folded into tuning on 2026-12-05, brought airline and retail sentences the rules still miss; the goals
    /// on the whole tuning part hold (<see cref="Goals_HoldOnTheTuningPart"/>).
    /// </summary>
    private const string? TuningGoalsPerCatalogNotYetMet =
        "Issue 10 open: on the tuning part airline (top-1 78.3%, reachable 90.0%, wrong form 9.2%, abstention 75.0%), retail (wrong form 5.1%, abstention 81.5%), sample (top-1 82.4%, reachable 93.8%) and university (top-1 84.95%) miss, and wrong form 2.9% / abstention 90.4% miss the margin; the whole part meets every goal.";

    // ---- End of the held-out part's figures. ----

    private static readonly string Root = Evaluation.FindRoot();
    private static readonly Evaluation Lexical = Evaluation.Lexical(Root);

    [Fact]
    public void Goals_HoldOnTheTuningPart()
    {
        var sets = LabelledSet.Load(Root, LabelledSet.Tuning);
        Assert.NotEmpty(sets);

        Assert.Empty(Total(Lexical.Run(sets)).Misses());
    }

    [Fact(Skip = TuningGoalsPerCatalogNotYetMet)]
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
    [Fact(Skip = TuningGoalsPerCatalogNotYetMet)]
    public void TheTuningPart_KeepsAMargin_OnWrongFormsAndAbstention()
    {
        var figures = Total(Lexical.Run(LabelledSet.Load(Root, LabelledSet.Tuning)));

        Assert.True(figures.WrongForm.Value <= 0.02, $"wrong form {figures.WrongForm}");
        Assert.True(figures.Abstention.Value >= 0.93, $"abstention on none {figures.Abstention}");
    }

    /// <summary>Every part folded so far is tuned on: six catalogs, 1,513 utterances at least.</summary>
    [Fact]
    public void TheTuningPart_HoldsEveryFoldedPart()
    {
        var tuning = LabelledSet.Load(Root, LabelledSet.Tuning);

        Assert.Superset(new HashSet<string> { "sample", "hospital", "university", "factory", "retail", "airline" }, tuning.Select(s => s.Name).ToHashSet());
        Assert.True(tuning.Sum(s => s.Utterances.Count) >= 1513, "The tuning part holds the four folded held-out parts.");
        var figures = Total(Lexical.Run(tuning));
        Assert.All(figures.WithGoals(), f => Assert.True(f.Rate.Cases > 0, $"No utterance measures {f.Name}."));
    }

    [Theory(Skip = HeldOutGoalsNotYetMet)]
    [InlineData(LabelledSet.HeldOut)]
    [InlineData(null)]
    public void Goals_HoldOnTheHeldOutPart_AndOnBoth(string? part)
    {
        var heldOut = HeldOutPart();
        var sets = part is null ? LabelledSet.Load(Root, LabelledSet.Tuning).Concat(heldOut) : heldOut;

        Assert.Empty(Total(Lexical.Run(sets)).Misses());
    }

    /// <summary>The held-out part's figures as first measured (<see cref="HeldOutMissesAsMeasured"/>): at most this many misses per figure.</summary>
    [Fact]
    public void HeldOut_IsNoWorseThanMeasured()
    {
        var figures = Total(Lexical.Run(HeldOutPart()));
        var allowedMisses = HeldOutMissesAsMeasured
            ?? throw new Xunit.Sdk.XunitException(
                "The held-out part's figures are not set: measure it once (--part heldout) and set HeldOutMissesAsMeasured at the top of IntakeGoalTests.");

        var worse = figures.WithGoals()
            .Select(f => (f.Name, f.Rate, Misses: f.AtMost ? f.Rate.Hits : f.Rate.Cases - f.Rate.Hits))
            .Where(f => f.Misses > allowedMisses.GetValueOrDefault(f.Name))
            .Select(f => $"{f.Name} {f.Rate}: {f.Misses} misses, at most {allowedMisses.GetValueOrDefault(f.Name)} allowed")
            .ToList();
        Assert.Empty(worse);
    }

    /// <summary>
    /// The held-out part is at least a third of the whole set, measures every figure, and holds a catalog no tuning file
    /// has: the measure of a catalog the engine never saw (the retail catalog was that until it was folded into tuning).
    /// </summary>
    [Fact]
    public void TheHeldOutPart_IsAThirdOfAll_AndHasACatalogOnlyHeldOut()
    {
        var tuning = LabelledSet.Load(Root, LabelledSet.Tuning);
        var heldOut = HeldOutPart();
        var tuned = tuning.Select(s => s.Name).ToHashSet();

        Assert.Contains(heldOut, s => !tuned.Contains(s.Name));
        Assert.True(heldOut.Sum(s => s.Utterances.Count) * 3 >= (tuning.Sum(s => s.Utterances.Count) + heldOut.Sum(s => s.Utterances.Count)),
            "The held-out part is at least a third of the whole set.");
        var figures = Total(Lexical.Run(heldOut));
        Assert.All(figures.WithGoals(), f => Assert.True(f.Rate.Cases > 0, $"No held-out utterance measures {f.Name}."));
    }

    /// <summary>Every tuned catalog is held out too: its figures on sentences not tuned on.</summary>
    [Fact]
    public void EveryTunedCatalog_IsHeldOutToo()
    {
        var heldOut = HeldOutPart().Select(s => s.Name).ToHashSet();

        Assert.Subset(heldOut, LabelledSet.Load(Root, LabelledSet.Tuning).Select(s => s.Name).ToHashSet());
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

    private static IReadOnlyList<LabelledSet> HeldOutPart()
    {
        var heldOut = LabelledSet.Load(Root, LabelledSet.HeldOut);
        Assert.True(heldOut.Count > 0, "The held-out part is missing: eval/intake/heldout/ holds no labelled set (see eval/intake/README.md).");
        return heldOut;
    }
}
