using ChatRequests.Core.Understanding;
using ChatRequests.SentenceEncoding;

namespace ChatRequests.Encoder;

/// <summary>
/// The product's sentence encoder: a <see cref="SentenceModel"/> as its SentenceTransformers package ships it, slimmed
/// to int8 (ADR 0039) once and kept on disk (ADR 0044), run one sentence at a time on the calling thread
/// (<see cref="EncoderSession"/>); a person's message is read as the model's query, an item's texts as passages
/// (ADR 0048). Thread-safe.
/// </summary>
public sealed class SlimSentenceEncoder : ISentenceEncoder, IDisposable
{
    private readonly EncoderSession _session;

    private SlimSentenceEncoder(EncoderSession session) => _session = session;

    /// <param name="kind">The model; default all-MiniLM-L6-v2.</param>
    /// <param name="model">An ONNX file of <paramref name="kind"/>'s shape, run as it is; null: the package's model, slimmed now (seconds of CPU).</param>
    public static SlimSentenceEncoder Load(SentenceModel? kind = null, string? model = null)
    {
        kind ??= SentenceModel.MiniLm;
        return new(new EncoderSession(model is null ? kind.Slim() : File.ReadAllBytes(model), kind));
    }

    /// <summary>The package's model, slimmed, from <paramref name="cache"/> when it has it (and into it when not).</summary>
    public static (SlimSentenceEncoder Encoder, SlimModelSource Source, Exception? CacheError) Load(SlimModelCache cache, SentenceModel kind)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(kind);
        var model = cache.Load(() => kind.Slim());
        var session = model.File is { } file ? EncoderSession.FromFile(file, kind) : new EncoderSession(model.Bytes!, kind);
        return (new SlimSentenceEncoder(session), model.Source, model.CacheError);
    }

    /// <summary>The model this encoder runs.</summary>
    public SentenceModel Kind => _session.Kind;

    public string Model => _session.Kind.Name;

    public int Dimensions => _session.Dimensions;

    public float[] Encode(string text) => _session.Encode(text);

    public float[] EncodeQuery(string text) => _session.Encode(_session.Kind.AsQuery(text));

    /// <summary>An item's text (a passage) pooled as <see cref="Encode"/> pools it, with its tokens' vectors from the same inference (ADR 0086).</summary>
    public TokenVectors EncodeTokens(string text) => _session.EncodeTokens(text);

    /// <summary>A message (a query) as <see cref="EncodeQuery"/> reads it, with its tokens' vectors from the same inference (ADR 0086).</summary>
    public TokenVectors EncodeQueryTokens(string text) => _session.EncodeTokens(_session.Kind.AsQuery(text));

    public void Dispose() => _session.Dispose();
}
