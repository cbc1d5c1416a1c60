using ChatRequests.SentenceEncoding;

namespace ChatRequests.Encoder;

/// <summary>The sentence encoder of the intake (section <c>Intake:Encoder</c>, ADR 0038, 0044).</summary>
public sealed class SentenceEncoderOptions
{
    public const string SectionName = "Intake:Encoder";

    /// <summary>The key that turns the encoder off (<c>false</c>): hosts of tests that are not about it (ADR 0044).</summary>
    public const string EnabledKey = SectionName + ":" + nameof(Enabled);

    /// <summary>
    /// Whether messages are read with the encoder as well as by their words. On by default (ADR 0044): on the held-out
    /// part it gives a third fewer wrong forms and eight points more abstention (eval/intake/README.md). The model loads
    /// and the items' vectors are built in the background from start-up; until then the words alone read.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Which sentence model reads messages (ADR 0048): <c>MiniLM</c> (all-MiniLM-L6-v2, the default: measured, not worse
    /// than the other and cheaper per message) or <c>ArcticXs</c> (snowflake-arctic-embed-xs), each as its
    /// SentenceTransformers package ships it, slimmed to int8 (ADR 0039) once and kept in <see cref="CacheFolder"/> under
    /// a file named by the model.
    /// </summary>
    public string ModelName { get; set; } = DefaultModelName;

    /// <summary>The model used when none is named.</summary>
    public const string DefaultModelName = "MiniLM";

    /// <summary>
    /// An ONNX file of <see cref="ModelName"/>'s shape and vocabulary, run as it is (pooled as that model is). Default: the
    /// package's model, slimmed.
    /// </summary>
    public string? Model { get; set; }

    /// <summary>
    /// Where the slimmed model is kept between starts (about 59 MB; ADR 0044). Default: a folder <c>encoder-cache</c>
    /// beside the SQLite file, or in the temporary folder when the store is not SQLite. A folder that cannot be written
    /// costs each start the slimming (seconds of CPU), logged as a warning.
    /// </summary>
    public string? CacheFolder { get; set; }

    /// <summary>The cache folder a store's data folder gives (<see cref="CacheFolder"/>'s default).</summary>
    public static string CacheFolderBeside(string dataFolder) => Path.Combine(dataFolder, "encoder-cache");

    /// <summary>The model <see cref="ModelName"/> names; an unknown name fails the start with the names there are.</summary>
    internal SentenceModel Kind => SentenceModel.ByShortName.TryGetValue(ModelName, out var kind)
        ? kind
        : throw new InvalidOperationException($"{SectionName}:{nameof(ModelName)} '{ModelName}' is not a model here: {string.Join(", ", SentenceModel.ByShortName.Keys)}.");

    internal string CacheFolderOrDefault => CacheFolder ?? CacheFolderBeside(Path.Combine(Path.GetTempPath(), "chatrequests"));
}
