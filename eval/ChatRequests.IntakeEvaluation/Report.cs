using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>How the runs print figures and meanings: each figure against its goal ("!" where it misses it).</summary>
internal static class Report
{
    public static void Print(string title, IEnumerable<Outcome> outcomes) =>
        PrintFigures(title, outcomes.Aggregate(Figures.Empty, (sum, o) => sum + o.Figures));

    public static void PrintFigures(string title, Figures figures)
    {
        Console.WriteLine(title);
        foreach (var (name, rate, goal, atMost) in figures.WithGoals())
        {
            var mark = rate.Value is not { } v ? " " : (atMost ? v <= goal : v >= goal) ? " " : "!";
            Console.WriteLine($"  {mark} {name,-20} {rate}   goal {(atMost ? "<=" : ">=")} {goal:P0}");
        }

        if (figures.ShownFirst.Cases > 0)
        {
            Console.WriteLine($"    {"shown first",-20} {figures.ShownFirst}   no goal: the right item offered first (form, question or first choice)");
        }
    }

    public static string SlotsText(IReadOnlyDictionary<string, string>? slots) =>
        slots is { Count: > 0 } ? $" {{{string.Join(", ", slots.Select(s => $"{s.Key}={s.Value}"))}}}" : "";

    public static string Describe(Meaning meaning) => meaning.Kind switch
    {
        MeaningKind.Command => $"command:{meaning.Command}",
        MeaningKind.Item or MeaningKind.Choice or MeaningKind.Suggestion =>
            $"{meaning.Kind.ToString().ToLowerInvariant()}:[{string.Join(", ", meaning.Items.Select(m => $"{m.Item.Id} {m.Score:0.0}{SlotsText(m.Slots)}"))}]",
        _ => meaning.Kind.ToString().ToLowerInvariant(),
    };
}
