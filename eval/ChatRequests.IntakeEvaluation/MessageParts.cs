using System.Text.RegularExpressions;
using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>What the parts of a message of several sentences or clauses feed when the encoder reads it (ADR 0078).</summary>
public enum PartsReading
{
    /// <summary>The whole message's vector alone.</summary>
    Whole,

    /// <summary>Each item's cosine is the best of the whole message's and its parts'; the senses read the whole alone.</summary>
    Items,

    /// <summary>As <see cref="Items"/>, and the command, fault and "none" cosines are the best of the whole's and the parts' too.</summary>
    ItemsAndSenses,

    /// <summary>Each item's cosine is the whole's plus half of what its best part gains on it; the senses read the whole alone.</summary>
    HalfGain,

    /// <summary>The message without its parts of pleasantries alone, encoded once more: each item's cosine the best of it and the whole's.</summary>
    Trimmed,
}

/// <summary>
/// A rambling message read by its parts (ADR 0078): "Hi, hope you're well. Since the move my old screen gives me headaches,
/// could I get a bigger one? Thanks, Sam" says what is wanted in one sentence, and the greeting, the context and the
/// sign-off dilute the whole message's single vector. The parts are its sentences (by their punctuation or a new line)
/// and the clauses a second need is added by ("also", "btw", "plus"); each part that says something beyond pleasantries
/// is encoded as a query too, and an item is as near the message as the nearest of the whole and its parts.
/// </summary>
internal static partial class MessageParts
{
    /// <summary>What the bot reads a message's parts for (ADR 0078).</summary>
    public const PartsReading Default = PartsReading.Whole;

    /// <summary>At most this many parts are encoded: a long message costs a bounded number of encodings.</summary>
    public const int MaxParts = 4;

    /// <summary>Words that only greet, thank or sign off: a part of these (and stop words) alone says nothing wanted.</summary>
    private static readonly HashSet<string> Pleasantries =
    [
        "morning", "afternoon", "evening", "good", "great", "regards", "best", "kind", "warm", "many", "appreciate",
        "appreciated", "advance", "day", "week", "weekend", "doing", "lovely", "nice", "dear", "sir", "madam", "sorry",
        "bother", "trouble", "quick", "question", "cheer", "ta", "x", "xx", "thanks", "thank", "much", "lot",
    ];

    /// <summary>
    /// The parts of the message worth encoding on their own: none when it is one part (the whole is that part), else
    /// each sentence or clause with a content word other than a pleasantry, in order, at most <see cref="MaxParts"/>.
    /// </summary>
    public static IReadOnlyList<string> Of(string text)
    {
        if (Saying(text) is not { } saying)
        {
            return [];
        }

        // One part saying anything, the rest pleasantries: that part alone is worth reading; the whole already is if it is all of it.
        return saying.Parts.Count == 1 && saying.Parts[0].Length >= text.Trim().Length ? [] : saying.Parts;
    }

    /// <summary>
    /// The message less its parts of pleasantries alone, as one text (<see cref="PartsReading.Trimmed"/>): none when it is
    /// one part or nothing was left out.
    /// </summary>
    public static IReadOnlyList<string> Trimmed(string text) =>
        Saying(text) is { Parts.Count: > 0 } saying && saying.Parts.Count < saying.Pieces ? [string.Join(" ", saying.Parts)] : [];

    /// <summary>The message's pieces counted and those that say something (at most <see cref="MaxParts"/>); null when it is one piece.</summary>
    private static (int Pieces, List<string> Parts)? Saying(string text)
    {
        var pieces = Boundary().Split(text).Select(p => p.Trim(' ', ',', '-', '\t')).Where(p => p.Length > 0).ToList();
        return pieces.Count < 2 ? null : (pieces.Count, pieces.Where(SaysSomething).Take(MaxParts).ToList());
    }

    private static bool SaysSomething(string part) =>
        Tokens.Read(part).Any(w => w.IsContent && !Pleasantries.Contains(w.Raw) && !Pleasantries.Contains(w.Term));

    /// <summary>
    /// Where a message parts: after a sentence's end mark or a semicolon, at a line break, and before "also", "btw",
    /// "by the way", "plus" (a second need: "a new mouse, also the VPN keeps asking for my password").
    /// </summary>
    [GeneratedRegex(@"(?<=[.!?;])\s+|[\r\n]+|;|(?:,\s*|\s+)(?=(?:and\s+also|also|btw|by\s+the\s+way|plus)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Boundary();

    /// <summary>
    /// The interpreter's reading of an encoded message by its parts (<c>LexicalInterpreter.ReadEncoded</c>), or none for
    /// <see cref="PartsReading.Whole"/>: the bot's own reading, the whole message's vector.
    /// </summary>
    public static Func<string, float[], SemanticIndex, (float[] Cosines, Senses Senses)>? Reader(ISentenceEncoder? encoder, PartsReading reading) =>
        reading == PartsReading.Whole || encoder is null ? null : (text, whole, semantic) => Read(text, whole, semantic, encoder, reading);

    /// <summary>
    /// The item cosines and senses of a message read by its parts: each item's cosine the best of the whole's and the parts';
    /// the senses the whole's, or with <see cref="PartsReading.ItemsAndSenses"/> the best of each sense over the whole and the parts.
    /// </summary>
    public static (float[] Cosines, Senses Senses) Read(string text, float[] whole, SemanticIndex semantic, ISentenceEncoder encoder, PartsReading reading)
    {
        var cosines = semantic.Cosines(whole);
        var senses = semantic.Senses(whole, cosines);
        if (reading == PartsReading.Whole || (reading == PartsReading.Trimmed ? Trimmed(text) : Of(text)) is not [_, ..] parts)
        {
            return (cosines, senses);
        }

        var combined = (float[])cosines.Clone();
        foreach (var part in parts)
        {
            var vector = encoder.EncodeQuery(part);
            var own = semantic.Cosines(vector);
            for (var i = 0; i < combined.Length; i++)
            {
                combined[i] = Math.Max(combined[i], reading == PartsReading.HalfGain ? cosines[i] + (0.5f * (own[i] - cosines[i])) : own[i]);
            }

            if (reading == PartsReading.ItemsAndSenses)
            {
                var theirs = semantic.Senses(vector, own);
                senses = senses with
                {
                    Command = theirs.CommandCosine > senses.CommandCosine ? theirs.Command : senses.Command,
                    CommandCosine = Math.Max(senses.CommandCosine, theirs.CommandCosine),
                    FaultCosine = Math.Max(senses.FaultCosine, theirs.FaultCosine),
                    NoneCosine = Math.Max(senses.NoneCosine, theirs.NoneCosine),
                };
            }
        }

        return (combined, reading == PartsReading.ItemsAndSenses ? senses with { ItemCosine = combined.Length == 0 ? 0 : combined.Max() } : senses);
    }
}
