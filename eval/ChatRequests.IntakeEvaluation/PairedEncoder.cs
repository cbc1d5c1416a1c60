using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// Two sentence models read as one (ADR 0071): a text's vector is both models' unit vectors side by side, each scaled by the
/// square root of its weight, so the result is a unit vector and the dot product of two texts is the weighted mean of the
/// two models' cosines (for a weight of one half, their mean). Everything that reads cosines reads it unchanged.
/// </summary>
internal sealed class PairedEncoder(CachedEncoder first, CachedEncoder second, float firstWeight = 0.5f) : ISentenceEncoder, IDisposable
{
    private readonly float _first = MathF.Sqrt(firstWeight);
    private readonly float _second = MathF.Sqrt(1 - firstWeight);

    public string Model => SentenceModelNames.MiniLmWithArcticXs;

    public int Dimensions => first.Dimensions + second.Dimensions;

    public float[] Encode(string text) => Join(first.Encode(text), second.Encode(text));

    public float[] EncodeQuery(string text) => Join(first.EncodeQuery(text), second.EncodeQuery(text));

    private float[] Join(float[] a, float[] b)
    {
        var joined = new float[a.Length + b.Length];
        for (var i = 0; i < a.Length; i++)
        {
            joined[i] = a[i] * _first;
        }

        for (var i = 0; i < b.Length; i++)
        {
            joined[a.Length + i] = b[i] * _second;
        }

        return joined;
    }

    public void Dispose()
    {
        first.Dispose();
        second.Dispose();
    }
}
