using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Onnx;
using BERTTokenizers.Base;

namespace ChatRequests.SentenceEncoding;

/// <summary>
/// How large each channel of some of a model's tensors gets (the largest magnitude over every token of every
/// calibration sentence), from one fp32 run of the model with those tensors made outputs.
/// </summary>
internal static class ActivationRanges
{
    public static Dictionary<string, float[]> Measure(ModelProto model, IReadOnlyCollection<string> tensors, IEnumerable<string> sentences, TokenizerBase tokenizer)
    {
        var probe = model.Clone();
        foreach (var name in tensors)
        {
            probe.Graph.Output.Add(new ValueInfoProto
            {
                Name = name,
                Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } },
            });
        }

        // No graph rewriting: the probed tensors must stay as the model computes them.
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL, IntraOpNumThreads = 1 };
        using var session = new InferenceSession(probe.ToByteArray(), options);
        var names = tensors.ToArray();
        var ranges = new Dictionary<string, float[]>();
        using var runOptions = new RunOptions();
        foreach (var sentence in sentences)
        {
            var ids = tokenizer.Encode(sentence)[0].InputIds;
            long[] shape = [1, ids.Length];
            var ones = new long[ids.Length];
            Array.Fill(ones, 1L);
            using var inputIds = OrtValue.CreateTensorValueFromMemory(ids, shape);
            using var attentionMask = OrtValue.CreateTensorValueFromMemory(ones, shape);
            using var tokenTypes = OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape);
            using var outputs = session.Run(
                runOptions, ["input_ids", "attention_mask", "token_type_ids"], [inputIds, attentionMask, tokenTypes], names);
            for (var t = 0; t < names.Length; t++)
            {
                var values = outputs[t].GetTensorDataAsSpan<float>();
                var width = checked((int)outputs[t].GetTensorTypeAndShape().Shape[^1]);
                var range = ranges.TryGetValue(names[t], out var known) ? known : ranges[names[t]] = new float[width];
                for (var i = 0; i < values.Length; i++)
                {
                    range[i % width] = MathF.Max(range[i % width], MathF.Abs(values[i]));
                }
            }
        }

        return ranges;
    }
}
