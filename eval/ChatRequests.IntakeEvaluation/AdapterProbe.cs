using System.Globalization;
using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// Whether a learned adapter of the message's vector (ADR 0081) puts the right item nearest in catalogs it was not fitted
/// on: each tuning catalog scored by the adapter fitted on the other six, the development sets by the one fitted on the
/// whole tuning part. Item sentences' nearest item right (among the three nearest; of those the bot encodes), and the AUC
/// of the best item cosine separating item sentences from "none" sentences. Totals only.
/// </summary>
internal static class AdapterProbe
{
    private static readonly AdapterShape[] Shapes =
    [
        new(0, 0.001f), new(0, 0.01f), new(8, 0.001f), new(8, 0.01f), new(16, 0.001f), new(16, 0.01f), new(32, 0.001f), new(32, 0.01f),
    ];

    /// <summary>One catalog's sentences: its item texts' vectors and, per item or "none" sentence, its vector, the item asked for (-1 for "none") and whether the bot encodes it.</summary>
    public sealed record Catalog(string Name, float[][][] Texts, List<(float[] Message, int Right, bool Encoded)> Sentences)
    {
        public IEnumerable<AdapterPair> Pairs => Sentences.Where(s => s.Right >= 0).Select(s => new AdapterPair(s.Message, Texts, s.Right));
    }

    public static void Run(string root, ISentenceEncoder encoder, double decisiveAt, AdapterShape? only)
    {
        var tuning = Catalogs(root, LabelledSet.Tuning, encoder, decisiveAt);
        var dev = Catalogs(root, LabelledSet.Development, encoder, decisiveAt);
        Console.WriteLine("nearest item right (right among three; right of those the bot encodes); AUC of the best item cosine, item against \"none\" sentences");
        Console.WriteLine($"  {"variant",-40} LOCO tuning ({Count(tuning)} items)         | dev, fitted on all tuning ({Count(dev)} items)");
        Console.WriteLine($"  {"plain",-40} {Line(tuning.Select(c => (c, (QueryAdapter?)null)))} | {Line(dev.Select(c => (c, (QueryAdapter?)null)))}");
        foreach (var shape in only is null ? Shapes : [only])
        {
            var folds = tuning.Select(c => (c, (QueryAdapter?)QueryAdapter.Fit([.. tuning.Where(o => o != c).SelectMany(o => o.Pairs)], shape))).ToList();
            var onAll = QueryAdapter.Fit([.. tuning.SelectMany(c => c.Pairs)], shape);
            Console.WriteLine($"  {shape,-40} {Line(folds)} | {Line(dev.Select(c => (c, (QueryAdapter?)onAll)))}");
        }
    }

    private static int Count(IEnumerable<Catalog> catalogs) => catalogs.Sum(c => c.Sentences.Count(s => s.Right >= 0));

    /// <summary>The part's sentences by catalog, encoded as the bot encodes a message.</summary>
    public static List<Catalog> Catalogs(string root, string part, ISentenceEncoder encoder, double decisiveAt)
    {
        var evaluation = Evaluation.Lexical(root);
        var reads = Calibration.Read(evaluation, LabelledSet.Load(root, part), encoder, decisiveAt);
        return [.. reads.GroupBy(r => r.Set.Catalog).Select(set =>
        {
            var items = evaluation.LoadCatalog(set.Key).Items.ToList();
            var sentences = set
                .Where(r => r.Utterance.Expect == "none" || r.Utterance.Expect.StartsWith("item:", StringComparison.Ordinal))
                .Select(r => (encoder.EncodeQuery(r.Utterance.Text), r.Utterance.ItemIndexIn(items), r.Reading.Cosines is not null))
                .ToList();
            return new Catalog(set.Key, HubCorrection.Texts(items, encoder), sentences);
        })];
    }

    /// <summary>The message's cosine with each item (its best text), the message mapped by the adapter first if any.</summary>
    public static float[] Cosines(float[] message, float[][][] texts, QueryAdapter? adapter)
    {
        return HubCorrection.Cosines(adapter?.Apply(message) ?? message, texts);
    }

    private static string Line(IEnumerable<(Catalog Catalog, QueryAdapter? Adapter)> scored)
    {
        var tally = new NearestTally(["adapter"]);
        var (items, nones) = (new List<float>(), new List<float>());
        foreach (var (catalog, adapter) in scored)
        {
            foreach (var (message, right, isEncoded) in catalog.Sentences)
            {
                var cosines = Cosines(message, catalog.Texts, adapter);
                if (right < 0)
                {
                    nones.Add(cosines.Max());
                    continue;
                }

                items.Add(cosines.Max());
                tally.Sentence(isEncoded);
                tally.Add(0, cosines, right, isEncoded);
            }
        }

        var (first, three, encodedFirst) = tally.Of(0);
        var encoded = tally.Encoded;
        return string.Create(CultureInfo.InvariantCulture, $"{first,5} ({three}; {encodedFirst}/{encoded}) AUC {RocArea.Of(items, nones):0.000}");
    }
}
