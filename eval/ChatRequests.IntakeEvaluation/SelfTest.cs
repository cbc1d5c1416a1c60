using System.Globalization;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>How a catalog's own cosines are put on the common scale (ADR 0087): none, affinely by its R and N, or shifted by its N.</summary>
internal enum SelfScale
{
    Affine,
    Shift,
}

/// <summary>
/// Which questions a catalog asks itself (ADR 0087): each of its items' texts without that text, or each item's name in a fixed
/// frame ("I need a new …", <see cref="SelfTest.Frame"/>) without the item's name-and-description passage.
/// </summary>
internal enum SelfQuestions
{
    Texts,
    Framed,
}

/// <summary>
/// What a catalog says of its own cosines when it asks itself questions it knows the answers to (ADR 0087): each item's texts
/// (<see cref="SemanticIndex.Texts"/>) read as a message against the catalog without that text, and the "none" exemplars
/// (no item's) against the whole catalog. <paramref name="Right"/>: the median cosine of a text's own item (the best of its
/// other texts); <paramref name="None"/>: the median best cosine of a "none" exemplar; <paramref name="Error"/>: the share of
/// texts whose own item is not nearest; <paramref name="Lead"/>: the median cosine of the own item less the best other's;
/// <paramref name="Asked"/>: how many texts asked (an item of one text asks nothing).
/// </summary>
internal sealed record SelfTest(double Right, double None, double Error, double Lead, int Asked)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"R {Right:0.000}  N {None:0.000}  R-N {Right - None:0.000}  error {Error:0.000}  lead {Lead:0.000}  ({Asked} texts)");

    /// <summary>The frame an item's name is asked in: catalog-agnostic, what a person might write.</summary>
    public static string Frame(string name) => $"I need a new {name}";

    /// <summary>
    /// The self-test on the item texts' vectors (passages; for all-MiniLM-L6-v2 the same as queries) and the "none" exemplars'
    /// query vectors; with <paramref name="framed"/> (each item's framed name as a query), those are the questions, each read
    /// without its item's first text (the name-and-description passage).
    /// </summary>
    public static SelfTest Of(float[][][] items, IReadOnlyList<float[]> none, IReadOnlyList<float[]>? framed = null)
    {
        var (rights, leads, errors) = (new List<double>(), new List<double>(), 0);
        for (var i = 0; i < items.Length; i++)
        {
            var texts = items[i];
            if (texts.Length < 2)
            {
                continue;
            }

            for (var t = 0; t < (framed is null ? texts.Length : 1); t++)
            {
                var query = framed is null ? texts[t] : framed[i];
                var own = float.MinValue;
                for (var u = 0; u < texts.Length; u++)
                {
                    own = u == t ? own : Math.Max(own, Vectors.Dot(texts[u], query));
                }

                var other = BestOf(items, query, skip: i);
                rights.Add(own);
                leads.Add(own - other);
                errors += other > own ? 1 : 0;
            }
        }

        var nones = none.Select(v => (double)BestOf(items, v, skip: -1)).ToList();
        return new SelfTest(Median(rights), Median(nones), rights.Count == 0 ? 0 : (double)errors / rights.Count, Median(leads), rights.Count);
    }

    /// <summary>The self-test of a catalog's items read by an encoder (the vectors the bot's <see cref="SemanticIndex"/> holds).</summary>
    public static SelfTest Of(IReadOnlyList<CatalogItem> items, ISentenceEncoder encoder, SelfQuestions questions = SelfQuestions.Texts) =>
        Of(
            [.. items.Select(item => SemanticIndex.Texts(item).Select(encoder.Encode).ToArray())],
            [.. NoneExemplars.All.Select(encoder.EncodeQuery)],
            questions == SelfQuestions.Framed ? [.. items.Select(item => encoder.EncodeQuery(Frame(item.Name)))] : null);

    /// <summary>A message's item cosines on the common scale: this catalog's R and N mapped onto <paramref name="reference"/>'s.</summary>
    public float[] Mapped(float[] cosines, SelfTest reference, SelfScale scale)
    {
        var mapped = new float[cosines.Length];
        var gain = scale == SelfScale.Affine && Right > None ? (reference.Right - reference.None) / (Right - None) : 1;
        for (var i = 0; i < cosines.Length; i++)
        {
            mapped[i] = (float)(reference.None + ((cosines[i] - None) * gain));
        }

        return mapped;
    }

    /// <summary>The mean of the catalogs' readings: the reference scale.</summary>
    public static SelfTest Mean(IReadOnlyCollection<SelfTest> tests) =>
        new(tests.Average(t => t.Right), tests.Average(t => t.None), tests.Average(t => t.Error), tests.Average(t => t.Lead), tests.Sum(t => t.Asked));

    private static float BestOf(float[][][] items, float[] query, int skip)
    {
        var best = float.MinValue;
        for (var j = 0; j < items.Length; j++)
        {
            if (j == skip)
            {
                continue;
            }

            foreach (var vector in items[j])
            {
                best = Math.Max(best, Vectors.Dot(vector, query));
            }
        }

        return best;
    }

    /// <summary>The median of the values (sorted in place); 0 of none.</summary>
    public static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
