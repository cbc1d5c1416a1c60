using System.Text;
using ChatRequests.Core.Understanding;
using ChatRequests.Encoder;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// The product's sentence encoder (the slim model, ADR 0039) with its vectors kept between runs (a file in the temporary folder, by text): the evaluation
/// encodes the same few thousand texts every time, and on a loaded machine that takes minutes. The model is loaded
/// only when a text is not in the file.
/// </summary>
internal sealed class CachedEncoder : ISentenceEncoder, IDisposable
{
    private static readonly string FilePath = Path.Combine(Path.GetTempPath(), "chatrequests-encoder-slim-cache.bin");
    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);
    private readonly Lazy<SlimSentenceEncoder> _encoder = new(() => SlimSentenceEncoder.Load());
    private readonly Lock _gate = new();
    private bool _changed;

    public CachedEncoder()
    {
        if (!File.Exists(FilePath))
        {
            return;
        }

        using var reader = new BinaryReader(File.OpenRead(FilePath), Encoding.UTF8);
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var text = reader.ReadString();
            var vector = new float[reader.ReadInt32()];
            for (var d = 0; d < vector.Length; d++)
            {
                vector[d] = reader.ReadSingle();
            }

            _vectors[text] = vector;
        }
    }

    public int Dimensions => _vectors.Count > 0 ? _vectors.First().Value.Length : _encoder.Value.Dimensions;

    public float[] Encode(string text)
    {
        lock (_gate)
        {
            if (_vectors.TryGetValue(text, out var known))
            {
                return known;
            }
        }

        var vector = _encoder.Value.Encode(text);
        lock (_gate)
        {
            _vectors[text] = vector;
            _changed = true;
        }

        return vector;
    }

    public void Dispose()
    {
        if (_changed)
        {
            using var writer = new BinaryWriter(File.Create(FilePath), Encoding.UTF8);
            writer.Write(_vectors.Count);
            foreach (var (text, vector) in _vectors)
            {
                writer.Write(text);
                writer.Write(vector.Length);
                foreach (var value in vector)
                {
                    writer.Write(value);
                }
            }
        }

        if (_encoder.IsValueCreated)
        {
            _encoder.Value.Dispose();
        }
    }
}
