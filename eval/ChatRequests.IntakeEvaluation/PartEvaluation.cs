using ChatRequests.Core.Understanding;
using static ChatRequests.IntakeEvaluation.Report;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// The evaluation itself (no probe, no fit asked for): the figures per catalog, per part and overall of the part or parts
/// <c>--part</c> names, by the bot's own decision; with <c>--failures</c>, what went wrong on a tuning or development set
/// (held-out texts are never printed); with <c>--miss-kinds</c>, where each part's top-1 misses went (totals only).
/// </summary>
internal static class PartEvaluation
{
    public static int Run(EvalOptions options, string root, ISentenceEncoder? encoder)
    {
        var parts = options.Part == "all" ? new[] { LabelledSet.Tuning, LabelledSet.HeldOut } : [options.Part];
        var evaluation = Evaluation.Lexical(root, encoder, options.DecisiveAt, options.PartsReading);
        var all = new List<Outcome>();
        foreach (var name in parts)
        {
            var sets = LabelledSet.Load(root, name);
            if (sets.Count == 0)
            {
                Console.WriteLine($"{name}: no labelled sets in eval/intake/{name}/");
                continue;
            }

            var outcomes = evaluation.Run(sets);
            all.AddRange(outcomes);
            foreach (var group in outcomes.GroupBy(o => o.Set.Name))
            {
                Print($"{name} / {group.Key}", group);
            }

            Print($"{name} / all catalogs", outcomes);
            if (options.MissKinds)
            {
                MissKinds.Print($"{name} / all catalogs", outcomes);
            }
        }

        if (parts.Length > 1 && all.Count > 0)
        {
            Print("overall (both parts)", all);
        }

        if (options.Failures)
        {
            foreach (var outcome in all.Where(o => o.Failed && o.Set.Part is LabelledSet.Tuning or LabelledSet.Development))
            {
                Console.WriteLine($"[{outcome.Set.Name}] \"{outcome.Utterance.Text}\" expected {outcome.Utterance.Expect}{SlotsText(outcome.Utterance.Slots)}; got {Describe(outcome.Meaning)}");
            }
        }

        var misses = all.Count == 0 ? [] : all.Aggregate(Figures.Empty, (sum, o) => sum + o.Figures).Misses().ToList();
        return misses.Count == 0 ? 0 : 1;
    }
}
