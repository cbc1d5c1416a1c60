namespace ChatRequests.Core.Understanding;

/// <summary>The sentence models the bot can read with (ADR 0048), by the names their vectors carry (<see cref="ISentenceEncoder.Model"/>).</summary>
public static class SentenceModelNames
{
    public const string MiniLm = "all-MiniLM-L6-v2";

    public const string ArcticXs = "snowflake-arctic-embed-xs";
}

/// <summary>
/// What is fitted for one sentence model (ADR 0048): the match decision it leads (<see cref="MatchCalibration"/>, ADR 0041)
/// and when its senses make a command or a fault (<see cref="SenseCalibration"/>, ADR 0045). Cosines of two models are
/// on different scales: a model is read with its own calibrations only. all-MiniLM-L6-v2's are the stored ones of those
/// types; another model's are here, fitted the same way (<c>--fit --encoder --goals-first --model M</c>, <c>--fit-senses --model M</c>).
/// </summary>
internal sealed record EncoderCalibration(MatchCalibration Match, SenseCalibration Senses)
{
    public static EncoderCalibration MiniLm => new(MatchCalibration.FittedWithEncoder, SenseCalibration.Fitted);

    /// <summary>
    /// snowflake-arctic-embed-xs, fitted on every catalog of the tuning part (2,414 sentences, 2026-12-06): the senses by
    /// <c>--fit-senses --model ArcticXs</c>, then the match by <c>--fit --encoder --goals-first --model ArcticXs</c> (ADR 0048).
    /// Its cosines run higher and closer together than all-MiniLM-L6-v2's (an item sentence's best: median 0.66 against
    /// 0.57), so its senses' bars are its own.
    /// </summary>
    public static EncoderCalibration ArcticXs { get; } = new(
        new MatchCalibration([-6.6101, 1.9007, 2.3866, 0.4469, -0.1313, -0.1313, -1.7677, -0.7796, -0.4079, 0.0511, 1.0812, 1.4709, 1.3996, 0.553, -1.0545, 0.5089, 0.8281], 0.65, 0.6, 0.05, [-0.343, 0.8594, 0.2336, -0.359, -1.7208, 1.077, 0.1703, -0.8688, 0.9079, -0.5439, -0.0136, -0.1843, 0.3737, 0.3822, 0.2969, 0.2969, -1.5663, -0.91, 0.3922, -0.3538, 0.2512, 0.4371, 0.2742, 0.246, 0.8121, 1.0549, 0.0189, -0.2333, 0.3401]),
        new SenseCalibration(0.7f, 0.02f, 0.74f, 0.2f));

    /// <summary>The calibrations of a model; a model nobody fitted for is read with all-MiniLM-L6-v2's.</summary>
    public static EncoderCalibration For(string model) => model == SentenceModelNames.ArcticXs ? ArcticXs : MiniLm;
}
