using Microsoft.ML.OnnxRuntime;

namespace ChatRequests.SentenceEncoding;

/// <summary>
/// Sentence vectors from a <see cref="SentenceModel"/> (the original or <see cref="ModelSlimmer"/>'s), one sentence at a
/// time on the calling thread: the package's tokenizer, no padding, the model's pooling (mean of the token vectors, or
/// the first's), unit length, as the package's own encoder computes them. Thread-safe.
/// </summary>
public sealed class EncoderSession : IDisposable
{
    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];
    private static readonly string[] OutputNames = [ModelSlimmer.HiddenStateOutput];

    private readonly InferenceSession _session;
    private readonly SentenceModel _kind;

    // What Encode reads of an inference, made once: a lambda over this session would be a new delegate on every message.
    private readonly FromTokens<float[]> _pooled;

    /// <param name="model">The ONNX model's bytes.</param>
    /// <param name="kind">The model they are (or were slimmed from): its tokenizer and pooling.</param>
    public EncoderSession(byte[] model, SentenceModel kind)
        : this(NewSession(model), kind)
    {
    }

    private EncoderSession(InferenceSession session, SentenceModel kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        (_session, _kind) = (session, kind);
        _pooled = (tokens, ids) => Pool(tokens, ids.Length);
    }

    /// <summary>A model file, read by ONNX Runtime itself (no managed copy of it is left behind).</summary>
    public static EncoderSession FromFile(string path, SentenceModel kind) => new(NewSession(path), kind);

    /// <summary>The model this session runs (or its slim form).</summary>
    public SentenceModel Kind => _kind;

    private static InferenceSession NewSession(byte[] model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var options = CreateOptions();
        return new InferenceSession(model, options);
    }

    private static InferenceSession NewSession(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var options = CreateOptions();
        return new InferenceSession(path, options);
    }

    /// <summary>Vector width (384).</summary>
    public int Dimensions => checked((int)_session.OutputMetadata[ModelSlimmer.HiddenStateOutput].Dimensions[^1]);

    /// <summary>
    /// One intra-op thread and no inter-op pool (a turn encodes one message; the bot's other turns need the other
    /// cores), every graph optimisation (ONNX Runtime fuses LayerNorm, Gelu and the quantised products' parts).
    /// </summary>
    public static SessionOptions CreateOptions() => new()
    {
        GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        IntraOpNumThreads = 1,
        InterOpNumThreads = 1,
        EnableMemoryPattern = true,
        EnableCpuMemArena = true,
    };

    public float[] Encode(string sentence, CancellationToken cancellationToken = default) => Run(sentence, _pooled, cancellationToken);

    /// <summary>
    /// The sentence's vector as <see cref="Encode"/> pools it, and from the same inference each token's vector (unit length)
    /// with its WordPiece token, [CLS] and [SEP] included: for reading a message word by word (ADR 0086).
    /// </summary>
    public TokenVectors EncodeTokens(string sentence, CancellationToken cancellationToken = default) =>
        Run(sentence, (tokens, ids) =>
        {
            var width = tokens.Length / ids.Length;
            var vectors = new float[ids.Length][];
            for (var t = 0; t < ids.Length; t++)
            {
                vectors[t] = tokens.Slice(t * width, width).ToArray();
                var norm = MathF.Max(MathF.Sqrt(vectors[t].Sum(v => v * v)), 1e-12f);
                for (var i = 0; i < width; i++)
                {
                    vectors[t][i] /= norm;
                }
            }

            return new TokenVectors(Pool(tokens, ids.Length), _kind.Tokens(sentence, ids.Length), vectors);
        }, cancellationToken);

    private delegate T FromTokens<out T>(ReadOnlySpan<float> tokens, long[] ids);

    private T Run<T>(string sentence, FromTokens<T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var ids = _kind.Tokenizer.Encode(sentence)[0].InputIds;
        var ones = new long[ids.Length];
        Array.Fill(ones, 1L);
        long[] shape = [1, ids.Length];
        using var inputIds = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var attentionMask = OrtValue.CreateTensorValueFromMemory(ones, shape);
        using var tokenTypes = OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape);
        using var runOptions = new RunOptions();
        using var registration = cancellationToken.Register(() => runOptions.Terminate = true);
        using var outputs = _session.Run(runOptions, InputNames, [inputIds, attentionMask, tokenTypes], OutputNames);
        cancellationToken.ThrowIfCancellationRequested();
        return read(outputs[0].GetTensorDataAsSpan<float>(), ids);
    }

    private float[] Pool(ReadOnlySpan<float> tokens, int count) =>
        _kind.Pooling == Pooling.Cls ? FirstOfUnitLength(tokens, count) : MeanOfUnitLength(tokens, count);

    // The first token's vector ([CLS]), scaled to unit length.
    private static float[] FirstOfUnitLength(ReadOnlySpan<float> tokens, int count)
    {
        var vector = tokens[..(tokens.Length / count)].ToArray();
        var norm = MathF.Max(MathF.Sqrt(vector.Sum(v => v * v)), 1e-12f);
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] /= norm;
        }

        return vector;
    }

    // Mean over the tokens (no padding, so every token counts), then scaled to unit length.
    private static float[] MeanOfUnitLength(ReadOnlySpan<float> tokens, int count)
    {
        var width = tokens.Length / count;
        var vector = new float[width];
        for (var t = 0; t < count; t++)
        {
            var row = tokens.Slice(t * width, width);
            for (var i = 0; i < width; i++)
            {
                vector[i] += row[i];
            }
        }

        var norm = MathF.Sqrt(vector.Sum(v => v * v) / ((float)count * count));
        var scale = 1f / (count * MathF.Max(norm, 1e-12f));
        for (var i = 0; i < width; i++)
        {
            vector[i] *= scale;
        }

        return vector;
    }

    public void Dispose() => _session.Dispose();
}
