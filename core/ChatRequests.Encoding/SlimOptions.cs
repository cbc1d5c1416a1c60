namespace ChatRequests.Encoding;

/// <summary>How <see cref="ModelSlimmer"/> rewrites a model.</summary>
public sealed record SlimOptions
{
    /// <summary>The default: int8 weights over their full range, every layer kept (ADR 0039).</summary>
    public static readonly SlimOptions Default = new();

    /// <summary>
    /// Quantises each weight column to ±63 instead of ±127. Without VNNI (AVX2 only) ONNX Runtime multiplies uint8 by
    /// int8 with an instruction that saturates 16-bit sums; 7-bit weights cannot overflow it, at some cost in fidelity.
    /// </summary>
    public bool ReduceRange { get; init; }

    /// <summary>
    /// Products left in fp32, named by their bias (the product whose bias is "encoder.layer.5.output.dense.bias" is
    /// kept when this holds "encoder.layer.5.output.dense" or "output.dense").
    /// </summary>
    public IReadOnlyList<string> FloatProducts { get; init; } = [];

    /// <summary>
    /// SmoothQuant's migration strength α (0 to 1): how much of each input channel's range moves into the weight's
    /// row; null quantises the products as they are.
    /// </summary>
    public double? Smoothing { get; init; } = 0.7;

    /// <summary>Keeps only the first N transformer layers (null: all of them).</summary>
    public int? Layers { get; init; }
}
