using System.Globalization;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>Where an item text's neighbours are looked for (ADR 0077): the exemplars no catalog owns, the catalog's other items, or both.</summary>
internal enum HubReference { Exemplars, Items, Both }

/// <summary>
/// A CSLS-like correction of the encoder's item cosines (ADR 0077, measured and not taken): a text's cosine less λ·r, r its
/// mean cosine to its k nearest points of the <see cref="HubReference"/>, per text (<paramref name="PerText"/>, then the
/// item's best) or per item (r of the item's best text to each point). Centred on the catalog's mean offset, so the
/// cosines keep their scale for the bars that read them and only their order within a message moves.
/// <c>--hub-correction exemplars|items|both K|all L</c> (per text; the probe measures per item too).
/// </summary>
internal sealed record HubCorrection(HubReference Reference, int K, float Lambda, bool PerText = true)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Reference.ToString().ToLowerInvariant()} {(PerText ? "text" : "item")}-level k={(K == int.MaxValue ? "all" : K.ToString(CultureInfo.InvariantCulture))} l={Lambda}");

    public static bool TryParse(string reference, string k, string lambda, out HubCorrection? correction)
    {
        correction = Enum.TryParse<HubReference>(reference, ignoreCase: true, out var r)
            && (k == "all" || int.TryParse(k, CultureInfo.InvariantCulture, out _))
            && float.TryParse(lambda, CultureInfo.InvariantCulture, out var l)
            ? new HubCorrection(r, k == "all" ? int.MaxValue : int.Parse(k, CultureInfo.InvariantCulture), l)
            : null;
        return correction is not null;
    }

    /// <summary>The exemplars' vectors, encoded as queries as <see cref="SemanticIndex"/> encodes them.</summary>
    public static float[][] Exemplars(ISentenceEncoder encoder) =>
        [.. CommandExemplars.All.Select(x => x.Text).Concat(NoneExemplars.All).Select(encoder.EncodeQuery)];

    /// <summary>Each item's texts' vectors, as <see cref="SemanticIndex"/> builds them.</summary>
    public static float[][][] Texts(IReadOnlyList<CatalogItem> items, ISentenceEncoder encoder) =>
        [.. items.Select(i => SemanticIndex.Texts(i).Select(encoder.Encode).ToArray())];

    /// <summary>What is taken off each text's cosine (λ·r less its mean over the catalog's texts).</summary>
    public float[][] Offsets(float[][][] texts, float[][] exemplars)
    {
        float[] Neighbours(int i, float[] t) => Reference switch
        {
            HubReference.Exemplars => [.. exemplars.Select(e => Vectors.Dot(t, e))],
            HubReference.Items => OtherItems(i, t),
            _ => [.. exemplars.Select(e => Vectors.Dot(t, e)), .. OtherItems(i, t)],
        };
        float[] OtherItems(int i, float[] t) => [.. texts.Where((_, j) => j != i).Select(us => us.Max(u => Vectors.Dot(t, u)))];

        var offsets = texts.Select((ts, i) =>
        {
            var perText = ts.Select(t => Neighbours(i, t)).ToArray();
            return PerText
                ? perText.Select(n => Lambda * TopMean(n, K)).ToArray()
                : Enumerable.Repeat(Lambda * TopMean([.. Enumerable.Range(0, perText[0].Length).Select(x => perText.Max(n => n[x]))], K), ts.Length).ToArray();
        }).ToArray();
        var mean = offsets.SelectMany(o => o).DefaultIfEmpty(0).Average();
        return [.. offsets.Select(o => o.Select(x => x - mean).ToArray())];
    }

    /// <summary>
    /// The message's cosine with each item: its best text's, each text's less its offset when there are offsets. The one row of
    /// item cosines of the probes (the hub, lending and adapter probes).
    /// </summary>
    public static float[] Cosines(float[] message, float[][][] texts, float[][]? offsets = null) =>
        [.. texts.Select((ts, i) => ts.Select((t, x) => Vectors.Dot(t, message) - (offsets?[i][x] ?? 0)).Max())];

    /// <summary>The readings the encoder read, their cosines (and the senses' nearest item) corrected; the others as they were.</summary>
    public List<ReadUtterance> Apply(IReadOnlyList<ReadUtterance> reads, ISentenceEncoder encoder, Evaluation evaluation)
    {
        var exemplars = Exemplars(encoder);
        return EncodedReads.Rewritten(reads, evaluation, items =>
        {
            var texts = Texts(items, encoder);
            var offsets = Offsets(texts, exemplars);
            return reading => Corrected(reading, encoder, texts, offsets);
        });
    }

    private static Reading Corrected(Reading reading, ISentenceEncoder encoder, float[][][] texts, float[][] offsets)
    {
        var cosines = Cosines(encoder.EncodeQuery(reading.Text), texts, offsets);
        return reading with { Cosines = cosines, Senses = reading.Senses! with { ItemCosine = cosines.Length == 0 ? 0 : cosines.Max() } };
    }

    private static float TopMean(float[] values, int k) => values.Length == 0 ? 0 : values.OrderDescending().Take(k).Average();
}
