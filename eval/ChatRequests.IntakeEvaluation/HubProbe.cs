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
        var tally = new NearestTally([.. variants.Select(v => v?.ToString() ?? "plain")]);
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
                tally.Sentence(encoded);
                for (var v = 0; v < variants.Length; v++)
                {
                    tally.Add(v, HubCorrection.Cosines(message, texts, offsets[v]), right, encoded);
                }
            }
        }

        tally.Print();
    }
}
