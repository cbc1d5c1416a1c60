using System.Globalization;
using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// Whether other catalogs' labelled sentences lent to a like item put the right item nearest (ADR 0083): each tuning catalog
/// borrowing from the other six (leave-one-catalog-out), each development set from the tuning catalogs but its own; the
/// item sentences whose nearest item (among the three nearest) is the one asked for, plain and under each <see cref="Lending"/>,
/// of all and of those the bot encodes; then how many items of each catalog borrow, and a few pairs (item names only).
/// </summary>
internal static class LendProbe
{
    private static readonly float[] Bars = [0.6f, 0.7f, 0.8f];
    private static readonly float[] Steps = [0f, 0.05f, 0.1f];
    /// <summary>The bars with the same head (a lower bar, the head being the stricter test).</summary>
    private static readonly float[] HeadBars = [0.5f, 0.6f];

    public static void Run(string root, ISentenceEncoder encoder, double decisiveAt)
    {
        var lexical = Evaluation.Lexical(root);
        var tuningSets = LabelledSet.Load(root, LabelledSet.Tuning);
        var lenders = Lending.Lenders(tuningSets, lexical, encoder);
        Console.WriteLine($"lenders: {lenders.Count} tuning items with {lenders.Sum(l => l.Sentences.Length)} labelled sentences");
        Lending?[] variants = [null, .. from b in Bars from s in Steps select new Lending(b, s), .. from b in HeadBars from s in Steps select new Lending(b, s, SameHead: true)];
        foreach (var part in new[] { LabelledSet.Tuning, LabelledSet.Development })
        {
            var reads = Calibration.Read(lexical, LabelledSet.Load(root, part), encoder, decisiveAt);
            var tally = new NearestTally([.. variants.Select(v => v?.ToString() ?? "plain")]);
            var borrowing = new List<string>();
            // The time the lent sentences add to a message (their cosines), at the variant the tuning part chose (ADR 0083).
            var timed = Array.FindIndex(variants, v => v == new Lending(0.7f, 0.1f));
            var (clock, lentSentences, catalogs) = (new System.Diagnostics.Stopwatch(), 0, 0);
            foreach (var set in reads.GroupBy(r => r.Set.Catalog))
            {
                var items = lexical.LoadCatalog(set.Key).Items;
                var texts = HubCorrection.Texts(items, encoder);
                var passages = Lending.Passages(items, encoder);
                var names = items.Select(i => i.Name).ToList();
                var borrowed = variants.Select(v => v?.Borrowed(set.Key, passages, lenders, new HashSet<string>(), names)).ToArray();
                (lentSentences, catalogs) = (lentSentences + borrowed[timed]!.Sum(b => b.Sum(l => l.Sentences.Length)), catalogs + 1);
                borrowing.Add(Borrowing(Evaluation.CatalogName(set.Key), names, passages, borrowed, variants));
                foreach (var r in set.Where(r => r.Utterance.Expect.StartsWith("item:", StringComparison.Ordinal)))
                {
                    var right = r.Utterance.ItemIndexIn(items);
                    var message = encoder.EncodeQuery(r.Utterance.Text);
                    var own = HubCorrection.Cosines(message, texts);
                    var encoded = r.Reading.Cosines is not null;
                    tally.Sentence(encoded);
                    for (var v = 0; v < variants.Length; v++)
                    {
                        if (v == timed)
                        {
                            clock.Start();
                        }

                        var cosines = variants[v]?.Cosines(message, own, borrowed[v]!) ?? own;
                        clock.Stop();
                        tally.Add(v, cosines, right, encoded);
                    }
                }
            }

            tally.Print($"{part}: ");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{part}: {variants[timed]}: {(double)lentSentences / catalogs:0} lent sentences per catalog, {clock.Elapsed.TotalMicroseconds / tally.Sentences:0.0} us per message for their cosines"));
            Console.WriteLine($"{part}: items that borrow (of the catalog's), by bar; a few pairs at each bar (item <- lender, catalog, cosine):");
            borrowing.ForEach(Console.WriteLine);
        }
    }

    private static string Borrowing(string catalog, List<string> names, float[][] passages, List<Lender>[]?[] borrowed, Lending?[] variants)
    {
        var lines = new List<string>();
        foreach (var bar in Bars)
        {
            var v = Array.FindIndex(variants, x => x is { } l && l.Bar == bar && !l.SameHead);
            var b = borrowed[v]!;
            var items = Enumerable.Range(0, b.Length).Where(i => b[i].Count > 0).ToList();
            var pairs = items.Take(4).Select(i => b[i].MaxBy(l => Vectors.Dot(passages[i], l.Passage)) is { } l
                ? string.Create(CultureInfo.InvariantCulture, $"{names[i]} <- {l.Name} ({Evaluation.CatalogName(l.Catalog)}, {Vectors.Dot(passages[i], l.Passage):0.00})")
                : "");
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"    {bar:0.0}: {items.Count}/{b.Length} items, {items.Sum(i => b[i].Count)} lenders, {items.Sum(i => b[i].Sum(l => l.Sentences.Length))} sentences; {string.Join("; ", pairs)}"));
        }

        return $"  {catalog}:\n{string.Join("\n", lines)}";
    }
}
