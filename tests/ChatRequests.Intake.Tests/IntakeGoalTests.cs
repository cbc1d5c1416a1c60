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

    [Theory]
    [InlineData(LabelledSet.Tuning)]
    [InlineData(LabelledSet.HeldOut)]
    public void Goals_HoldOnEachPart(string part)
    {
        var sets = LabelledSet.Load(Root, part);
        Assert.NotEmpty(sets);

        Assert.Empty(Total(Lexical.Run(sets)).Misses());
    }

    [Fact]
    public void Goals_HoldOnBothPartsTogether()
    {
        var outcomes = Lexical.Run(LabelledSet.Load(Root, LabelledSet.Tuning).Concat(LabelledSet.Load(Root, LabelledSet.HeldOut)));

        Assert.Empty(Total(outcomes).Misses());
    }

    [Fact]
    public void EveryCatalog_HasBothParts_AndEveryKindOfLabel()
    {
        var tuning = LabelledSet.Load(Root, LabelledSet.Tuning);
        var heldOut = LabelledSet.Load(Root, LabelledSet.HeldOut);

        Assert.Equal(tuning.Select(s => s.Name), heldOut.Select(s => s.Name));
        Assert.True(tuning.Count >= 3);
        var figures = Total(Lexical.Run(tuning.Concat(heldOut)));
        Assert.All(figures.WithGoals(), f => Assert.True(f.Rate.Cases > 0, $"No utterance measures {f.Name}."));
        Assert.True(tuning.Concat(heldOut).Sum(s => s.Utterances.Count) >= 250);
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
