namespace ChatRequests.SentenceEncoding;

/// <summary>How <see cref="ModelSlimmer"/> rewrites a model.</summary>
public sealed record SlimOptions
{
    /// <summary>The default: SmoothQuant α 0.7, the best of 0.5 to 1 on the tuning sentences (ADR 0039).</summary>
    public static readonly SlimOptions Default = new();

    /// <summary>
    /// SmoothQuant's migration strength α (0 to 1): how much of each input channel's range moves into the weight's
    /// row; null quantises the products as they are.
    /// </summary>
    public double? Smoothing { get; init; } = 0.7;
}
