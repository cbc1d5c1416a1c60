using System.Globalization;
using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// Whether reading the encoder's hubs as such puts the right item nearest (ADR 0077): the share of item sentences whose
/// nearest item (and whose three nearest, the meaning's candidates) hold the one asked for, by the plain cosine and by
/// each <see cref="HubCorrection"/>. Totals only (of every item sentence and of those the bot encodes).
/// </summary>
internal static class HubProbe
{
    private static readonly int[] Ks = [5, 10, int.MaxValue];
    private static readonly float[] Lambdas = [0.25f, 0.5f, 0.75f, 1f];

    public static void Run(IReadOnlyList<ReadUtterance> reads, ISentenceEncoder encoder, Evaluation evaluation)
    {
        HubCorrection?[] variants =
        [
            null,
            .. from reference in Enum.GetValues<HubReference>() from perText in new[] { false, true } from k in Ks from l in Lambdas
               select new HubCorrection(reference, k, l, perText),
        ];
        var exemplars = HubCorrection.Exemplars(encoder);
        var (first, three, encodedFirst) = (new int[variants.Length], new int[variants.Length], new int[variants.Length]);
        var (n, encodedN) = (0, 0);
        foreach (var set in reads.GroupBy(r => r.Set.Catalog))
        {
            var items = evaluation.LoadCatalog(set.Key).Items;
            var texts = HubCorrection.Texts(items, encoder);
            var offsets = variants.Select(v => v?.Offsets(texts, exemplars) ?? [.. texts.Select(ts => new float[ts.Length])]).ToArray();
            foreach (var r in set.Where(r => r.Utterance.Expect.StartsWith("item:", StringComparison.Ordinal)))
            {
                var right = r.Utterance.ItemIndexIn(items);
                var message = encoder.EncodeQuery(r.Utterance.Text);
                var encoded = r.Reading.Cosines is not null;
                (n, encodedN) = (n + 1, encodedN + (encoded ? 1 : 0));
                for (var v = 0; v < variants.Length; v++)
                {
                    var cosines = HubCorrection.Cosines(message, texts, offsets[v]);
                    var at = Enumerable.Range(0, cosines.Length).OrderByDescending(i => cosines[i]).ThenBy(i => i).ToList().IndexOf(right);
                    first[v] += at == 0 ? 1 : 0;
                    three[v] += at is >= 0 and < 3 ? 1 : 0;
                    encodedFirst[v] += at == 0 && encoded ? 1 : 0;
                }
            }
        }

        Console.WriteLine($"the item asked for nearest (among the three nearest), of {n} item sentences; nearest of the {encodedN} the bot encodes:");
        for (var v = 0; v < variants.Length; v++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {variants[v]?.ToString() ?? "plain",-36} {first[v],5} ({(double)first[v] / n:P1}) ({three[v]})  encoded {encodedFirst[v],4} ({(double)encodedFirst[v] / Math.Max(1, encodedN):P1})"));
        }
    }
}
