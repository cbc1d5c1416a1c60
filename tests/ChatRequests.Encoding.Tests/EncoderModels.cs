using ChatRequests.Core.Understanding;

namespace ChatRequests.SentenceEncoding.Tests;

/// <summary>The original model and the slim one, each made once for all the tests of a class.</summary>
public sealed class EncoderModels : IDisposable
{
    public EncoderModels()
    {
        var original = MiniLmModel.Original();
        SlimBytes = ModelSlimmer.Slim(original);
        OriginalBytesLength = original.Length;
        Original = new EncoderSession(original);
        Slim = new EncoderSession(SlimBytes);
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
    }
}
