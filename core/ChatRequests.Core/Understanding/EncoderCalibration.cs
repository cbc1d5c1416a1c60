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

    /// <summary>snowflake-arctic-embed-xs, fitted on every catalog of the tuning part (2,414 sentences, 2026-12-06).</summary>
    public static EncoderCalibration ArcticXs { get; } = new(
        MatchCalibration.FittedWithEncoder,
        new SenseCalibration(0.7f, 0.02f, 0.74f, 0.2f));

    /// <summary>The calibrations of a model; a model nobody fitted for is read with all-MiniLM-L6-v2's.</summary>
    public static EncoderCalibration For(string model) => model == SentenceModelNames.ArcticXs ? ArcticXs : MiniLm;
}
