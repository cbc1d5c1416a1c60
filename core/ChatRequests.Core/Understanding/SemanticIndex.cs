using System.Runtime.CompilerServices;
using ChatRequests.Core.Catalog;

namespace ChatRequests.Core.Understanding;

/// <summary>
/// Every item of a catalog as sentence vectors (ADR 0038): its name with its description, each of its synonyms and
/// each of its keywords. A message is as close to an item as to the nearest of them (measured on the tuning part: the
/// nearest item is the one asked for in 86.5% of item sentences, against 62.4% by the name alone and 83.1% by name and
/// description). The item texts are passages, a message is a query (<see cref="ISentenceEncoder.EncodeQuery"/>, ADR 0048).
/// </summary>
internal sealed class SemanticIndex
{
    /// <summary>
    /// The command, fault and "none" exemplars' vectors, once per encoder: they are no catalog's, so a catalog reload (and each
    /// catalog of the evaluation) reuses them (ADR 0048). Encoded as queries: they are what people write.
    /// </summary>
    private static readonly ConditionalWeakTable<ISentenceEncoder, (string Kind, float[] Vector)[]> ExemplarVectors = new();

    private readonly float[][][] _vectors;
    private readonly (string Kind, float[] Vector)[] _exemplars;

    public SemanticIndex(IReadOnlyList<CatalogItem> items, ISentenceEncoder encoder)
    {
        Items = items;
        _vectors = [.. items.Select(item => Texts(item).Select(encoder.Encode).ToArray())];
        _exemplars = ExemplarVectors.GetValue(encoder, e =>
            [.. CommandExemplars.All.Concat(NoneExemplars.All.Select(t => (Kind: NoneExemplars.Kind, Text: t))).Select(x => (x.Kind, e.EncodeQuery(x.Text)))]);
    }

    /// <summary>The catalog's list of items these vectors are of: another list is another catalog.</summary>
    public IReadOnlyList<CatalogItem> Items { get; }

    public static IEnumerable<string> Texts(CatalogItem item) =>
        new[] { string.IsNullOrWhiteSpace(item.Description) ? item.Name : $"{item.Name}. {item.Description}" }
            .Concat(item.Synonyms).Concat(item.Keywords).Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>The cosine of the message with each item (its nearest text), in the catalog's order.</summary>
    public float[] Cosines(float[] message)
    {
        var cosines = new float[_vectors.Length];
        for (var i = 0; i < _vectors.Length; i++)
        {
            var best = float.MinValue;
            foreach (var vector in _vectors[i])
            {
                best = Math.Max(best, Vectors.Dot(vector, message));
            }

            cosines[i] = best;
        }

        return cosines;
    }

    /// <summary>
    /// How close the message is to the nearest command exemplar (and which command), the nearest fault, the nearest item
    /// (its <paramref name="cosines"/>; ADR 0045) and the nearest ask no catalog provides (ADR 0050).
    /// </summary>
    public Senses Senses(float[] message, float[] cosines)
    {
        var (command, commandCosine, faultCosine, noneCosine) = ((ChatCommand?)null, float.MinValue, float.MinValue, float.MinValue);
        foreach (var (kind, vector) in _exemplars)
        {
            var cosine = Vectors.Dot(vector, message);
            if (kind == CommandExemplars.Fault)
            {
                faultCosine = Math.Max(faultCosine, cosine);
            }
            else if (kind == NoneExemplars.Kind)
            {
                noneCosine = Math.Max(noneCosine, cosine);
            }
            else if (cosine > commandCosine)
            {
                (command, commandCosine) = (Enum.Parse<ChatCommand>(kind), cosine);
            }
        }

        return new Senses(command!.Value, commandCosine, faultCosine, cosines.Length == 0 ? 0 : cosines.Max(), noneCosine);
    }
}
