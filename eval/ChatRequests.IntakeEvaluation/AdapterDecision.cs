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
        var texts = tuning.Concat(dev).Select(r => r.Set.Catalog).Distinct().ToDictionary(c => c, c => HubCorrection.Texts(lexical.LoadCatalog(c).Items, encoder));
        Console.WriteLine($"adapter: {shape}; calibration: --targets {options.Targets.WrongForm} {options.Targets.Abstention}{(options.GoalsFirst ? " --goals-first" : "")}");

        var plain = Calibration.LeaveOneCatalogOut(tuning, led: true, options).Total;
        var adapted = Figures.Empty;
        foreach (var name in tuning.Select(r => r.Set.Name).Distinct().Order(StringComparer.Ordinal))
        {
            var fold = Adapted(tuning, QueryAdapter.Fit(Pairs(tuning.Where(r => r.Set.Name != name), texts, encoder), shape), texts, encoder);
            var calibration = Calibration.Fit([.. fold.Where(r => r.Set.Name != name)], led: true, options);
            adapted += Calibration.Score(fold.Where(r => r.Set.Name == name), calibration, led: true);
        }

        Console.WriteLine("leave-one-catalog-out (top-1 / reachable / wrong forms / abstention)");
        Console.WriteLine($"  plain   {Text(plain)}");
        Console.WriteLine($"  adapted {Text(adapted)}");

        var choosing = DevChoice.ChoosingCatalogs(devSets);
        var onAll = QueryAdapter.Fit(Pairs(tuning, texts, encoder), shape);
        Console.WriteLine("development sets, fitted on the whole tuning part: choosing half | confirming half | all");
        foreach (var (label, adapter) in new[] { ("plain  ", (QueryAdapter?)null), ("adapted", onAll) })
        {
            var (t, d) = adapter is null ? (tuning, dev) : (Adapted(tuning, adapter, texts, encoder), Adapted(dev, adapter, texts, encoder));
            var calibration = Calibration.Fit(t, led: true, options);
            var (first, second) = (d.Where(r => choosing.Contains(DevChoice.CatalogName(r.Set))).ToList(), d.Where(r => !choosing.Contains(DevChoice.CatalogName(r.Set))).ToList());
            Console.WriteLine($"  {label} {DevChoice.Line(first, calibration)} | {DevChoice.Line(second, calibration)} | {DevChoice.Line(d, calibration)}");
        }
    }

    private static List<AdapterPair> Pairs(IEnumerable<ReadUtterance> reads, Dictionary<string, float[][][]> texts, ISentenceEncoder encoder) =>
    [
        .. from r in reads
           where r.Utterance.Expect.StartsWith("item:", StringComparison.Ordinal)
           let right = r.Reading.Index.Items.ToList().FindIndex(i => r.Utterance.Expect == $"item:{i.Id}")
           where right >= 0
           select new AdapterPair(encoder.EncodeQuery(r.Utterance.Text), texts[r.Set.Catalog], right),
    ];

    /// <summary>The readings the encoder read, their item cosines (and the senses' nearest item) from the adapted message; the others as they were.</summary>
    private static List<ReadUtterance> Adapted(IReadOnlyList<ReadUtterance> reads, QueryAdapter adapter, Dictionary<string, float[][][]> texts, ISentenceEncoder encoder) =>
    [
        .. reads.Select(r =>
        {
            if (r.Reading.Cosines is null)
            {
                return r;
            }

            var cosines = AdapterProbe.Cosines(encoder.EncodeQuery(r.Reading.Text), texts[r.Set.Catalog], adapter);
            return r with { Reading = r.Reading with { Cosines = cosines, Senses = r.Reading.Senses! with { ItemCosine = cosines.Length == 0 ? 0 : cosines.Max() } } };
        }),
    ];

    private static string Text(Figures f) =>
        $"{f.Top1.Hits}/{f.Top1.Cases} {f.Reachable.Hits} {f.WrongForm.Hits}/{f.WrongForm.Cases} ({f.WrongForm.Value:P1}) {f.Abstention.Hits}/{f.Abstention.Cases} ({f.Abstention.Value:P1})";
}
