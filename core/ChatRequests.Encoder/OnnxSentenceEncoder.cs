using ChatRequests.Core.Understanding;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace ChatRequests.Encoder;

/// <summary>
/// A BERT-shaped sentence encoder run by ONNX Runtime on one thread: the text's WordPiece tokens in, the mean of the
/// token vectors out, normalised (how sentence-transformers pools all-MiniLM-L6-v2). One session for every caller:
/// ONNX Runtime's Run is thread-safe.
/// </summary>
public sealed class OnnxSentenceEncoder : ISentenceEncoder, IDisposable
{
    /// <summary>Enough for any chat message's meaning; the model was trained on at most 256, and cost grows with length.</summary>
    public const int MaxTokens = 128;

    private readonly InferenceSession _session;
    private readonly WordPieceTokenizer _tokenizer;
    private readonly string _output;
    private readonly bool _wantsTypes;

    public OnnxSentenceEncoder(EncoderModel model)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _session = new InferenceSession(model.Onnx, options);
        _tokenizer = new WordPieceTokenizer(model.Vocabulary);
        _wantsTypes = _session.InputMetadata.ContainsKey("token_type_ids");
        _output = _session.OutputMetadata.Keys.First();
        Dimensions = _session.OutputMetadata[_output].Dimensions[^1];
    }

    public int Dimensions { get; }

    public float[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = _tokenizer.Encode(text, MaxTokens);
        var shape = new[] { 1, ids.Length };
        var mask = new long[ids.Length];
        Array.Fill(mask, 1L);
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, shape)),
        };
        if (_wantsTypes)
        {
            inputs.Add(NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(new long[ids.Length], shape)));
        }

        using var results = _session.Run(inputs, [_output]);
        var tokens = results[0].AsTensor<float>();
        var vector = new float[Dimensions];
        for (var t = 0; t < ids.Length; t++)
        {
            for (var d = 0; d < vector.Length; d++)
            {
                vector[d] += tokens[0, t, d];
            }
        }

        return Vectors.Normalised(vector);
    }

    public void Dispose() => _session.Dispose();
}
