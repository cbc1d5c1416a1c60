using System.Buffers;
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
    private static readonly ConditionalWeakTable<ISentenceEncoder, Exemplars> ExemplarVectors = new();

    // Each distinct item text's vector once, one after another (a keyword several items share is one row): a message's
    // cosines read about 1 MB instead of 2 (200 generated items), so less of the encoder's weights is pushed out of the caches.
    private readonly float[] _rows;
    private readonly int _width;
    // Item i's rows: _itemRows[_firstOf[i].._firstOf[i + 1]].
    private readonly int[] _itemRows;
    private readonly int[] _firstOf;
    private readonly Exemplars _exemplars;

    public SemanticIndex(IReadOnlyList<CatalogItem> items, ISentenceEncoder encoder)
    {
        Items = items;
        var rowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var vectors = new List<float[]>();
        var itemRows = new List<int>();
        _firstOf = new int[items.Count + 1];
        for (var i = 0; i < items.Count; i++)
        {
            foreach (var text in Texts(items[i]))
            {
                if (!rowOf.TryGetValue(text, out var row))
                {
                    rowOf[text] = row = vectors.Count;
                    vectors.Add(encoder.Encode(text));
                }

                itemRows.Add(row);
            }

            _firstOf[i + 1] = itemRows.Count;
        }

        (_rows, _width) = Rows(vectors);
        _itemRows = [.. itemRows];
        _exemplars = ExemplarVectors.GetValue(encoder, e => Exemplars.Of(
            [.. CommandExemplars.All.Concat(NoneExemplars.All.Select(t => (Kind: NoneExemplars.Kind, Text: t))).Select(x => (x.Kind, e.EncodeQuery(x.Text)))]));
    }

    /// <summary>The catalog's list of items these vectors are of: another list is another catalog.</summary>
    public IReadOnlyList<CatalogItem> Items { get; }

    public static IEnumerable<string> Texts(CatalogItem item) =>
        new[] { string.IsNullOrWhiteSpace(item.Description) ? item.Name : $"{item.Name}. {item.Description}" }
            .Concat(item.Synonyms).Concat(item.Keywords).Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>The cosine of the message with each item (its nearest text), in the catalog's order.</summary>
    public float[] Cosines(float[] message)
    {
        var rows = _rows.Length / Math.Max(_width, 1);
        var dots = ArrayPool<float>.Shared.Rent(rows);
        try
        {
            Vectors.DotRows(_rows, message.AsSpan(0, rows == 0 ? 0 : _width), dots.AsSpan(0, rows));
            var cosines = new float[_firstOf.Length - 1];
            for (var i = 0; i < cosines.Length; i++)
            {
                var best = float.MinValue;
                for (var n = _firstOf[i]; n < _firstOf[i + 1]; n++)
                {
                    best = Math.Max(best, dots[_itemRows[n]]);
                }

                cosines[i] = best;
            }

            return cosines;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(dots);
        }
    }

    /// <summary>
    /// How close the message is to the nearest command exemplar (and which command), the nearest fault, the nearest item
    /// (its <paramref name="cosines"/>; ADR 0045) and the nearest ask no catalog provides (ADR 0050).
    /// </summary>
    public Senses Senses(float[] message, float[] cosines)
    {
        var (command, commandCosine, faultCosine, noneCosine) = ((ChatCommand?)null, float.MinValue, float.MinValue, float.MinValue);
        var dots = ArrayPool<float>.Shared.Rent(_exemplars.Kinds.Length);
        try
        {
            Vectors.DotRows(_exemplars.Rows, message.AsSpan(0, _exemplars.Width), dots.AsSpan(0, _exemplars.Kinds.Length));
            for (var n = 0; n < _exemplars.Kinds.Length; n++)
            {
                var (kind, cosine) = (_exemplars.Kinds[n], dots[n]);
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
        }
        finally
        {
            ArrayPool<float>.Shared.Return(dots);
        }

        return new Senses(command!.Value, commandCosine, faultCosine, cosines.Length == 0 ? 0 : cosines.Max(), noneCosine);
    }

    private static (float[] Rows, int Width) Rows(IReadOnlyList<float[]> vectors)
    {
        var width = vectors.Count == 0 ? 0 : vectors[0].Length;
        var rows = new float[vectors.Count * width];
        for (var r = 0; r < vectors.Count; r++)
        {
            vectors[r].CopyTo(rows, r * width);
        }

        return (rows, width);
    }

    /// <summary>The command, fault and "none" exemplars' kinds, and their vectors one after another.</summary>
    private sealed record Exemplars(string[] Kinds, float[] Rows, int Width)
    {
        public static Exemplars Of((string Kind, float[] Vector)[] exemplars)
        {
            var (rows, width) = SemanticIndex.Rows([.. exemplars.Select(x => x.Vector)]);
            return new Exemplars([.. exemplars.Select(x => x.Kind)], rows, width);
        }
    }
}
