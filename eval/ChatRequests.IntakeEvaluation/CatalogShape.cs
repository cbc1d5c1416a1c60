using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// The shape of a catalog as the sentence encoder reads it (ADR 0084), computed once from its items' text vectors: each
/// item's cosine with every other item (the best of any text of one with any text of the other, on the scale of a message's
/// cosine with an item), and the catalog's centroid. A sign of sureness read against the catalog, not the message alone.
/// </summary>
internal sealed class CatalogShape
{
    private readonly float[][] _siblings;
    private readonly float[] _centroid;

    private CatalogShape(float[][][] vectors, float[][] siblings, float[] centroid)
    {
        _siblings = siblings;
        _centroid = centroid;
        ItemCentroidCosine = vectors.Where(t => t.Length > 0).Select(t => t.Average(v => Vectors.Dot(v, centroid))).DefaultIfEmpty(0).Average();
        Isolation = [.. siblings.Select(row => row.Length == 0 ? 0f : row.Max())];
        Density = Isolation.Length == 0 ? 0 : Isolation.Average();
    }

    /// <summary>Each item's cosine with its nearest sibling item.</summary>
    public float[] Isolation { get; }

    /// <summary>The catalog's mean of each item's cosine with its nearest sibling.</summary>
    public double Density { get; }

    /// <summary>The mean over the items of their texts' mean cosine with the catalog's centroid: how near its middle an item of it lies.</summary>
    public double ItemCentroidCosine { get; }

    /// <param name="vectors">Each item's text vectors, in the catalog's order (<see cref="SemanticIndex"/>).</param>
    public static CatalogShape Of(float[][][] vectors)
    {
        var n = vectors.Length;
        var siblings = new float[n][];
        for (var i = 0; i < n; i++)
        {
            siblings[i] = new float[n - 1];
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var best = float.MinValue;
                foreach (var a in vectors[i])
                {
                    foreach (var b in vectors[j])
                    {
                        best = Math.Max(best, Vectors.Dot(a, b));
                    }
                }

                // Row i leaves out column i: j sits at j - 1 in it, i at i in row j.
                siblings[i][j - 1] = best;
                siblings[j][i] = best;
            }
        }

        return new CatalogShape(vectors, siblings, Centroid(vectors));
    }

    /// <summary>The normalised mean of the items' mean text vectors: every item counts once, however many texts it has.</summary>
    private static float[] Centroid(float[][][] vectors)
    {
        var dimensions = vectors.FirstOrDefault(v => v.Length > 0)?[0].Length ?? 0;
        var centroid = new float[dimensions];
        foreach (var texts in vectors.Where(t => t.Length > 0))
        {
            foreach (var vector in texts)
            {
                for (var d = 0; d < dimensions; d++)
                {
                    centroid[d] += vector[d] / texts.Length;
                }
            }
        }

        return Vectors.Normalised(centroid);
    }

    /// <summary>The message's cosine with the catalog's centroid.</summary>
    public float CentroidCosine(float[] message) => Vectors.Dot(_centroid, message);

    /// <summary>The cosine of two items.</summary>
    public float Between(int item, int other) => item == other ? 1 : _siblings[item][other < item ? other : other - 1];

    /// <summary>The mean of the item's cosines with its <paramref name="k"/> nearest siblings: how much of a hub it is.</summary>
    public double Hubness(int item, int k) => _siblings[item].Length == 0 ? 0 : _siblings[item].OrderDescending().Take(k).Average();

    /// <summary>How many of the item's siblings are nearer it than <paramref name="cosine"/>.</summary>
    public int SiblingsNearer(int item, float cosine) => _siblings[item].Count(c => c > cosine);
}

/// <summary>A message read against its catalog's <see cref="CatalogShape"/>: the shape and the message's cosine with its centroid.</summary>
internal sealed record ShapeReading(CatalogShape Shape, float CentroidCosine);
