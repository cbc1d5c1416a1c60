using System.Numerics;
using System.Runtime.InteropServices;

namespace ChatRequests.Core.Understanding;

/// <summary>Unit vectors and their cosines (a dot product, since both are of length 1).</summary>
public static class Vectors
{
    public static float[] Normalised(float[] vector)
    {
        var norm = MathF.Sqrt(Dot(vector, vector));
        if (norm > 0)
        {
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] /= norm;
            }
        }

        return vector;
    }

    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var va = MemoryMarshal.Cast<float, Vector<float>>(a);
        var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
        for (var i = 0; i < va.Length; i++)
        {
            sum += va[i] * vb[i];
        }

        return Tail(Vector.Sum(sum), a, b, va.Length * Vector<float>.Count);
    }

    /// <summary>
    /// The dot product of <paramref name="vector"/> with each row of <paramref name="rows"/> (rows of its length, one after
    /// another), each bit for bit the float <see cref="Dot"/> gives: four rows at a time, each with its own sum taken in the
    /// same order, so that four chains of additions overlap instead of each waiting on the one before.
    /// </summary>
    public static void DotRows(ReadOnlySpan<float> rows, ReadOnlySpan<float> vector, Span<float> dots)
    {
        var width = vector.Length;
        if (rows.Length != dots.Length * width)
        {
            throw new ArgumentException($"{rows.Length} floats are not {dots.Length} rows of {width}.", nameof(rows));
        }

        var v = MemoryMarshal.Cast<float, Vector<float>>(vector);
        var r = 0;
        for (; r + 4 <= dots.Length; r += 4)
        {
            var a0 = MemoryMarshal.Cast<float, Vector<float>>(rows.Slice(r * width, width));
            var a1 = MemoryMarshal.Cast<float, Vector<float>>(rows.Slice((r + 1) * width, width));
            var a2 = MemoryMarshal.Cast<float, Vector<float>>(rows.Slice((r + 2) * width, width));
            var a3 = MemoryMarshal.Cast<float, Vector<float>>(rows.Slice((r + 3) * width, width));
            var (s0, s1, s2, s3) = (Vector<float>.Zero, Vector<float>.Zero, Vector<float>.Zero, Vector<float>.Zero);
            for (var i = 0; i < v.Length; i++)
            {
                s0 += a0[i] * v[i];
                s1 += a1[i] * v[i];
                s2 += a2[i] * v[i];
                s3 += a3[i] * v[i];
            }

            var tail = v.Length * Vector<float>.Count;
            dots[r] = Tail(Vector.Sum(s0), rows.Slice(r * width, width), vector, tail);
            dots[r + 1] = Tail(Vector.Sum(s1), rows.Slice((r + 1) * width, width), vector, tail);
            dots[r + 2] = Tail(Vector.Sum(s2), rows.Slice((r + 2) * width, width), vector, tail);
            dots[r + 3] = Tail(Vector.Sum(s3), rows.Slice((r + 3) * width, width), vector, tail);
        }

        for (; r < dots.Length; r++)
        {
            dots[r] = Dot(rows.Slice(r * width, width), vector);
        }
    }

    // What Dot adds after its vector sums: the floats past the last whole Vector<float>, one by one onto the total.
    private static float Tail(float total, ReadOnlySpan<float> a, ReadOnlySpan<float> b, int from)
    {
        for (var i = from; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }
}
