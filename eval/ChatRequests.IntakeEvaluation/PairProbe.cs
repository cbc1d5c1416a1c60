using System.Globalization;
using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// Two sentence models read together (ADR 0071): per catalog and all, the nearest item's top-1 and top-5 on item sentences
/// by each model alone and by fixed combinations of their cosines, and how each one's best cosine separates items from
/// "none". Items are encoded as the bot encodes them (<see cref="SemanticIndex.Texts"/>), messages as queries. Totals only.
/// </summary>
internal static class PairProbe
{
    private static readonly string[] Ways = ["MiniLM", "arctic", "mean of maxes", "max of means", "0.3 MiniLM + 0.7 arctic", "0.7 MiniLM + 0.3 arctic"];

    public static void Run(IReadOnlyList<LabelledSet> sets, ISentenceEncoder first, ISentenceEncoder second, Evaluation evaluation)
    {
        var tally = Ways.ToDictionary(w => w, _ => new Tally());
        foreach (var group in sets.GroupBy(s => s.Catalog))
        {
            var items = evaluation.LoadCatalog(group.Key).Items;
            var texts = items.Select(i => SemanticIndex.Texts(i).ToArray()).ToArray();
            var a = texts.Select(t => t.Select(first.Encode).ToArray()).ToArray();
            var b = texts.Select(t => t.Select(second.Encode).ToArray()).ToArray();
            var local = Ways.ToDictionary(w => w, _ => new Tally());
            foreach (var utterance in group.SelectMany(s => s.Utterances).Where(u => u.Expect == "none" || u.Expect.StartsWith("item:", StringComparison.Ordinal)))
            {
                var (qa, qb) = (first.EncodeQuery(utterance.Text), second.EncodeQuery(utterance.Text));
                var expected = utterance.Expect == "none" ? -1 : items.ToList().FindIndex(x => $"item:{x.Id}" == utterance.Expect);
                var perText = Enumerable.Range(0, items.Count).Select(i => a[i].Select((v, t) => (A: Vectors.Dot(v, qa), B: Vectors.Dot(b[i][t], qb))).ToArray()).ToArray();
                var maxA = perText.Select(p => p.Max(x => x.A)).ToArray();
                var maxB = perText.Select(p => p.Max(x => x.B)).ToArray();
                var cosines = new Dictionary<string, float[]>
                {
                    ["MiniLM"] = maxA,
                    ["arctic"] = maxB,
                    ["mean of maxes"] = [.. maxA.Zip(maxB, (x, y) => (x + y) / 2)],
                    ["max of means"] = [.. perText.Select(p => p.Max(x => (x.A + x.B) / 2))],
                    ["0.3 MiniLM + 0.7 arctic"] = [.. maxA.Zip(maxB, (x, y) => (0.3f * x) + (0.7f * y))],
                    ["0.7 MiniLM + 0.3 arctic"] = [.. maxA.Zip(maxB, (x, y) => (0.7f * x) + (0.3f * y))],
                };
                foreach (var (way, c) in cosines)
                {
                    var rank = utterance.Expect == "none" ? -1 : Enumerable.Range(0, items.Count).Count(i => c[i] > c[expected]);
                    local[way].Add(utterance.Expect == "none", rank, c.Max());
                }
            }

            Console.WriteLine($"{group.Key}: {string.Join("; ", Ways.Select(w => $"{w} {local[w].TopLine()}"))}");
            foreach (var way in Ways)
            {
                tally[way].Merge(local[way]);
            }
        }

        foreach (var way in Ways)
        {
            Console.WriteLine($"all / {way,-24} {tally[way].TopLine()}  AUC item vs none by best cosine {tally[way].Auc().ToString("0.000", CultureInfo.InvariantCulture)}");
        }
    }

    private sealed class Tally
    {
        private readonly List<float> _items = [];
        private readonly List<float> _nones = [];
        private int _top1;
        private int _top5;

        public void Add(bool none, int rank, float best)
        {
            if (none)
            {
                _nones.Add(best);
                return;
            }

            _items.Add(best);
            _top1 += rank == 0 ? 1 : 0;
            _top5 += rank < 5 ? 1 : 0;
        }

        public void Merge(Tally other)
        {
            _items.AddRange(other._items);
            _nones.AddRange(other._nones);
            _top1 += other._top1;
            _top5 += other._top5;
        }

        public string TopLine() => string.Create(CultureInfo.InvariantCulture, $"top-1 {_top1}/{_items.Count} ({(double)_top1 / Math.Max(1, _items.Count):P1}) top-5 {_top5} ({(double)_top5 / Math.Max(1, _items.Count):P1})");

        public double Auc() => RocArea.Of(_items, _nones);
    }
}
