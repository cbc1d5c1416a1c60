namespace ChatRequests.IntakeEvaluation;

/// <summary>A count of hits out of a number of cases; a rate of an empty count is none (null).</summary>
public readonly record struct Rate(int Hits, int Cases)
{
    public double? Value => Cases == 0 ? null : (double)Hits / Cases;

    public static Rate operator +(Rate a, Rate b) => new(a.Hits + b.Hits, a.Cases + b.Cases);

    public override string ToString() => Value is { } v ? $"{v,7:P1} ({Hits}/{Cases})" : "      - (0/0)";
}

/// <summary>The figures of the issue's goals, over some utterances.</summary>
/// <param name="Top1">The right item's form (what the goal of 85% counts: a question or a choice with it first is not one).</param>
/// <param name="ShownFirst">No goal, for reading beside <paramref name="Top1"/>: the right item is the first thing offered, as
/// its form, the question "did you mean" or the first of a choice.</param>
public sealed record Figures(Rate Top1, Rate Reachable, Rate WrongForm, Rate Abstention, Rate Commands, Rate Incidents, Rate Slots, Rate ShownFirst = default)
{
    public static Figures Empty { get; } = new(default, default, default, default, default, default, default);

    public static Figures operator +(Figures a, Figures b) => new(
        a.Top1 + b.Top1, a.Reachable + b.Reachable, a.WrongForm + b.WrongForm, a.Abstention + b.Abstention,
        a.Commands + b.Commands, a.Incidents + b.Incidents, a.Slots + b.Slots, a.ShownFirst + b.ShownFirst);

    /// <summary>The four decision figures as counts on one line: top-1, reachable, wrong forms (rate), abstention (rate).</summary>
    public string Totals => $"{Top1.Hits}/{Top1.Cases} {Reachable.Hits} {WrongForm.Hits}/{WrongForm.Cases} ({WrongForm.Value:P1}) {Abstention.Hits}/{Abstention.Cases} ({Abstention.Value:P1})";

    /// <summary>Each figure with its goal: at least, except the wrong-form rate, at most.</summary>
    public IEnumerable<(string Name, Rate Rate, double Goal, bool AtMost)> WithGoals() =>
    [
        ("top-1 accuracy", Top1, Goals.Top1, false),
        ("reachable", Reachable, Goals.Reachable, false),
        ("wrong form", WrongForm, Goals.WrongForm, true),
        ("abstention on none", Abstention, Goals.Abstention, false),
        ("commands", Commands, Goals.Commands, false),
        ("incidents", Incidents, Goals.Incidents, false),
        ("slot fill", Slots, Goals.Slots, false),
    ];

    /// <summary>The figures that miss their goal (a figure with no cases misses none).</summary>
    public IEnumerable<string> Misses() =>
        WithGoals()
            .Where(f => f.Rate.Value is { } v && (f.AtMost ? v > f.Goal : v < f.Goal))
            .Select(f => $"{f.Name} {f.Rate} (goal {(f.AtMost ? "at most" : "at least")} {f.Goal:P0})");
}

/// <summary>The goals of issue 10.</summary>
public static class Goals
{
    public const double Top1 = 0.85;
    public const double Reachable = 0.95;
    public const double WrongForm = 0.03;
    public const double Abstention = 0.90;
    public const double Commands = 0.90;
    public const double Incidents = 0.80;
    public const double Slots = 0.80;
}
