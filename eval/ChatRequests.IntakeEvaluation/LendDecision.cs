using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// The decision with other catalogs' sentences lent to like items (ADR 0083), against the plain cosines, each refitted the
/// same way (the options given: <c>--goals-first --targets 0.02 0.93</c> for the bar). Leave-one-catalog-out: the fold's
/// catalog lends nothing at all, each other catalog borrows from the remaining five, the calibration is fitted on those and
/// scores the fold's catalog. Development sets: the tuning catalogs each borrowing from the other six, the calibration fitted
/// on them, each development set borrowing from the tuning catalogs but its own; scored by halves. Totals only.
/// </summary>
internal static class LendDecision
{
    public static void Run(string root, ISentenceEncoder encoder, double decisiveAt, FitOptions options, Lending lending)
    {
        var lexical = Evaluation.Lexical(root);
        var tuningSets = LabelledSet.Load(root, LabelledSet.Tuning);
        var tuning = Calibration.Read(lexical, tuningSets, encoder, decisiveAt);
        var lenders = Lending.Lenders(tuningSets, lexical, encoder);
        Console.WriteLine($"{lending}; calibration: --targets {options.Targets.WrongForm} {options.Targets.Abstention}{(options.GoalsFirst ? " --goals-first" : "")}");

        var plain = Calibration.LeaveOneCatalogOut(tuning, led: true, options).Total;
        var lent = Figures.Empty;
        foreach (var catalog in tuningSets.Select(s => s.Catalog).Distinct())
        {
            var fold = lending.Apply(tuning, encoder, lexical, lenders, new HashSet<string> { catalog });
            var calibration = Calibration.Fit([.. fold.Where(r => r.Set.Catalog != catalog)], led: true, options);
            lent += Calibration.Score(fold.Where(r => r.Set.Catalog == catalog), calibration, led: true);
        }

        Console.WriteLine("leave-one-catalog-out (top-1 / reachable / wrong forms / abstention)");
        Console.WriteLine($"  plain  {plain.Totals}");
        Console.WriteLine($"  lent   {lent.Totals}");

        var devSets = LabelledSet.Load(root, LabelledSet.Development);
        var dev = Calibration.Read(lexical, devSets, encoder, decisiveAt);
        var choosing = DevChoice.ChoosingCatalogs(devSets);
        var none = new HashSet<string>();
        var lentTuning = lending.Apply(tuning, encoder, lexical, lenders, none);
        var lentDev = lending.Apply(dev, encoder, lexical, lenders, none);
        Console.WriteLine("development sets, fitted on the whole tuning part: tuning in sample | choosing half | confirming half");
        foreach (var (name, training, scored) in new[] { ("plain", tuning, dev), ("lent", lentTuning, lentDev) })
        {
            var calibration = Calibration.Fit(training, led: true, options);
            var (first, second) = DevChoice.Halves(scored, choosing);
            Console.WriteLine($"  {name,-6} {DevChoice.Line(training, calibration)} | {DevChoice.Line(first, calibration)} | {DevChoice.Line(second, calibration)}");
        }
    }
}
