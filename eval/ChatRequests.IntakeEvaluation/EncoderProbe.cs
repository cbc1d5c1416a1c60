using System.Globalization;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// What the sentence encoder alone knows of the tuning part (ADR 0038's first measurement): per catalog, its nearest item's
/// top-1 and top-5 on item sentences under several ways of encoding an item, how the best cosine separates items from
/// "none", commands and fault reports, and how often it is right where the words' ranking is wrong.
/// </summary>
internal static class EncoderProbe
{
    private static readonly (string Name, Func<CatalogItem, IEnumerable<string>> Texts)[] Variants =
    [
        ("name", i => [i.Name]),
        ("name+description", i => [$"{i.Name}. {i.Description}"]),
        ("max(name, synonyms)", i => [i.Name, .. i.Synonyms]),
        ("max(name, synonyms, keywords)", i => [i.Name, .. i.Synonyms, .. i.Keywords]),
        ("max(name+description, synonyms, keywords)", i => [$"{i.Name}. {i.Description}", .. i.Synonyms, .. i.Keywords]),
        ("max(name, name+description, synonyms, keywords)", i => [i.Name, $"{i.Name}. {i.Description}", .. i.Synonyms, .. i.Keywords]),
        ("one passage: name. description. synonyms, keywords", i => [$"{i.Name}. {i.Description}. {string.Join(", ", i.Synonyms.Concat(i.Keywords))}"]),
        ("max(one passage, name+description, synonyms, keywords)", i => [$"{i.Name}. {i.Description}. {string.Join(", ", i.Synonyms.Concat(i.Keywords))}", $"{i.Name}. {i.Description}", .. i.Synonyms, .. i.Keywords]),
    ];

    public static void Run(IReadOnlyList<ReadUtterance> reads, ISentenceEncoder encoder, Evaluation evaluation)
    {
        var sentences = reads.ToDictionary(r => r, r => encoder.EncodeQuery(r.Utterance.Text));
        foreach (var (variant, texts) in Variants)
        {
            Console.WriteLine($"variant {variant}");
            var (all1, all5, allN, encRightLexWrong, lexRightEncWrong) = (0, 0, 0, 0, 0);
            var best = new List<(string Kind, float Cosine)>();
            foreach (var set in reads.GroupBy(r => r.Set.Catalog))
            {
                var items = evaluation.LoadCatalog(set.Key).Items;
                var vectors = items.Select(i => texts(i).Select(encoder.Encode).ToArray()).ToArray();
                var (top1, top5, n) = (0, 0, 0);
                foreach (var r in set)
                {
                    var cosines = vectors.Select(v => v.Max(x => Vectors.Dot(x, sentences[r]))).ToArray();
                    var order = Enumerable.Range(0, items.Count).OrderByDescending(i => cosines[i]).ToArray();
                    var kind = r.Utterance.Expect.Split(':')[0];
                    best.Add((kind, cosines[order[0]]));
                    if (kind != "item")
                    {
                        continue;
                    }

                    var right = Array.FindIndex(order, i => $"item:{items[i].Id}" == r.Utterance.Expect);
                    n++;
                    top1 += right == 0 ? 1 : 0;
                    top5 += right is >= 0 and < 5 ? 1 : 0;
                    encRightLexWrong += right == 0 && !r.TopIsRight ? 1 : 0;
                    lexRightEncWrong += right != 0 && r.TopIsRight ? 1 : 0;
                }

                Console.WriteLine($"  {set.First().Set.Name,-12} top-1 {Pct(top1, n)}  top-5 {Pct(top5, n)}");
                (all1, all5, allN) = (all1 + top1, all5 + top5, allN + n);
            }

            Console.WriteLine($"  {"all",-12} top-1 {Pct(all1, allN)}  top-5 {Pct(all5, allN)}; right where the words' top is wrong {encRightLexWrong}, wrong where it is right {lexRightEncWrong}");
            foreach (var kind in best.Select(b => b.Kind).Distinct())
            {
                var c = best.Where(b => b.Kind == kind).Select(b => b.Cosine).Order().ToArray();
                Console.WriteLine(FormattableString.Invariant($"    best cosine, {kind,-9}: p10 {c[c.Length / 10]:0.00} median {c[c.Length / 2]:0.00} p90 {c[c.Length * 9 / 10]:0.00}"));
            }

            var items1 = best.Where(b => b.Kind == "item").Select(b => b.Cosine).ToArray();
            foreach (var kind in new[] { "none", "command", "incident" })
            {
                var other = best.Where(b => b.Kind == kind).Select(b => b.Cosine).ToArray();
                var auc = RocArea.Of(items1, other);
                Console.WriteLine(FormattableString.Invariant($"    AUC item vs {kind} by best cosine: {auc:0.000}"));
            }
        }
    }

    /// <summary>
    /// How the nearest "none" exemplar's lead over the nearest item (ADR 0050) separates "none" sentences from item
    /// sentences, of all and of those the words are decisive about (not encoded in the bot).
    /// </summary>
    public static void NoneLead(IReadOnlyList<ReadUtterance> reads, ISentenceEncoder encoder, Evaluation evaluation)
    {
        var leads = new List<(string Kind, bool Decisive, float Lead, float None)>();
        foreach (var set in reads.GroupBy(r => r.Set.Catalog))
        {
            var semantic = new SemanticIndex(evaluation.LoadCatalog(set.Key).Items, encoder);
            foreach (var r in set.Where(r => r.Utterance.Expect == "none" || r.Utterance.Expect.StartsWith("item:", StringComparison.Ordinal)))
            {
                var vector = encoder.EncodeQuery(r.Utterance.Text);
                var senses = semantic.Senses(vector, semantic.Cosines(vector));
                leads.Add((r.Utterance.Expect.Split(':')[0], r.Reading.Cosines is null, senses.NoneCosine - senses.ItemCosine, senses.NoneCosine));
            }
        }

        foreach (var decisive in new bool?[] { null, false, true })
        {
            var of = leads.Where(l => decisive is null || l.Decisive == decisive).ToList();
            var items = of.Where(l => l.Kind == "item").Select(l => l.Lead).ToArray();
            var nones = of.Where(l => l.Kind == "none").Select(l => l.Lead).ToArray();
            var auc = RocArea.Of(nones, items);
            Console.WriteLine(FormattableString.Invariant($"none lead ({(decisive is null ? "all" : decisive.Value ? "words decisive" : "encoded")}): {nones.Length} none, {items.Length} item sentences; AUC none vs item {auc:0.000}"));
            foreach (var at in new[] { -0.15f, -0.1f, -0.05f, 0f, 0.05f, 0.1f, 0.15f })
            {
                Console.WriteLine(FormattableString.Invariant($"    lead >= {at:0.00}: none {nones.Count(l => l >= at)}, item {items.Count(l => l >= at)}"));
            }
        }
    }

    private static string Pct(int hits, int cases) => string.Create(CultureInfo.InvariantCulture, $"{(double)hits / Math.Max(1, cases):P1} ({hits}/{cases})");
}
