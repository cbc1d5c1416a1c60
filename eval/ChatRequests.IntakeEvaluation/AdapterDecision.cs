using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// The decision with a learned adapter of the message's vector (ADR 0081), against the plain cosines, each refitted the
/// same way (the options given: <c>--goals-first --targets 0.02 0.93</c> for the bar). Leave-one-catalog-out: each fold's
/// adapter is fitted without the catalog left out, the calibration on the other catalogs' adapted readings, scored on the
/// left-out one's. Development sets: the adapter and the calibration fitted on the whole tuning part, scored by halves
/// (<see cref="DevChoice.ChoosingCatalogs"/>). Totals only.
/// </summary>
internal static class AdapterDecision
{
    public static void Run(string root, ISentenceEncoder encoder, double decisiveAt, FitOptions options, AdapterShape shape)
    {
        var lexical = Evaluation.Lexical(root);
        var tuning = Calibration.Read(lexical, LabelledSet.Load(root, LabelledSet.Tuning), encoder, decisiveAt);
        var devSets = LabelledSet.Load(root, LabelledSet.Development);
        var dev = Calibration.Read(lexical, devSets, encoder, decisiveAt);
        var catalogs = tuning.Concat(dev).Select(r => r.Set.Catalog).Distinct().ToDictionary(c => c, c => lexical.LoadCatalog(c).Items);
        var texts = catalogs.ToDictionary(c => c.Key, c => HubCorrection.Texts(c.Value, encoder));
        List<AdapterPair> Pairs(IEnumerable<ReadUtterance> reads) =>
        [
            .. from r in reads
               let right = r.Utterance.ItemIndexIn(catalogs[r.Set.Catalog])
               where right >= 0
               select new AdapterPair(encoder.EncodeQuery(r.Utterance.Text), texts[r.Set.Catalog], right),
        ];

        Console.WriteLine($"adapter: {shape}; calibration: --targets {options.Targets.WrongForm} {options.Targets.Abstention}{(options.GoalsFirst ? " --goals-first" : "")}");

        var plain = Calibration.LeaveOneCatalogOut(tuning, led: true, options).Total;
        var names = tuning.Select(r => r.Set.Name).Distinct().Order(StringComparer.Ordinal).ToList();
        var without = new Dictionary<string, QueryAdapter>();
        QueryAdapter Without(params string[] left) => without.TryGetValue(string.Join("+", left.Order(StringComparer.Ordinal)), out var a) ? a
            : without[string.Join("+", left.Order(StringComparer.Ordinal))] = QueryAdapter.Fit(Pairs(tuning.Where(r => !left.Contains(r.Set.Name))), shape);
        var (adapted, kept, crossFitted) = (Figures.Empty, Figures.Empty, Figures.Empty);
        foreach (var name in names)
        {
            foreach (var keepScale in new[] { false, true })
            {
                var fold = Adapted(tuning, _ => Without(name), texts, encoder, keepScale);
                var calibration = Calibration.Fit([.. fold.Where(r => r.Set.Name != name)], led: true, options);
                var figures = Calibration.Score(fold.Where(r => r.Set.Name == name), calibration, led: true);
                (adapted, kept) = keepScale ? (adapted, kept + figures) : (adapted + figures, kept);
            }

            // The calibration's own rows read by adapters fitted without their catalog too, so it learns how far an adapted cosine is to be trusted out of sample.
            var nested = Adapted(tuning, other => other == name ? Without(name) : Without(name, other), texts, encoder, keepScale: false);
            var nestedCalibration = Calibration.Fit([.. nested.Where(r => r.Set.Name != name)], led: true, options);
            crossFitted += Calibration.Score(nested.Where(r => r.Set.Name == name), nestedCalibration, led: true);
        }

        Console.WriteLine("leave-one-catalog-out (top-1 / reachable / wrong forms / abstention)");
        Console.WriteLine($"  plain                 {plain.Totals}");
        Console.WriteLine($"  adapted               {adapted.Totals}");
        Console.WriteLine($"  adapted, plain best   {kept.Totals}");
        Console.WriteLine($"  adapted, cross-fitted {crossFitted.Totals}");

        var choosing = DevChoice.ChoosingCatalogs(devSets);
        var onAll = QueryAdapter.Fit(Pairs(tuning), shape);
        Console.WriteLine("development sets, fitted on the whole tuning part: choosing half | confirming half | all");
        var variants = new (string Label, Func<string, QueryAdapter>? ForTuning, bool KeepScale)[]
        {
            ("plain                ", null, false), ("adapted              ", _ => onAll, false), ("adapted, plain best  ", _ => onAll, true),
            ("adapted, cross-fitted", name => Without(name), false),
        };
        foreach (var (label, forTuning, keepScale) in variants)
        {
            var (t, d) = forTuning is null ? (tuning, dev) : (Adapted(tuning, forTuning, texts, encoder, keepScale), Adapted(dev, _ => onAll, texts, encoder, keepScale));
            var calibration = Calibration.Fit(t, led: true, options);
            var (first, second) = DevChoice.Halves(d, choosing);
            Console.WriteLine($"  {label} {DevChoice.Line(first, calibration)} | {DevChoice.Line(second, calibration)} | {DevChoice.Line(d, calibration)}");
        }
    }

    /// <summary>
    /// The readings the encoder read, their item cosines (and the senses' nearest item) from the adapted message; the others as
    /// they were; each set's by its own adapter (<paramref name="adapterOf"/> its name). With <paramref name="keepScale"/> the adapted cosines are shifted so that their best is the plain best: the
    /// adapter orders the items, the bars that read the best cosine (the candidates' floor, the "none" lead) read it as before.
    /// </summary>
    private static List<ReadUtterance> Adapted(IReadOnlyList<ReadUtterance> reads, Func<string, QueryAdapter> adapterOf, Dictionary<string, float[][][]> texts, ISentenceEncoder encoder, bool keepScale) =>
    [
        .. reads.Select(r =>
        {
            if (r.Reading.Cosines is null)
            {
                return r;
            }

            var cosines = AdapterProbe.Cosines(encoder.EncodeQuery(r.Reading.Text), texts[r.Set.Catalog], adapterOf(r.Set.Name));
            if (keepScale && cosines.Length > 0)
            {
                var shift = r.Reading.Cosines.Max() - cosines.Max();
                cosines = [.. cosines.Select(c => c + shift)];
            }

            return r with { Reading = r.Reading with { Cosines = cosines, Senses = r.Reading.Senses! with { ItemCosine = cosines.Length == 0 ? 0 : cosines.Max() } } };
        }),
    ];
}
