using ChatRequests.Core.Catalog;
using ChatRequests.Core.Understanding;
using ChatRequests.IntakeEvaluation;
using static ChatRequests.IntakeEvaluation.MissKinds;

namespace ChatRequests.Intake.Tests;

/// <summary>Where top-1's misses go (<c>--miss-kinds</c>): each item sentence not given its form, by what it got.</summary>
public sealed class MissKindsTests
{
    private static readonly CatalogItem Laptop = new() { Id = "laptop", Name = "Laptop", Category = "Hardware" };
    private static readonly CatalogItem Charger = Laptop with { Id = "charger", Name = "Charger" };
    private static readonly CatalogItem Dock = Laptop with { Id = "dock", Name = "Dock" };
    private static readonly CatalogItem Mouse = Laptop with { Id = "mouse", Name = "Mouse" };

    public static TheoryData<MeaningKind, string[], Kind?> Meanings => new()
    {
        { MeaningKind.Item, ["laptop"], null },
        { MeaningKind.Item, ["charger"], Kind.AnotherItemsForm },
        { MeaningKind.Suggestion, ["laptop"], Kind.AskedFirst },
        { MeaningKind.Choice, ["laptop", "charger"], Kind.FirstOfAChoice },
        { MeaningKind.Choice, ["charger", "dock", "laptop"], Kind.LaterInAChoice },
        { MeaningKind.Suggestion, ["charger"], Kind.OfferedWithoutIt },
        { MeaningKind.Choice, ["charger", "dock"], Kind.OfferedWithoutIt },
        { MeaningKind.Command, [], Kind.Command },
        { MeaningKind.Incident, ["charger", "laptop"], Kind.IncidentOfferingIt },
        { MeaningKind.Incident, ["charger"], Kind.Incident },
        { MeaningKind.Incident, ["charger", "dock", "mouse", "laptop"], Kind.Incident },
        { MeaningKind.Unknown, [], Kind.NothingClose },
    };

    [Theory]
    [MemberData(nameof(Meanings))]
    public void AnItemSentence_IsCountedByWhatItGot(MeaningKind kind, string[] offered, Kind? expected)
    {
        var items = offered.Select(id => new[] { Laptop, Charger, Dock, Mouse }.Single(i => i.Id == id));
        var meaning = new Meaning { Kind = kind, Items = [.. items.Select(i => new ItemMatch(i, 1, new Dictionary<string, string>()))] };

        Assert.Equal(expected, Of(OutcomeOf(new Utterance("laptop pls", "item:laptop", null), meaning)));
    }

    [Fact]
    public void ANoneOrCommandSentence_IsNoMissOfTop1()
    {
        var form = new Meaning { Kind = MeaningKind.Item, Items = [new ItemMatch(Charger, 1, new Dictionary<string, string>())] };

        Assert.Null(Of(OutcomeOf(new Utterance("a coffee machine", "none", null), form)));
        Assert.Null(Of(OutcomeOf(new Utterance("my requests", "command:MyRequests", null), form)));
    }

    private static Outcome OutcomeOf(Utterance utterance, Meaning meaning) =>
        new(new LabelledSet("test", LabelledSet.Tuning, "catalog.json", [utterance]), utterance, meaning, Evaluation.Score(utterance, meaning));
}
