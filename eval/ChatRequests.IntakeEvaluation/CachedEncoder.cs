using System.Text;
using ChatRequests.Core.Understanding;
using ChatRequests.Encoder;
using ChatRequests.SentenceEncoding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// The product's sentence encoder (the slim model, ADR 0039) with its vectors kept between runs (a file in the temporary folder
/// per model and query prefix, by text): the evaluation encodes the same few thousand texts every time, and on a loaded
/// machine that takes minutes. The model is loaded only when a text is not in the file.
/// </summary>
internal sealed class CachedEncoder : ISentenceEncoder, IDisposable
{
    // Kept apart from a query's text in the file (a text is never this long).
    private const char QueryMark = '\u0001';

    private readonly string _filePath;
    private readonly SentenceModel _kind;
    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, float[][]> _tokens = new(StringComparer.Ordinal);
    private readonly Lazy<SlimSentenceEncoder> _encoder;
    private readonly Lock _gate = new();
    private bool _changed;

    public CachedEncoder(SentenceModel kind)
    {
        _kind = kind;
        // The slim model kept where the bot keeps it by default (ADR 0044): each run need not slim again.
        _encoder = new(() => SlimSentenceEncoder.Load(SlimModelCache.ForPackage(SentenceEncoderOptions.CacheFolderBeside(Path.Combine(Path.GetTempPath(), "chatrequests")), kind), kind).Encoder);
        var prefix = kind.QueryPrefix.Length == 0 ? "" : "-query-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(kind.QueryPrefix)))[..8];
        _filePath = Path.Combine(Path.GetTempPath(), $"chatrequests-encoder-{kind.Name}{prefix}-cache.bin");
        if (!File.Exists(_filePath))
        {
            return;
        }

        using var reader = new BinaryReader(File.OpenRead(_filePath), Encoding.UTF8);
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

    public string Model => _kind.Name;

    public int Dimensions => _vectors.Count > 0 ? _vectors.First().Value.Length : _encoder.Value.Dimensions;

    public float[] Encode(string text) => Cached(text, _encoder.Value.Encode);

    public float[] EncodeQuery(string text) =>
        _kind.QueryPrefix.Length == 0 ? Encode(text) : Cached(QueryMark + text, _ => _encoder.Value.EncodeQuery(text));

    /// <summary>
    /// A text's content token vectors (<see cref="LateIndex.Content"/>), a query's as the model reads queries; kept in memory
    /// for the run only (ADR 0086: too large for the file, about 15 KB a text).
    /// </summary>
    public float[][] ContentTokens(string text, bool query)
    {
        var key = (query ? QueryMark : '\u0002') + text;
        lock (_gate)
        {
            if (_tokens.TryGetValue(key, out var known))
            {
                return known;
            }
        }

        var read = query ? _encoder.Value.EncodeQueryTokens(text) : _encoder.Value.EncodeTokens(text);
        var content = LateIndex.Content(read.Tokens, read.Vectors);
        lock (_gate)
        {
            _tokens[key] = content;
        }

        return content;
    }

    private float[] Cached(string key, Func<string, float[]> encode)
    {
        lock (_gate)
        {
            if (_vectors.TryGetValue(key, out var known))
            {
                return known;
            }
        }

        var vector = encode(key);
        lock (_gate)
        {
            _vectors[key] = vector;
            _changed = true;
        }

        return vector;
    }

    public void Dispose()
    {
        if (_changed)
        {
            using var writer = new BinaryWriter(File.Create(_filePath), Encoding.UTF8);
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
