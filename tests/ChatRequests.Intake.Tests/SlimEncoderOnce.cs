using ChatRequests.Core.Catalog;
using ChatRequests.Core.Understanding;
using ChatRequests.Encoder;

namespace ChatRequests.Intake.Tests;

/// <summary>The real slim encoder, slimmed once for every test class of this project that reads with it (seconds of CPU each time).</summary>
internal static class SlimEncoderOnce
{
    private static readonly Lazy<SlimSentenceEncoder> Loaded = new(() => SlimSentenceEncoder.Load());

    public static SlimSentenceEncoder Model => Loaded.Value;

    /// <summary>An interpreter of the catalog with this encoder, its items' vectors built.</summary>
    public static LexicalInterpreter Prepared(ICatalog catalog)
    {
        var interpreter = new LexicalInterpreter(catalog, Model);
        interpreter.Prepare();
        return interpreter;
    }
}
