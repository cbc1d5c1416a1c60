using System.Globalization;
using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// Fits when a message is a command or a fault by its meaning (<see cref="SenseCalibration"/>, ADR 0045) on the tuning
/// part. Two views of every sentence: by its meaning alone (every sentence encoded, as if the words had recognised
/// nothing: how the exemplars separate commands and faults from items and "none" in phrasings the words do not know),
/// and in the bot's decision (only the messages the words leave open are read by meaning, and never where they gave a
/// form). The fit takes the most commands (then faults) by meaning alone with at most <see cref="StealTarget"/> of the
/// item and "none" sentences taken, and no figure of the bot's decision worse than without it.
/// </summary>
internal static class SenseFit
{
    /// <summary>At most this share of item and "none" sentences taken as a command or fault by meaning alone.</summary>
    public const double StealTarget = 0.01;

    private static readonly float[] Froms = [.. Enumerable.Range(0, 36).Select(i => 0.2f + (i * 0.02f)), 2f];
    private static readonly float[] Leads = [.. Enumerable.Range(0, 31).Select(i => -0.3f + (i * 0.02f))];
    /// <summary>No command or fault by meaning; the "none" lead as stored (ADR 0050), which this fit does not choose.</summary>
    private static readonly SenseCalibration Base = SenseCalibration.Off with { NoneLead = SenseCalibration.Fitted.NoneLead };
    private static readonly SenseCalibration AlwaysCommand = new(-2, -2, 2, 2);
    private static readonly SenseCalibration AlwaysFault = new(2, 2, -2, -2);

    /// <summary>A tuning sentence: its senses by meaning alone, and its figures in the bot's decision as it is, as a command and as a fault.</summary>
    internal sealed record Case(ReadUtterance Read, Senses Alone, Figures Base, Figures AsCommand, Figures AsFault)
    {
        public string Expect => Read.Utterance.Expect;

        public bool IsAsk => Expect == "none" || Expect.StartsWith("item:", StringComparison.Ordinal);

        public Figures Decided(SenseCalibration calibration) => Read.Reading.Senses is { } senses
            ? calibration.Decide(senses) switch { SenseKind.Command => AsCommand, SenseKind.Fault => AsFault, _ => Base }
            : Base;
    }

    /// <summary>What meaning alone makes of the sentences under a calibration.</summary>
    internal readonly record struct Alone(int Commands, int CommandCases, int Faults, int FaultCases, int Taken, int Asks)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"commands {Commands}/{CommandCases}, faults {Faults}/{FaultCases}, item and none sentences taken {Taken}/{Asks}");
    }

    public static List<Case> Cases(IReadOnlyList<ReadUtterance> reads, Evaluation evaluation, ISentenceEncoder encoder) =>
    [
        .. reads.GroupBy(r => r.Set).SelectMany(set =>
        {
            var semantic = new SemanticIndex(evaluation.LoadCatalog(set.Key.Catalog).Items, encoder);
            return set.Select(r =>
            {
                var vector = encoder.EncodeQuery(r.Utterance.Text);
                var calibration = r.Reading.Cosines is null ? MatchCalibration.Fitted : EncoderCalibration.For(encoder.Model).Match;
                Figures Scored(SenseCalibration senses) => Evaluation.Score(r.Utterance, LexicalInterpreter.Decide(r.Reading, calibration, senses));
                return new Case(r, semantic.Senses(vector, semantic.Cosines(vector)), Scored(Base), Scored(AlwaysCommand), Scored(AlwaysFault));
            });
        }),
    ];

    public static Alone ByMeaningAlone(IEnumerable<Case> cases, SenseCalibration calibration)
    {
        var alone = default(Alone);
        foreach (var c in cases)
        {
            var kind = calibration.Decide(c.Alone);
            if (c.Expect.StartsWith("command:", StringComparison.Ordinal))
            {
                alone = alone with { CommandCases = alone.CommandCases + 1, Commands = alone.Commands + (kind == SenseKind.Command && c.Expect == $"command:{c.Alone.Command}" ? 1 : 0) };
            }
            else if (c.Expect == "incident")
            {
                alone = alone with { FaultCases = alone.FaultCases + 1, Faults = alone.Faults + (kind == SenseKind.Fault ? 1 : 0) };
            }
            else
            {
                alone = alone with { Asks = alone.Asks + 1, Taken = alone.Taken + (kind == SenseKind.None ? 0 : 1) };
            }
        }

        return alone;
    }

    public static Figures Decided(IEnumerable<Case> cases, SenseCalibration calibration) =>
        cases.Aggregate(Figures.Empty, (sum, c) => sum + c.Decided(calibration));

    /// <summary>Commands first (faults off), then faults beside the commands found.</summary>
    public static SenseCalibration Fit(IReadOnlyList<Case> training)
    {
        var off = Decided(training, Base);
        var commands = Best(training, off, Base, Froms.SelectMany(f => Leads.Select(l => Base with { CommandFrom = f, CommandLead = l })), a => a.Commands);
        return Best(training, off, commands, Froms.SelectMany(f => Leads.Select(l => commands with { FaultFrom = f, FaultLead = l })), a => a.Faults);
    }

    /// <summary>For each catalog, the calibration fitted on the others, with its figures on that catalog.</summary>
    public static List<(string Name, SenseCalibration Calibration, Alone Alone, Figures Before, Figures After)> LeaveOneCatalogOut(IReadOnlyList<Case> cases) =>
    [
        .. cases.Select(c => c.Read.Set.Name).Distinct().Order(StringComparer.Ordinal).Select(name =>
        {
            var calibration = Fit([.. cases.Where(c => c.Read.Set.Name != name)]);
            var own = cases.Where(c => c.Read.Set.Name == name).ToList();
            return (name, calibration, ByMeaningAlone(own, calibration), Decided(own, Base), Decided(own, calibration));
        }),
    ];

    /// <summary>The sentences whose figures the calibration changes in the bot's decision, with what they became.</summary>
    public static IEnumerable<string> Changes(IEnumerable<Case> cases, SenseCalibration calibration) =>
        cases.Where(c => c.Decided(calibration) != c.Base)
            .Select(c => $"[{c.Read.Set.Name}] \"{c.Read.Utterance.Text}\" expected {c.Expect}: {calibration.Decide(c.Read.Reading.Senses!)} {c.Alone.Command} "
                + string.Create(CultureInfo.InvariantCulture, $"(command {c.Alone.CommandCosine:0.00}, fault {c.Alone.FaultCosine:0.00}, item {c.Alone.ItemCosine:0.00})"));

    public static string Describe(SenseCalibration c) =>
        string.Create(CultureInfo.InvariantCulture, $"new({c.CommandFrom:0.###}f, {c.CommandLead:0.###}f, {c.FaultFrom:0.###}f, {c.FaultLead:0.###}f, {c.NoneLead:0.###}f)");

    // The most hits by meaning alone within the steal target and with no figure of the decision worse; of equals, the strictest.
    private static SenseCalibration Best(IReadOnlyList<Case> training, Figures off, SenseCalibration none, IEnumerable<SenseCalibration> grid, Func<Alone, int> hits)
    {
        var best = (Calibration: none, Hits: -1, Strictness: float.MinValue);
        foreach (var calibration in grid)
        {
            var alone = ByMeaningAlone(training, calibration);
            if (alone.Taken > StealTarget * alone.Asks || !NoWorse(Decided(training, calibration), off))
            {
                continue;
            }

            var strictness = calibration.CommandFrom + calibration.CommandLead + calibration.FaultFrom + calibration.FaultLead;
            if (hits(alone) > best.Hits || (hits(alone) == best.Hits && strictness > best.Strictness))
            {
                best = (calibration, hits(alone), strictness);
            }
        }

        return best.Calibration;
    }

    private static bool NoWorse(Figures f, Figures off) =>
        f.Top1.Hits >= off.Top1.Hits && f.Reachable.Hits >= off.Reachable.Hits && f.WrongForm.Hits <= off.WrongForm.Hits
        && f.Abstention.Hits >= off.Abstention.Hits && f.Commands.Hits >= off.Commands.Hits && f.Incidents.Hits >= off.Incidents.Hits
        && f.Slots.Hits >= off.Slots.Hits;
}
