using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>What the sentence-led calibration is fitted on (ADR 0079, <c>--fit-on</c>).</summary>
internal enum FitOn
{
    /// <summary>The tuning part alone (the stored line's way).</summary>
    Tuning,

    /// <summary>The tuning part and the development sets but their check files (<c>*-check-*.json</c>), which stay an untouched check.</summary>
    TuningAndDev,
}

/// <summary>
/// The calibration fitted on more catalogs than the tuning part's (ADR 0079): the development sets beside it, and a grouped
/// cross-validation by catalog over the union of both (<c>--loco-all</c>) in which each catalog's sentences, tuning and
/// development, are decided by calibrations fitted without that catalog: A on the others' tuning sentences only, B on their
/// tuning and development sentences but the check files. Totals only: no development sentence is printed.
/// </summary>
internal static class FitOnMore
{
    public static bool TryParse(string text, out FitOn fitOn)
    {
        (var known, fitOn) = text switch
        {
            "tuning" => (true, FitOn.Tuning),
            "tuning+dev" => (true, FitOn.TuningAndDev),
            _ => (false, FitOn.Tuning),
        };
        return known;
    }

    public static bool IsCheck(LabelledSet set) => set.Name.Contains("-check-", StringComparison.Ordinal);

    /// <summary>The catalog a sentence is on, by its folder ("sample" for the sample's): the group a fold leaves out.</summary>
    public static string CatalogOf(ReadUtterance r) => Evaluation.CatalogName(r.Set.Catalog);

    /// <summary>Of <paramref name="reads"/>, those a fit on <paramref name="fitOn"/> takes.</summary>
    public static List<ReadUtterance> Training(IEnumerable<ReadUtterance> reads, FitOn fitOn) =>
    [
        .. reads.Where(r => r.Set.Part == LabelledSet.Tuning || (fitOn == FitOn.TuningAndDev && r.Set.Part == LabelledSet.Development && !IsCheck(r.Set))),
    ];

    /// <summary>
    /// Leave-one-catalog-out over the tuning part as <see cref="Calibration.LeaveOneCatalogOut"/>, each fold also fitted on
    /// <paramref name="development"/>'s sentences on other catalogs than the one left out (but their check files).
    /// </summary>
    public static (List<(string Name, MatchCalibration Calibration, Figures Figures)> Rows, Figures Total) LeaveOneCatalogOut(
        IReadOnlyList<ReadUtterance> tuning, IReadOnlyList<ReadUtterance> development, bool led, FitOptions options)
    {
        var rows = tuning.Select(r => r.Set.Name).Distinct().Order(StringComparer.Ordinal).Select(name =>
        {
            var left = tuning.First(r => r.Set.Name == name);
            var training = Training(tuning.Where(r => r.Set.Name != name).Concat(development.Where(r => CatalogOf(r) != CatalogOf(left))), FitOn.TuningAndDev);
            var calibration = Calibration.Fit(training, led, options);
            return (name, calibration, Calibration.Score(tuning.Where(r => r.Set.Name == name), calibration, led));
        }).ToList();
        return (rows, rows.Aggregate(Figures.Empty, (sum, r) => sum + r.Item3));
    }

    /// <summary>One sentence's figures under A and under B, with what it is (for the totals).</summary>
    /// <param name="SureA">For a weighed reading the encoder read: how sure A is of its first candidate and whether it is right (ADR 0075's probe).</param>
    private sealed record Scored(string Catalog, bool TuningCatalog, bool Tuning, bool Check, Figures A, Figures B, Figures BWithABars, (double P, bool Right)? SureA, (double P, bool Right)? SureB);

    /// <summary>The grouped cross-validation over the union (<c>--loco-all</c>), its totals and ADR 0079's bar.</summary>
    /// <returns>Whether B passes the bar.</returns>
    /// <param name="bTargets">B's targets when not <paramref name="options"/>' (<c>--b-targets W A</c>): B compared with A where their wrong forms are alike.</param>
    public static bool CrossValidate(IReadOnlyList<ReadUtterance> tuning, IReadOnlyList<ReadUtterance> development, FitOptions options, Targets? bTargets = null)
    {
        var bOptions = bTargets is null ? options : options with { Targets = bTargets };
        Console.WriteLine(FormattableString.Invariant($"A fitted for wrong forms at most {options.Targets.WrongForm}, abstention at least {options.Targets.Abstention}; B for {bOptions.Targets.WrongForm}, {bOptions.Targets.Abstention}"));
        var union = tuning.Concat(development).ToList();
        var tuningCatalogs = tuning.Select(CatalogOf).ToHashSet(StringComparer.Ordinal);
        // A for a catalog the tuning part does not have is the fit on the whole tuning part: fitted once.
        var onAllTuning = Calibration.Fit(Training(union, FitOn.Tuning), led: true, options);
        var scored = new List<Scored>();
        Console.WriteLine("catalog (sentences) | A: top-1 / reachable / wrong forms / abstention | B: the same");
        foreach (var catalog in union.Select(CatalogOf).Distinct().Order(StringComparer.Ordinal))
        {
            var others = union.Where(r => CatalogOf(r) != catalog).ToList();
            var a = tuningCatalogs.Contains(catalog) ? Calibration.Fit(Training(others, FitOn.Tuning), led: true, options) : onAllTuning;
            var b = Calibration.Fit(Training(others, FitOn.TuningAndDev), led: true, bOptions);
            // B's weights and sureness under A's bars: whether B's better sureness shows when its bars do not rise with the harder data.
            var bWithABars = b with { FormAt = a.FormAt, RuleFormAt = a.RuleFormAt, AgreedFormAt = a.AgreedFormAt, CloseBand = a.CloseBand };
            var mine = union.Where(r => CatalogOf(r) == catalog).Select(r => new Scored(
                catalog, tuningCatalogs.Contains(catalog), r.Set.Part == LabelledSet.Tuning, IsCheck(r.Set),
                Evaluation.Score(r.Utterance, r.Decide(a, led: true)), Evaluation.Score(r.Utterance, r.Decide(b, led: true)), Evaluation.Score(r.Utterance, r.Decide(bWithABars, led: true)), Sure(r, a), Sure(r, b))).ToList();
            scored.AddRange(mine);
            Console.WriteLine($"  {catalog}{(tuningCatalogs.Contains(catalog) ? " (tuning)" : "")} ({mine.Count}) | {Sum(mine, s => s.A).Totals} | {Sum(mine, s => s.B).Totals}");
        }

        var groups = new (string Name, Func<Scored, bool> Where)[]
        {
            ("all catalogs", _ => true),
            ("catalogs the tuning part does not have", s => !s.TuningCatalog),
            ("catalogs the tuning part has", s => s.TuningCatalog),
            ("tuning sentences (LOCO)", s => s.Tuning),
            ("development sentences", s => !s.Tuning),
            ("development check files", s => s.Check),
            ("development files but the check ones", s => !s.Tuning && !s.Check),
        };
        var totals = groups.ToDictionary(g => g.Name, g => (A: Sum(scored.Where(g.Where), s => s.A), B: Sum(scored.Where(g.Where), s => s.B)));
        foreach (var (name, (a, b)) in totals)
        {
            Console.WriteLine($"{name}: A {a.Totals} | B {b.Totals} | B with A's bars {Sum(scored.Where(groups.First(g => g.Name == name).Where), s => s.BWithABars).Totals}");
        }

        // Whatever the bars: how often the first candidate is right, and how well the sureness separates right from wrong.
        foreach (var (name, where) in groups.Where(g => g.Name is "all catalogs" or "catalogs the tuning part does not have" or "development check files"))
        {
            Console.WriteLine($"sureness out of sample, {name}: A {Separation(scored.Where(where).Select(s => s.SureA))} | B {Separation(scored.Where(where).Select(s => s.SureB))}");
        }

        var verdicts = new (string Bar, bool Holds)[]
        {
            ("1. top-1 higher, all catalogs", totals["all catalogs"].B.Top1.Hits > totals["all catalogs"].A.Top1.Hits),
            ("1. top-1 higher, catalogs the tuning part does not have", Higher(totals["catalogs the tuning part does not have"])),
            ("2. wrong forms and abstention not worse, all catalogs", NotWorse(totals["all catalogs"])),
            ("2. wrong forms and abstention not worse, catalogs the tuning part does not have", NotWorse(totals["catalogs the tuning part does not have"])),
            ("3. check files: top-1 higher, wrong forms and abstention not worse", Higher(totals["development check files"]) && NotWorse(totals["development check files"])),
            ("4. tuning sentences: wrong forms and abstention not worse", NotWorse(totals["tuning sentences (LOCO)"])),
        };
        foreach (var (bar, holds) in verdicts)
        {
            Console.WriteLine($"  {(holds ? "holds" : "FAILS")}: {bar}");
        }

        var passes = verdicts.All(v => v.Holds);
        Console.WriteLine($"ADR 0079's bar: B {(passes ? "passes" : "does not pass")}");
        return passes;
    }

    private static (double P, bool Right)? Sure(ReadUtterance r, MatchCalibration calibration)
    {
        if (!r.Weighed || r.Reading.Cosines is not { } cosines)
        {
            return null;
        }

        var first = SentenceLead.Judged(r.Reading.Ranked, r.Reading.QueryTerms, cosines, calibration);
        return (r.Judge(calibration).Probability, r.IsAskedFor(first[0].Item));
    }

    private static string Separation(IEnumerable<(double P, bool Right)?> sure)
    {
        var judged = sure.OfType<(double P, bool Right)>().ToList();
        var loss = judged.Average(j => -Math.Log(Math.Clamp(j.Right ? j.P : 1 - j.P, 1e-6, 1)));
        var (right, wrong) = (judged.Where(j => j.Right).Select(j => j.P).ToList(), judged.Where(j => !j.Right).Select(j => j.P).ToList());
        return $"{judged.Count} first candidates, {right.Count} right, log loss {loss:0.0000}, AUC {RocArea.Of(right, wrong):0.0000}";
    }

    private static bool Higher((Figures A, Figures B) t) => t.B.Top1.Hits > t.A.Top1.Hits;

    private static bool NotWorse((Figures A, Figures B) t) => t.B.WrongForm.Hits <= t.A.WrongForm.Hits && t.B.Abstention.Hits >= t.A.Abstention.Hits;

    private static Figures Sum(IEnumerable<Scored> scored, Func<Scored, Figures> figures) => scored.Aggregate(Figures.Empty, (sum, s) => sum + figures(s));
}
