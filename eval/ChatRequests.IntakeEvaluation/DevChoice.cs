using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// Chooses among a handful of encoder-led calibrations fitted on the tuning part by their figures on the development sets,
/// catalogs none of them was fitted on (ADR 0070, <c>--dev-choice --encoder</c>). The development sets are split in two
/// by catalog before anything is measured: the catalogs in alphabetical order of their folder ("sample" for the sample's),
/// every other one from the first choosing, the rest confirming the choice. Only totals are printed: no sentence of a
/// development set, and so no failure of a check part, is listed.
/// </summary>
internal static class DevChoice
{
    /// <summary>The targets fitted for (<c>--targets W A</c>): the stored line's (0.025 0.92) and a few stricter or looser.</summary>
    private static readonly Targets[] Aims =
    [
        new(0.03, 0.90), new(0.025, 0.92), new(0.02, 0.92), new(0.015, 0.92), new(0.01, 0.92), new(0.02, 0.93), new(0.015, 0.93),
    ];

    /// <summary>One form bar for every first candidate (no agreed bar) on the weights fitted, from the stored line's up.</summary>
    private static readonly double[] SharedBars = [0.67, 0.71, 0.75, 0.79];

    /// <summary>The catalog a development set is on, by its folder's name.</summary>
    public static string CatalogName(LabelledSet set) => Evaluation.CatalogName(set.Catalog);

    /// <summary>The choosing half's catalogs: every other one, from the first, in alphabetical order.</summary>
    public static HashSet<string> ChoosingCatalogs(IEnumerable<LabelledSet> sets) =>
    [
        .. sets.Select(CatalogName).Distinct().Order(StringComparer.Ordinal).Where((_, i) => i % 2 == 0),
    ];

    /// <summary>The development sets' reads by half: those on a <paramref name="choosing"/> catalog, and the others.</summary>
    public static (List<ReadUtterance> Choosing, List<ReadUtterance> Confirming) Halves(IEnumerable<ReadUtterance> reads, HashSet<string> choosing) =>
        (reads.Where(r => choosing.Contains(CatalogName(r.Set))).ToList(), reads.Where(r => !choosing.Contains(CatalogName(r.Set))).ToList());

    /// <param name="options">How each calibration is fitted, but for the goals first and the targets, which are the choice's.</param>
    /// <param name="hub">A hub correction of the item cosines, on the tuning part and the development sets alike (ADR 0077), or none.</param>
    /// <param name="parts">What a message's parts feed (ADR 0078), on the tuning part and the development sets alike.</param>
    /// <param name="query">What of the message the encoder reads (ADR 0080), on the tuning part and the development sets alike, or the bot's.</param>
    /// <param name="secondModel">A second sentence model whose cosines the sureness may read (ADR 0082), on both alike, or none.</param>
    /// <param name="catalogShape">Whether the messages are read against their catalog's shape (ADR 0084), on both alike.</param>
    /// <param name="late">The encoder whose token vectors read each message word by word for the sureness (ADR 0086), on both alike, or none.</param>
    /// <param name="lateMix">How much of each item's cosine is its MaxSim score (<c>--late-mix</c>), or 0.</param>
    public static void Run(string root, ISentenceEncoder encoder, double decisiveAt, FitOptions options, HubCorrection? hub = null, PartsReading parts = MessageParts.Default, QueryChoice? query = null, ISentenceEncoder? secondModel = null, bool catalogShape = false, CachedEncoder? late = null, float lateMix = 0)
    {
        var lexical = Evaluation.Lexical(root);
        // The tuning part and the development sets are read alike: the words and the encoder, then each reading asked for.
        List<ReadUtterance> Read(IReadOnlyList<LabelledSet> sets)
        {
            var reads = Calibration.Read(lexical, sets, encoder, decisiveAt, parts: parts);
            reads = hub?.Apply(reads, encoder, lexical) ?? reads;
            reads = query is null ? reads : QueryText.Apply(reads, encoder, lexical, query);
            reads = secondModel is null ? reads : SecondOpinion.Apply(reads, secondModel, lexical);
            reads = catalogShape ? CatalogShapeReading.Apply(reads, encoder, lexical) : reads;
            return late is null ? reads : LateReads.Apply(reads, late, lexical, lateMix).Reads;
        }

        var tuning = Read(LabelledSet.Load(root, LabelledSet.Tuning));
        var sets = LabelledSet.Load(root, LabelledSet.Development);
        var choosing = ChoosingCatalogs(sets);
        Console.WriteLine($"choosing half: {string.Join(", ", choosing.Order(StringComparer.Ordinal))}");
        Console.WriteLine($"confirming half: {string.Join(", ", sets.Select(CatalogName).Distinct().Where(c => !choosing.Contains(c)).Order(StringComparer.Ordinal))}");
        var dev = Read(sets);
        var (first, second) = Halves(dev, choosing);

        var candidates = new List<(string Name, MatchCalibration Calibration)> { ("stored", MatchCalibration.FittedWithEncoder) };
        MatchCalibration? atOldTargets = null;
        foreach (var aim in Aims)
        {
            var fitted = Calibration.Fit(tuning, led: true, options with { GoalsFirst = true, Targets = aim });
            atOldTargets ??= aim == new Targets(0.025, 0.92) ? fitted : null;
            candidates.Add(($"fit --targets {aim.WrongForm} {aim.Abstention}", fitted));
        }

        foreach (var bar in SharedBars)
        {
            candidates.Add(($"the 0.025 0.92 fit, one bar {bar}", atOldTargets! with { FormAt = bar, RuleFormAt = bar, AgreedFormAt = null }));
        }

        Console.WriteLine("calibration | tuning in sample | dev choosing half | dev confirming half | dev all   (top-1 / reachable / wrong forms / abstention)");
        foreach (var (name, calibration) in candidates)
        {
            Console.WriteLine($"{name}: {Calibration.Describe(calibration)}");
            Console.WriteLine($"    {Line(tuning, calibration)} | {Line(first, calibration)} | {Line(second, calibration)} | {Line(dev, calibration)}");
        }
    }

    public static string Line(IReadOnlyList<ReadUtterance> reads, MatchCalibration calibration)
        => Calibration.Score(reads, calibration, led: true).Totals;
}
