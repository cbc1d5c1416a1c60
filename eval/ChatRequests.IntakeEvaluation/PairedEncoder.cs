using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// Two sentence models read as one (ADR 0071): a text's vector is both models' unit vectors side by side, each scaled by the
/// square root of its weight, so the result is a unit vector and the dot product of two texts is the weighted mean of the
/// two models' cosines (for a weight of one half, their mean). Everything that reads cosines reads it unchanged.
/// </summary>
/// <remarks>
/// Not a model the bot can read with: measured and not taken (ADR 0071). Its calibrations are kept here, fitted on every
/// catalog of the tuning part (2026-12-07): the senses by <c>--fit-senses --model Both [--pair-weight W]</c>
/// (<see cref="FittedSenses"/>), the match by <c>--fit --encoder --goals-first --targets 0.02 0.93 --model Both</c> for the mean
/// (printed, not stored: <c>--fit</c>, <c>--loco</c> and <c>--dev-choice</c> fit their own).
/// </remarks>
internal sealed class PairedEncoder(ISentenceEncoder first, ISentenceEncoder second, float firstWeight = PairedEncoder.MeanWeight) : ISentenceEncoder, IDisposable
{
    /// <summary>MiniLM's weight for the mean of the two models' cosines (the default).</summary>
    public const float MeanWeight = 0.5f;

    /// <summary>The pair's model name: no stored calibration is kept under it in Core (ADR 0071).</summary>
    public const string Name = SentenceModelNames.MiniLm + "+" + SentenceModelNames.ArcticXs;

    private readonly float _first = MathF.Sqrt(firstWeight);
    private readonly float _second = MathF.Sqrt(1 - firstWeight);

    /// <summary>
    /// When a message the words leave open is a command or a fault by the pair's meaning (ADR 0045), by the MiniLM weight
    /// they were fitted for (<c>--pair-weight W</c>, as parsed): the mean, and 0.3 of MiniLM's cosine with 0.7 of arctic's.
    /// A weight not here has none: the evaluation refuses it but for <c>--fit-senses</c>, which fits them.
    /// </summary>
    public static IReadOnlyDictionary<float, SenseCalibration> FittedSenses { get; } = new Dictionary<float, SenseCalibration>
    {
        [MeanWeight] = new(0.54f, 0.08f, 0.64f, 0.1f, 0f),
        [0.3f] = new(0.56f, 0.08f, 0.7f, 0.12f, 0f),
    };

    /// <summary>The senses fitted for this pair's weight (<see cref="FittedSenses"/>), or none.</summary>
    public SenseCalibration? Senses => FittedSenses.GetValueOrDefault(firstWeight);

    public string Model => Name;

    public int Dimensions => first.Dimensions + second.Dimensions;

    public float[] Encode(string text) => Join(first.Encode(text), second.Encode(text));

    public float[] EncodeQuery(string text) => Join(first.EncodeQuery(text), second.EncodeQuery(text));

    private float[] Join(float[] a, float[] b)
    {
        var joined = new float[a.Length + b.Length];
        for (var i = 0; i < a.Length; i++)
        {
            joined[i] = a[i] * _first;
        }

        for (var i = 0; i < b.Length; i++)
        {
            joined[a.Length + i] = b[i] * _second;
        }

        return joined;
    }

    public void Dispose()
    {
        (first as IDisposable)?.Dispose();
        (second as IDisposable)?.Dispose();
    }
}
