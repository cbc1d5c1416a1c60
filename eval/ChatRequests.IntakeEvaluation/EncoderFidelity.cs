using ChatRequests.Core.Understanding;
using ChatRequests.SentenceEncoding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>How closely the slim encoder keeps the original's vectors and nearest items (ADR 0039), with its bars.</summary>
public sealed record FidelityFigures(int Sentences, double MeanCosine, double FirstPercentile, double Lowest, int SameNearest, int ItemSentences, int ItemSameNearest)
{
    public double Agreement => (double)SameNearest / Sentences;

    public double ItemAgreement => (double)ItemSameNearest / ItemSentences;

    /// <summary>The bars the slim model must keep, each missed one as a sentence (none: it keeps them all).</summary>
    /// <param name="agreement">The least share of sentences whose nearest item is the same (95% on all of them).</param>
    /// <param name="itemAgreement">The same for the sentences labelled with an item (97% on all of them).</param>
    public IEnumerable<string> Misses(double agreement = 0.95, double itemAgreement = 0.97)
    {
        if (MeanCosine < 0.995)
        {
            yield return $"mean cosine {MeanCosine:F4} < 0.995";
        }

        if (FirstPercentile < 0.99)
        {
            yield return $"1st percentile {FirstPercentile:F4} < 0.99";
        }

        if (Agreement < agreement)
        {
            yield return $"same nearest item {Agreement:P1} < {agreement:P0}";
        }

        if (ItemAgreement < itemAgreement)
        {
            yield return $"same nearest item for sentences labelled with one {ItemAgreement:P1} < {itemAgreement:P0}";
        }
    }

    public override string ToString() =>
        $"{Sentences} sentences: cosine mean {MeanCosine:F4}, 1st percentile {FirstPercentile:F4}, lowest {Lowest:F4}; same nearest item "
        + $"{SameNearest}/{Sentences} ({Agreement:P1}), for sentences labelled with an item {ItemSameNearest}/{ItemSentences} ({ItemAgreement:P1})";
}

/// <summary>
/// The slim model against the original on tuning sentences of eval/intake (never the held-out part): the cosine between
/// their vectors, and whether each sentence's nearest item of its catalog (name and description) is the same under
/// both. All 2,414 take minutes (<c>--encoder-fidelity</c>, on demand); the tests take a few of each catalog.
/// </summary>
public static class EncoderFidelity
{
    /// <param name="perCatalog">How many sentences of each catalog, evenly spread over its file; null: all.</param>
    public static FidelityFigures Measure(EncoderSession original, EncoderSession slim, string root, int? perCatalog = null)
    {
        var evaluation = Evaluation.Lexical(root);
        var cosines = new List<double>();
        var (sameNearest, itemSentences, itemSameNearest) = (0, 0, 0);
        foreach (var set in LabelledSet.Load(root, LabelledSet.Tuning))
        {
            var items = evaluation.LoadCatalog(set.Catalog).Items.Select(i => $"{i.Name} {i.Description}").ToList();
            var originalItems = items.Select(i => original.Encode(i)).ToList();
            var slimItems = items.Select(i => slim.Encode(i)).ToList();
            var step = perCatalog is { } n ? Math.Max(1, set.Utterances.Count / n) : 1;
            foreach (var utterance in set.Utterances.Where((_, i) => i % step == 0).Take(perCatalog ?? int.MaxValue))
            {
                var (a, b) = (original.Encode(utterance.Text), slim.Encode(utterance.Text));
                cosines.Add(Dot(a, b));
                var same = Nearest(a, originalItems) == Nearest(b, slimItems);
                sameNearest += same ? 1 : 0;
                if (utterance.Expect.StartsWith("item:", StringComparison.Ordinal))
                {
                    itemSentences++;
                    itemSameNearest += same ? 1 : 0;
                }
            }
        }

        cosines.Sort();
        return new FidelityFigures(cosines.Count, cosines.Average(), cosines[cosines.Count / 100], cosines[0], sameNearest, itemSentences, itemSameNearest);
    }

    private static int Nearest(float[] vector, List<float[]> items)
    {
        var best = 0;
        for (var i = 1; i < items.Count; i++)
        {
            best = Dot(vector, items[i]) > Dot(vector, items[best]) ? i : best;
        }

        return best;
    }

    private static float Dot(float[] a, float[] b) => Vectors.Dot(a, b);
}
