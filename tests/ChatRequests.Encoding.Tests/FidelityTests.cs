using ChatRequests.IntakeEvaluation;
using ChatRequests.Testing;
using Xunit.Abstractions;

namespace ChatRequests.SentenceEncoding.Tests;

/// <summary>
/// The slim model against the original on every tuning sentence of eval/intake (never the held-out part): the
/// cosine between their vectors, and whether each sentence's nearest item of its catalog (name and description) is
/// the same under both. The figures are in bench/README.md, "Encoder speed".
/// </summary>
public sealed class FidelityTests(EncoderModels models, ITestOutputHelper output) : IClassFixture<EncoderModels>
{
    [Fact]
    public void SlimModel_KeepsTheOriginalsVectorsAndNearestItems()
    {
        var evaluation = Evaluation.Lexical(RepositoryPaths.Root);
        var cosines = new List<float>();
        var sameNearest = 0;
        var itemSentences = 0;
        var itemSameNearest = 0;
        foreach (var set in LabelledSet.Load(RepositoryPaths.Root, LabelledSet.Tuning))
        {
            var items = evaluation.LoadCatalog(set.Catalog).Items.Select(i => $"{i.Name} {i.Description}").ToList();
            var originalItems = items.Select(i => models.Original.Encode(i)).ToList();
            var slimItems = items.Select(i => models.Slim.Encode(i)).ToList();
            foreach (var utterance in set.Utterances)
            {
                var original = models.Original.Encode(utterance.Text);
                var slim = models.Slim.Encode(utterance.Text);
                cosines.Add(EncoderModels.Cosine(original, slim));
                var same = Nearest(original, originalItems) == Nearest(slim, slimItems);
                sameNearest += same ? 1 : 0;
                if (utterance.Expect.StartsWith("item:", StringComparison.Ordinal))
                {
                    itemSentences++;
                    itemSameNearest += same ? 1 : 0;
                }
            }
        }

        cosines.Sort();
        var mean = cosines.Average();
        var firstPercentile = cosines[cosines.Count / 100];
        var agreement = (double)sameNearest / cosines.Count;
        var itemAgreement = (double)itemSameNearest / itemSentences;
        output.WriteLine($"{cosines.Count} sentences: cosine mean {mean:F4}, 1st percentile {firstPercentile:F4}, lowest {cosines[0]:F4}");
        output.WriteLine($"same nearest item: {sameNearest}/{cosines.Count} ({agreement:P1}); sentences labelled with an item {itemSameNearest}/{itemSentences} ({itemAgreement:P1})");

        Assert.True(cosines.Count > 2000, "the tuning part is missing");
        Assert.True(mean >= 0.995, $"mean cosine {mean:F4}");
        Assert.True(firstPercentile >= 0.99, $"1st percentile {firstPercentile:F4}");
        Assert.True(agreement >= 0.95, $"same nearest item {agreement:P1}");
        Assert.True(itemAgreement >= 0.97, $"same nearest item for the sentences labelled with one {itemAgreement:P1}");
    }

    private static int Nearest(float[] vector, List<float[]> items)
    {
        var best = 0;
        for (var i = 1; i < items.Count; i++)
        {
            if (EncoderModels.Cosine(vector, items[i]) > EncoderModels.Cosine(vector, items[best]))
            {
                best = i;
            }
        }

        return best;
    }
}
