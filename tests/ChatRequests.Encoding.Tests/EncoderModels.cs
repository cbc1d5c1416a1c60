using ChatRequests.Core.Understanding;

namespace ChatRequests.SentenceEncoding.Tests;

/// <summary>The original all-MiniLM-L6-v2 and the slim one, each made once for all the tests of a class.</summary>
public class EncoderModels : IDisposable
{
    public EncoderModels()
        : this(SentenceModel.MiniLm)
    {
    }

    protected EncoderModels(SentenceModel kind)
    {
        var original = kind.Original();
        SlimBytes = ModelSlimmer.Slim(original, kind: kind);
        OriginalBytesLength = original.Length;
        Original = new EncoderSession(original, kind);
        Slim = new EncoderSession(SlimBytes, kind);
    }

    public byte[] SlimBytes { get; }

    public int OriginalBytesLength { get; }

    public EncoderSession Original { get; }

    public EncoderSession Slim { get; }

    /// <summary>Both are unit vectors.</summary>
    public static float Cosine(float[] a, float[] b) => Vectors.Dot(a, b);

    public void Dispose()
    {
        Original.Dispose();
        Slim.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>snowflake-arctic-embed-xs, original and slim (ADR 0048).</summary>
public sealed class ArcticModels() : EncoderModels(SentenceModel.ArcticXs);
