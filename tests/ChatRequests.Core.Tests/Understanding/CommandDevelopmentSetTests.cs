using System.Text.Json;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Understanding;
using Xunit.Abstractions;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>
/// Helper K's development set (<c>CommandDevelopmentSet.json</c>): commands, fault reports and near misses written for a
/// consultancy's catalog before the command and fault rules were generalised, to measure them on phrasings the
/// evaluation's tuning part does not hold. The figures are printed; the misses may only go down.
/// </summary>
public class CommandDevelopmentSetTests(ITestOutputHelper output)
{
    // The misses as last measured: lower them when a change gets more right, never raise them. Before the rules it led to
    // (main at 174cf26): commands 181/196, fault reports 70/72, near misses 59/70.
    private const int CommandMisses = 0;
    private const int IncidentMisses = 0;
    private const int NearMissMisses = 2;

    private sealed record Utterance(string Text, string Expect);

    private sealed record DevelopmentSet(IReadOnlyList<CatalogItem> Items, IReadOnlyList<Utterance> Utterances);

    private static readonly Lazy<DevelopmentSet> Set = new(() =>
        JsonSerializer.Deserialize<DevelopmentSet>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Understanding", "CommandDevelopmentSet.json")), SampleData.Json)
        ?? throw new InvalidDataException("The development set is empty."));

    [Fact]
    public void TheSet_HoldsEnoughOfEachKind()
    {
        var set = Set.Value;
        var byKind = set.Utterances.GroupBy(u => Kind(u.Expect)).ToDictionary(g => g.Key, g => g.Count());

        Assert.True(byKind["command"] >= 150, $"{byKind["command"]} commands");
        Assert.True(byKind["incident"] >= 60, $"{byKind["incident"]} fault reports");
        Assert.True(byKind["item"] + byKind["none"] >= 60, $"{byKind["item"] + byKind["none"]} near misses");
        Assert.All(Enum.GetNames<ChatCommand>().Take(7), c => Assert.Contains(set.Utterances, u => u.Expect == $"command:{c}"));
        Assert.Equal(set.Utterances.Count, set.Utterances.Select(u => u.Text).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(set.Utterances.Where(u => Kind(u.Expect) == "item"), u => Assert.Contains(set.Items, i => $"item:{i.Id}" == u.Expect));
    }

    [Fact]
    public void Figures_AreNoWorseThanMeasured()
    {
        var set = Set.Value;
        var catalog = new MiniCatalog([.. set.Items]);
        var outcomes = set.Utterances.Select(u => (Utterance: u, Meaning: catalog.Read(u.Text))).ToList();
        var misses = outcomes.Where(o => !IsRight(o.Utterance.Expect, o.Meaning)).ToList();

        int Missed(params string[] kinds) => misses.Count(m => kinds.Contains(Kind(m.Utterance.Expect)));
        void Report(string label, params string[] kinds)
        {
            var all = set.Utterances.Count(u => kinds.Contains(Kind(u.Expect)));
            var right = all - Missed(kinds);
            output.WriteLine($"{label}: {100.0 * right / all:F1}% ({right}/{all})");
        }

        Report("commands", "command");
        foreach (var command in Enum.GetNames<ChatCommand>().Take(7))
        {
            var all = set.Utterances.Count(u => u.Expect == $"command:{command}");
            var wrong = misses.Count(m => m.Utterance.Expect == $"command:{command}");
            output.WriteLine($"  {command}: {all - wrong}/{all}");
        }

        Report("incidents", "incident");
        Report("near misses (items and none: no command, no incident)", "item", "none");
        foreach (var (utterance, meaning) in misses)
        {
            output.WriteLine($"MISS {utterance.Expect,-22} got {Said(meaning),-22} \"{utterance.Text}\"");
        }

        Assert.True(Missed("command") <= CommandMisses, $"commands missed {Missed("command")}, at most {CommandMisses}");
        Assert.True(Missed("incident") <= IncidentMisses, $"fault reports missed {Missed("incident")}, at most {IncidentMisses}");
        Assert.True(Missed("item", "none") <= NearMissMisses, $"near misses missed {Missed("item", "none")}, at most {NearMissMisses}");
    }

    /// <summary>
    /// A command or a fault report as labelled; an item offered (as a form, a choice or a question) and neither a command
    /// nor an incident; for "none", no form, no command and no incident.
    /// </summary>
    private static bool IsRight(string expect, Meaning meaning)
    {
        var value = expect.Contains(':', StringComparison.Ordinal) ? expect[(expect.IndexOf(':', StringComparison.Ordinal) + 1)..] : null;
        return Kind(expect) switch
        {
            "command" => meaning.Kind == MeaningKind.Command && meaning.Command.ToString() == value,
            "incident" => meaning.Kind == MeaningKind.Incident,
            "item" => meaning.Kind is MeaningKind.Item or MeaningKind.Choice or MeaningKind.Suggestion && meaning.Items.Any(m => m.Item.Id == value),
            "none" => meaning.Kind is MeaningKind.Unknown or MeaningKind.Choice or MeaningKind.Suggestion,
            _ => throw new InvalidDataException($"Unknown label \"{expect}\"."),
        };
    }

    private static string Kind(string expect) => expect.Split(':')[0];

    private static string Said(Meaning meaning) => meaning.Kind switch
    {
        MeaningKind.Command => $"command:{meaning.Command}",
        MeaningKind.Item => $"item:{meaning.Items[0].Item.Id}",
        _ => meaning.Kind.ToString().ToLowerInvariant(),
    };
}
