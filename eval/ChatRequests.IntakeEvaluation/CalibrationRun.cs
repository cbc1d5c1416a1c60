using ChatRequests.Core.Understanding;
using static ChatRequests.IntakeEvaluation.Report;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// <c>--fit</c> and <c>--loco</c>: the match calibration fitted on the whole tuning part (printed as the stored line is
/// written) and leave-one-catalog-out, each catalog decided by the fit on the others; then the probes that read those folds.
/// </summary>
internal sealed class CalibrationRun(EvalOptions options, string root, ISentenceEncoder? encoder, ISentenceEncoder? second)
{
    private bool Led => encoder is not null;

    public int Run()
    {
        var reads = TuningReads();
        var encoded = reads.Count(r => r.Reading.Cosines is not null);
        Console.WriteLine($"messages encoded: {encoded} of {reads.Count} ({(double)encoded / reads.Count:P1})");
        // The development sets read the same way, fitted on beside the tuning part with --fit-on tuning+dev (ADR 0079).
        var alsoFitOn = options.FitOn == FitOn.Tuning ? [] : Calibration.Read(Evaluation.Lexical(root), LabelledSet.Load(root, LabelledSet.Development), encoder, options.DecisiveAt, options.NoneLead);
        alsoFitOn = options.Hub is not null && encoder is not null && alsoFitOn.Count > 0 ? options.Hub.Apply(alsoFitOn, encoder, Evaluation.Lexical(root)) : alsoFitOn;
        Console.WriteLine($"fitted on: {(options.FitOn == FitOn.Tuning ? "the tuning part" : $"the tuning part and {FitOnMore.Training(alsoFitOn, options.FitOn).Count} development sentences (no check file)")}");
        var fittedOnAll = options.Fit ? FitOnAll(reads, alsoFitOn) : null;
        return options.Loco ? LeaveOneCatalogOut(reads, alsoFitOn, fittedOnAll) : 0;
    }

    /// <summary>The tuning part read as the options say: the words, the encoder and its parts, then any hub correction, query text or second opinion.</summary>
    private List<ReadUtterance> TuningReads()
    {
        var reads = Calibration.Read(Evaluation.Lexical(root), LabelledSet.Load(root, LabelledSet.Tuning), encoder, options.DecisiveAt, options.NoneLead, options.PartsReading);
        if (options.Hub is not null && encoder is not null)
        {
            Console.WriteLine($"hub correction: {options.Hub}");
            reads = options.Hub.Apply(reads, encoder, Evaluation.Lexical(root));
        }

        if (options.QueryText is not null && encoder is not null)
        {
            Console.WriteLine($"the encoder reads: {options.QueryText}");
            reads = QueryText.Apply(reads, encoder, Evaluation.Lexical(root), options.QueryText);
        }

        if (second is not null)
        {
            Console.WriteLine($"the second opinion: {second.Model}");
            reads = SecondOpinion.Apply(reads, second, Evaluation.Lexical(root));
        }

        if (options.CatalogShape && encoder is not null)
        {
            Console.WriteLine("the catalog's shape: read");
            reads = CatalogShapeReading.Apply(reads, encoder, Evaluation.Lexical(root));
        }

        if (options.Late && encoder is CachedEncoder tokens)
        {
            (reads, var cost) = LateReads.Apply(reads, tokens, Evaluation.Lexical(root), options.LateMix);
            LateReads.PrintCost(cost);
        }

        return reads;
    }

    private MatchCalibration FitOnAll(List<ReadUtterance> reads, List<ReadUtterance> alsoFitOn)
    {
        var fitted = Calibration.Fit(FitOnMore.Training(reads.Concat(alsoFitOn), options.FitOn), Led, options.FitOptions);
        Console.WriteLine(Calibration.Describe(fitted));
        var items = reads.Where(r => r.Utterance.Expect.StartsWith("item:", StringComparison.Ordinal)).ToList();
        Console.WriteLine($"the ranking's top is the item asked for in {items.Count(r => r.TopIsRight)} of {items.Count} item utterances");
        if (Led)
        {
            var best = items.Count(r => r.Reading.Cosines is { } c && SentenceLead.Judged(r.Reading.Ranked, r.Reading.QueryTerms, c, fitted) is [var b, ..] && r.IsAskedFor(b.Item));
            var among = items.Count(r => r.Reading.Cosines is { } c && SentenceLead.Candidates(r.Reading.Ranked, c).Any(r.IsAskedFor));
            var encodedItems = items.Count(r => r.Reading.Cosines is not null);
            Console.WriteLine($"of the {encodedItems} item utterances encoded, the lead's first candidate is the item asked for in {best}, a candidate in {among}");
        }

        PrintFigures("tuning / all catalogs, fitted on all of them", Calibration.Score(reads, fitted, Led));
        return fitted;
    }

    private int LeaveOneCatalogOut(List<ReadUtterance> reads, List<ReadUtterance> alsoFitOn, MatchCalibration? fittedOnAll)
    {
        var (rows, total) = options.FitOn == FitOn.Tuning ? Calibration.LeaveOneCatalogOut(reads, Led, options.FitOptions) : FitOnMore.LeaveOneCatalogOut(reads, alsoFitOn, Led, options.FitOptions);
        foreach (var (name, calibration, figures) in rows)
        {
            PrintFigures($"leave-one-catalog-out / {name} (fitted on the others: form at p >= {calibration.FormAt:0.###}, or {calibration.RuleFormAt:0.###} with the rule{(calibration.AgreedFormAt is { } agreedAt ? $", {agreedAt:0.###} agreed" : "")}; band {calibration.CloseBand})", figures);
            if (options.Failures)
            {
                ListFailures(reads.Where(r => r.Set.Name == name), name, calibration);
            }
        }

        PrintFigures("leave-one-catalog-out / all catalogs", total);
        if (encoder is not null)
        {
            Probes(reads, rows, fittedOnAll, encoder);
        }

        return total.Misses().Any() ? 1 : 0;
    }

    // What the issue puts first, out of sample: a "none" offered anything, an item given another item's form.
    private void ListFailures(IEnumerable<ReadUtterance> reads, string name, MatchCalibration calibration)
    {
        foreach (var r in reads)
        {
            var meaning = r.Decide(calibration, Led);
            var wrongForm = meaning.Kind == MeaningKind.Item && r.Utterance.Expect != $"item:{meaning.Items[0].Item.Id}" && r.Utterance.Expect.StartsWith("item:", StringComparison.Ordinal);
            var noneOffered = r.Utterance.Expect == "none" && meaning.Kind is MeaningKind.Item or MeaningKind.Choice or MeaningKind.Suggestion;
            if (wrongForm || noneOffered)
            {
                Console.WriteLine($"    [{name}] \"{r.Utterance.Text}\" expected {r.Utterance.Expect}; got {Describe(meaning)}{(Led && r.Reading.Cosines is null ? " (read by the words alone)" : "")}");
            }
        }
    }

    /// <summary>The probes that read the folds (each asked for by its flag; the encoder's reads only).</summary>
    private void Probes(List<ReadUtterance> reads, IReadOnlyList<(string Name, MatchCalibration Calibration, Figures Figures)> rows, MatchCalibration? fittedOnAll, ISentenceEncoder encoder)
    {
        if (options.ReachProbe)
        {
            ReachProbe.Run(reads, rows, encoder, Evaluation.Lexical(root), options.Failures);
        }

        if (options.SureProbe)
        {
            SureProbe.Run(reads, rows, options.FitOptions.SureShape);
        }

        var folds = rows.SelectMany(row => reads.Where(r => r.Set.Name == row.Name).Select(r => (r, row.Calibration)));
        if (options.SecondProbe && second is not null)
        {
            FoldsAndHalves(SecondOpinion.Probe, dev => SecondOpinion.Apply(dev, second, Evaluation.Lexical(root)), folds, reads, fittedOnAll);
        }

        if (options.CatalogShapeProbe)
        {
            FoldsAndHalves(CatalogShapeReading.Probe, dev => CatalogShapeReading.Apply(dev, encoder, Evaluation.Lexical(root)), folds, reads, fittedOnAll);
        }

        if (options.LateProbe && encoder is CachedEncoder tokens)
        {
            LateReads.Order("leave-one-catalog-out, tuning", reads);
            LateReads.Probe("leave-one-catalog-out, tuning", folds);
            var devSets = LabelledSet.Load(root, LabelledSet.Development);
            var (devReads, _) = LateReads.Apply(DevelopmentReads(devSets), tokens, Evaluation.Lexical(root));
            var onAll = fittedOnAll ?? Calibration.Fit(reads, Led, options.FitOptions);
            var (choosing, confirming) = DevChoice.Halves(devReads, DevChoice.ChoosingCatalogs(devSets));
            LateReads.Order("development sets, choosing half", choosing);
            LateReads.Order("development sets, confirming half", confirming);
            LateReads.Probe("development sets, choosing half, fitted on the tuning part", choosing.Select(r => (r, onAll)));
            LateReads.Probe("development sets, confirming half, fitted on the tuning part", confirming.Select(r => (r, onAll)));
        }

        if (options.FormProbe)
        {
            FormProbe.Run(reads, rows, options.Failures);
        }

        if (options.OrderProbe)
        {
            OrderProbe.Run("leave-one-catalog-out, tuning", folds);
            var devSets = LabelledSet.Load(root, LabelledSet.Development);
            var devReads = DevelopmentReads(devSets);
            var onDev = fittedOnAll ?? EncoderCalibration.For(encoder.Model).Match;
            var (choosing, confirming) = DevChoice.Halves(devReads, DevChoice.ChoosingCatalogs(devSets));
            OrderProbe.Run($"development sets, choosing half, {(fittedOnAll is null ? "stored calibration" : "fitted on the tuning part")}", choosing.Select(r => (r, onDev)));
            Console.WriteLine($"development sets (top-1 / reachable / wrong forms / abstention): choosing {DevChoice.Line(choosing, onDev)} | confirming {DevChoice.Line(confirming, onDev)} | all {DevChoice.Line(devReads, onDev)}");
        }
    }

    /// <summary>
    /// A probe of the first candidates LOCO, then of the development sets' halves (read by <paramref name="readDev"/>) under the
    /// fit on the whole tuning part.
    /// </summary>
    private void FoldsAndHalves(
        Action<string, IEnumerable<(ReadUtterance Read, MatchCalibration Calibration)>> probe, Func<List<ReadUtterance>, List<ReadUtterance>> readDev,
        IEnumerable<(ReadUtterance, MatchCalibration)> folds, List<ReadUtterance> reads, MatchCalibration? fittedOnAll)
    {
        probe("leave-one-catalog-out, tuning", folds);
        var devSets = LabelledSet.Load(root, LabelledSet.Development);
        var devReads = readDev(DevelopmentReads(devSets));
        var onAll = fittedOnAll ?? Calibration.Fit(reads, Led, options.FitOptions);
        var (choosing, confirming) = DevChoice.Halves(devReads, DevChoice.ChoosingCatalogs(devSets));
        probe("development sets, choosing half, fitted on the tuning part", choosing.Select(r => (r, onAll)));
        probe("development sets, confirming half, fitted on the tuning part", confirming.Select(r => (r, onAll)));
    }

    private List<ReadUtterance> DevelopmentReads(IReadOnlyList<LabelledSet> devSets) =>
        Calibration.Read(Evaluation.Lexical(root), devSets, encoder, options.DecisiveAt, parts: options.PartsReading);
}
