using System.Diagnostics;
using System.Globalization;
using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// A catalog calibrating itself from its own texts (ADR 0087, <c>--self-calibrate Affine|Shift</c> with <c>--loco</c> or
/// <c>--dev-choice</c>, <c>--self-probe</c>). The probe: each catalog's <see cref="SelfTest"/> beside its real figures at
/// today's bars (a tuning catalog under its leave-one-catalog-out fold, a development catalog under the fit on the whole
/// tuning part), their rank correlations across catalogs, and the self-test's time on a catalog of 200 items. The decision:
/// every encoded reading's item cosines mapped onto the common scale by its catalog's self-test, refitted as the current
/// engine is, against the plain cosines refitted the same way. Totals and per-catalog rates only; no sentence is listed.
/// </summary>
internal static class SelfCalibration
{
    public static void Probe(string root, ISentenceEncoder encoder, double decisiveAt, FitOptions options, SelfQuestions questions)
    {
        var (lexical, tuningSets, devSets) = Load(root);
        var tuning = Calibration.Read(lexical, tuningSets, encoder, decisiveAt);
        var dev = Calibration.Read(lexical, devSets, encoder, decisiveAt);
        var tests = Tests(lexical, encoder, tuningSets.Concat(devSets), questions);

        var rows = new List<(string Name, SelfTest Test, Figures Figures)>();
        foreach (var (name, _, figures) in Calibration.LeaveOneCatalogOut(tuning, led: true, options).Rows)
        {
            var catalog = tuningSets.First(s => s.Name == name).Catalog;
            rows.Add(($"tuning {Evaluation.CatalogName(catalog)}", tests[catalog], figures));
        }

        var fitted = Calibration.Fit(tuning, led: true, options);
        var tuningCatalogs = tuningSets.Select(s => s.Catalog).ToHashSet();
        foreach (var catalog in dev.Select(r => r.Set.Catalog).Distinct().Where(c => !tuningCatalogs.Contains(c)).Order(StringComparer.Ordinal))
        {
            rows.Add(($"dev {Evaluation.CatalogName(catalog)}", tests[catalog], Calibration.Score(dev.Where(r => r.Set.Catalog == catalog), fitted, led: true)));
        }

        Console.WriteLine($"questions: {questions}");
        Console.WriteLine("catalog | self-test | top-1 rate, wrong-form rate, abstention (today's bars, out of sample)");
        foreach (var (name, test, figures) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-22} {test} | {figures.Top1.Value:0.000} {figures.WrongForm.Value:0.000} {figures.Abstention.Value:0.000}"));
        }

        var readings = new (string Name, Func<SelfTest, double> Of)[]
        {
            ("R", t => t.Right), ("N", t => t.None), ("R-N", t => t.Right - t.None), ("error", t => t.Error), ("lead", t => t.Lead),
        };
        var outcomes = new (string Name, Func<Figures, double> Of)[]
        {
            ("top-1", f => f.Top1.Value ?? 0), ("wrong forms", f => f.WrongForm.Value ?? 0), ("abstention", f => f.Abstention.Value ?? 0),
        };
        Console.WriteLine($"Spearman rho (Pearson r) across {rows.Count} catalogs:");
        foreach (var (name, of) in readings)
        {
            var x = rows.Select(r => of(r.Test)).ToArray();
            var line = string.Join("  ", outcomes.Select(o =>
            {
                var y = rows.Select(r => o.Of(r.Figures)).ToArray();
                return string.Create(CultureInfo.InvariantCulture, $"{o.Name} {Spearman(x, y):+0.00;-0.00;+0.00} ({Pearson(x, y):+0.00;-0.00;+0.00})");
            }));
            Console.WriteLine($"  {name,-6} {line}");
        }

        Scale(lexical, encoder, tuningSets.Concat(devSets.Where(s => !tuningCatalogs.Contains(s.Catalog))), tests);
        Timed(lexical, encoder, tuningSets, questions);
    }

    /// <summary>
    /// Whether the self-test reads the catalog's scale at all: against what people's sentences give with every sentence encoded
    /// (the median cosine of the item asked for, the median best cosine of a "none" ask, the share of item asks whose item is not nearest).
    /// </summary>
    private static void Scale(Evaluation lexical, ISentenceEncoder encoder, IEnumerable<LabelledSet> sets, Dictionary<string, SelfTest> tests)
    {
        var rows = new List<(SelfTest Test, SelfTest Real)>();
        foreach (var catalog in sets.GroupBy(s => s.Catalog))
        {
            var items = lexical.LoadCatalog(catalog.Key).Items;
            float[][][] vectors = [.. items.Select(item => SemanticIndex.Texts(item).Select(encoder.Encode).ToArray())];
            var index = new SemanticIndex(items, encoder);
            var (rights, nones, misses) = (new List<double>(), new List<double>(), 0);
            foreach (var utterance in catalog.SelectMany(s => s.Utterances))
            {
                var asked = utterance.ItemIndexIn(items);
                if (asked < 0 && utterance.Expect != "none")
                {
                    continue;
                }

                var cosines = index.Cosines(encoder.EncodeQuery(utterance.Text));
                if (asked < 0)
                {
                    nones.Add(cosines.Max());
                    continue;
                }

                rights.Add(cosines[asked]);
                misses += cosines.Where((c, i) => i != asked && c > cosines[asked]).Any() ? 1 : 0;
            }

            rows.Add((tests[catalog.Key], new SelfTest(SelfTest.Median(rights), SelfTest.Median(nones), rights.Count == 0 ? 0 : (double)misses / rights.Count, 0, rights.Count)));
        }

        string Pair(Func<SelfTest, double> of) =>
            string.Create(CultureInfo.InvariantCulture, $"{Spearman([.. rows.Select(r => of(r.Test))], [.. rows.Select(r => of(r.Real))]):+0.00;-0.00;+0.00} ({Pearson([.. rows.Select(r => of(r.Test))], [.. rows.Select(r => of(r.Real))]):+0.00;-0.00;+0.00})");
        Console.WriteLine($"the self-test against people's sentences, every one encoded ({rows.Count} catalogs), Spearman rho (Pearson r):");
        Console.WriteLine($"  R vs the asked item's median cosine {Pair(t => t.Right)};  N vs a \"none\" ask's median best cosine {Pair(t => t.None)};  R-N {Pair(t => t.Right - t.None)};  error vs the share of item asks whose item is not nearest {Pair(t => t.Error)}");
    }

    public static void Decide(string root, ISentenceEncoder encoder, double decisiveAt, FitOptions options, SelfScale scale, SelfQuestions questions)
    {
        var (lexical, tuningSets, devSets) = Load(root);
        var tuning = Calibration.Read(lexical, tuningSets, encoder, decisiveAt);
        var dev = Calibration.Read(lexical, devSets, encoder, decisiveAt);
        var tests = Tests(lexical, encoder, tuningSets.Concat(devSets), questions);
        var reference = SelfTest.Mean([.. tuningSets.Select(s => s.Catalog).Distinct().Select(c => tests[c])]);
        Console.WriteLine($"self-calibrate {scale}, questions {questions}; reference {reference}; calibration: --targets {options.Targets.WrongForm} {options.Targets.Abstention}{(options.GoalsFirst ? " --goals-first" : "")}");
        var (mappedTuning, mappedDev) = (Mapped(tuning, tests, reference, scale), Mapped(dev, tests, reference, scale));

        Console.WriteLine("leave-one-catalog-out (top-1 / reachable / wrong forms / abstention)");
        Console.WriteLine($"  plain  {Calibration.LeaveOneCatalogOut(tuning, led: true, options).Total.Totals}");
        Console.WriteLine($"  self   {Calibration.LeaveOneCatalogOut(mappedTuning, led: true, options).Total.Totals}");

        var choosing = DevChoice.ChoosingCatalogs(devSets);
        Console.WriteLine("development sets, fitted on the whole tuning part: tuning in sample | choosing half | confirming half");
        foreach (var (name, training, scored) in new[] { ("plain", tuning, dev), ("self", mappedTuning, mappedDev) })
        {
            var calibration = Calibration.Fit(training, led: true, options);
            var (first, second) = DevChoice.Halves(scored, choosing);
            Console.WriteLine($"  {name,-6} {DevChoice.Line(training, calibration)} | {DevChoice.Line(first, calibration)} | {DevChoice.Line(second, calibration)}");
            Console.WriteLine($"         {Calibration.Describe(calibration)}");
        }
    }

    /// <summary>The readings the encoder read with their item cosines on the common scale; the senses keep the raw cosines (their exemplars' scale).</summary>
    public static List<ReadUtterance> Mapped(IEnumerable<ReadUtterance> reads, IReadOnlyDictionary<string, SelfTest> tests, SelfTest reference, SelfScale scale) =>
    [
        .. reads.Select(r => r.Reading.Cosines is not { } cosines ? r
            : r with { Reading = r.Reading with { Cosines = tests[r.Set.Catalog].Mapped(cosines, reference, scale) } }),
    ];

    private static (Evaluation Lexical, List<LabelledSet> Tuning, List<LabelledSet> Dev) Load(string root) =>
        (Evaluation.Lexical(root), [.. LabelledSet.Load(root, LabelledSet.Tuning)], [.. LabelledSet.Load(root, LabelledSet.Development)]);

    private static Dictionary<string, SelfTest> Tests(Evaluation lexical, ISentenceEncoder encoder, IEnumerable<LabelledSet> sets, SelfQuestions questions) =>
        sets.Select(s => s.Catalog).Distinct().ToDictionary(c => c, c => SelfTest.Of(lexical.LoadCatalog(c).Items, encoder, questions));

    /// <summary>The self-test's time on 200 items (the tuning catalogs' first 200), from vectors held as the bot holds them.</summary>
    private static void Timed(Evaluation lexical, ISentenceEncoder encoder, IEnumerable<LabelledSet> tuningSets, SelfQuestions questions)
    {
        var items = tuningSets.Select(s => s.Catalog).Distinct().SelectMany(c => lexical.LoadCatalog(c).Items).Take(200).ToList();
        float[][][] vectors = [.. items.Select(item => SemanticIndex.Texts(item).Select(encoder.Encode).ToArray())];
        float[][] none = [.. NoneExemplars.All.Select(encoder.EncodeQuery)];
        // The framed names are encoded at load (cached here: their encoding, about 2.6 ms each on one thread, is not in this time).
        float[][]? framed = questions == SelfQuestions.Framed ? [.. items.Select(item => encoder.EncodeQuery(SelfTest.Frame(item.Name)))] : null;
        var times = new List<double>();
        for (var run = 0; run < 5; run++)
        {
            var watch = Stopwatch.StartNew();
            SelfTest.Of(vectors, none, framed);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"self-test of {items.Count} items ({vectors.Sum(v => v.Length)} texts, {none.Length} none exemplars): median {times[2]:0.0} ms of 5 runs (min {times[0]:0.0}, max {times[4]:0.0}), vectors held"));
    }

    private static double Spearman(double[] x, double[] y) => Pearson(Ranks(x), Ranks(y));

    private static double[] Ranks(double[] values)
    {
        var order = values.Select((v, i) => (v, i)).OrderBy(p => p.v).ToArray();
        var ranks = new double[values.Length];
        for (var k = 0; k < order.Length;)
        {
            var end = k;
            while (end + 1 < order.Length && order[end + 1].v == order[k].v)
            {
                end++;
            }

            for (var m = k; m <= end; m++)
            {
                ranks[order[m].i] = (k + end) / 2.0;
            }

            k = end + 1;
        }

        return ranks;
    }

    private static double Pearson(double[] x, double[] y)
    {
        var (mx, my) = (x.Average(), y.Average());
        var (sxy, sxx, syy) = (0.0, 0.0, 0.0);
        for (var i = 0; i < x.Length; i++)
        {
            (sxy, sxx, syy) = (sxy + ((x[i] - mx) * (y[i] - my)), sxx + ((x[i] - mx) * (x[i] - mx)), syy + ((y[i] - my) * (y[i] - my)));
        }

        return sxx == 0 || syy == 0 ? 0 : sxy / Math.Sqrt(sxx * syy);
    }
}
