using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace ChatRequests.SentenceEncoding;

/// <summary>Symmetric int8 quantisation of a [K, N] float weight, one scale per output column (zero point 0).</summary>
internal static class WeightQuantizer
{
    // The full int8 range. Without VNNI (AVX2 only) ONNX Runtime's uint8 x int8 kernel can saturate 16-bit pair sums;
    // 7-bit weights (63) would avoid it at some fidelity (ADR 0039). This machine and current Azure CPUs have VNNI.
    private const int Range = 127;

    public static (TensorProto Weights, TensorProto Scales) PerColumn(string name, float[] values, int columns)
    {
        var rows = values.Length / columns;
        var scales = new float[columns];
        for (var c = 0; c < columns; c++)
        {
            var max = 0f;
            for (var r = 0; r < rows; r++)
            {
                max = MathF.Max(max, MathF.Abs(values[(r * columns) + c]));
            }

            scales[c] = max > 0 ? max / Range : 1f;
        }

        var quantized = new sbyte[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            quantized[i] = (sbyte)Math.Clamp(MathF.Round(values[i] / scales[i % columns]), -Range, Range);
        }

        return (Tensor(name + "_int8", TensorProto.Types.DataType.Int8, [rows, columns], MemoryMarshal.AsBytes(quantized.AsSpan())),
            Floats(name + "_scale", scales));
    }

    public static TensorProto Floats(string name, float[] values) =>
        Tensor(name, TensorProto.Types.DataType.Float, [values.Length], MemoryMarshal.AsBytes(values.AsSpan()));

    // ONNX keeps floats little-endian in raw_data, or in float_data; this runs on little-endian machines only.
    public static float[] Floats(TensorProto tensor) =>
        tensor.RawData.Length > 0
            ? MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray()
            : [.. tensor.FloatData];

    private static TensorProto Tensor(string name, TensorProto.Types.DataType type, long[] dims, ReadOnlySpan<byte> data) => new()
    {
        Name = name,
        DataType = (int)type,
        Dims = { dims },
        RawData = ByteString.CopyFrom(data),
    };
}
