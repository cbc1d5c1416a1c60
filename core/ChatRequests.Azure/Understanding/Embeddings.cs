using Microsoft.Extensions.AI;

namespace ChatRequests.Azure.Understanding;

/// <summary>What the model's answer must look like to be used, and the cosine similarity of two vectors.</summary>
public static class Embeddings
{
    /// <summary>One finite, non-zero vector per input, all of one length; anything else is a malformed answer.</summary>
    public static float[][] Checked(GeneratedEmbeddings<Embedding<float>> embeddings, int expected)
    {
        if (embeddings.Count != expected)
        {
            throw new MalformedModelAnswerException($"{embeddings.Count} vectors for {expected} inputs.");
        }

        var vectors = embeddings.Select(e => e.Vector.ToArray()).ToArray();
        var length = vectors.Length > 0 ? vectors[0].Length : 0;
        if (vectors.Any(v => v.Length == 0 || v.Length != length || v.Any(x => !float.IsFinite(x)) || v.All(x => x == 0)))
        {
            throw new MalformedModelAnswerException("A vector is empty, of another length, all zero or not finite.");
        }

        return vectors;
    }

    public static double Cosine(float[] a, float[] b)
    {
        if (a.Length != b.Length)
        {
            throw new MalformedModelAnswerException($"Vectors of {a.Length} and {b.Length} dimensions.");
        }

        double dot = 0, normA = 0, normB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }

        return dot / Math.Sqrt(normA * normB);
    }
}

/// <summary>The model answered, but not with what was asked for.</summary>
public sealed class MalformedModelAnswerException(string message) : Exception(message);
