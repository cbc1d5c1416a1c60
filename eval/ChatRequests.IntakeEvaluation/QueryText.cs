using System.Text.RegularExpressions;
using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>What of a message the encoder reads for the item cosines (ADR 0080; measured and not taken: the bot reads the whole).</summary>
internal enum QueryReading
{
    /// <summary>The whole message.</summary>
    Whole,

    /// <summary>The message's content words only, instead of the whole.</summary>
    Content,

    /// <summary>Both; each item's cosine the best of the two.</summary>
    BestOfBoth,

    /// <summary>Both; each item's cosine the mean of the two.</summary>
    MeanOfBoth,

    /// <summary>The content words only where the message is longer than <see cref="QueryChoice.LongFrom"/> words, else the whole.</summary>
    ContentWhenLong,
}

/// <summary>What the message's content is (ADR 0080).</summary>
internal enum QueryContent
{
    /// <summary>Its words less the stop words, in order.</summary>
    Words,

    /// <summary>The message less its request frame: a leading greeting and ask ("hiya could someone sort me out with"), a closing "pls" or thanks.</summary>
    LessFrame,
}

/// <summary>What of a message the encoder reads (ADR 0080), what its content is, and from how many words a message is long.</summary>
internal sealed record QueryChoice(QueryReading Reading, int LongFrom = 8, QueryContent Content = QueryContent.Words)
{
    public override string ToString() =>
        (Reading == QueryReading.ContentWhenLong ? $"{Reading} {LongFrom}" : Reading.ToString()) + (Content == QueryContent.Words ? "" : $" {Content}");
}

/// <summary>
/// The message as the encoder reads it for the items (ADR 0080): the item texts are short noun phrases, a message is a
/// request frame around a need ("hiya could someone sort me out with one of those things you plug the laptop into at the
/// desk pls"), and the frame is read too. Its content is either its words less the stop words (<see cref="Lexicon.StopWords"/>,
/// which hold the frame's words), in their order, or the message less its request frame only, as written. The senses
/// (commands, faults, "none", and the nearest item's cosine they are weighed against) always read the whole message.
/// </summary>
internal static partial class QueryText
{
    /// <summary>The content words of the message as typed (lower case), or null when they are all of it or none of it.</summary>
    public static string? Content(string text)
    {
        var words = Tokens.Split(text);
        var content = words.Where(w => new Word(w, Tokens.Term(w)).IsContent).ToList();
        return content.Count == 0 || content.Count == words.Count ? null : string.Join(' ', content);
    }

    /// <summary>The message less its request frame, or null when it has none or is nothing else.</summary>
    public static string? LessFrame(string text)
    {
        var need = text.Trim();
        for (var before = ""; before != need;)
        {
            before = need;
            need = Lead().Replace(need, "", 1).Trim();
            need = Close().Replace(need, "", 1).Trim();
        }

        need = Polite().Replace(need, " ").Trim();
        return need.Length == 0 || need.Length == text.Trim().Length || !Tokens.Read(need).Any(w => w.IsContent) ? null : need;
    }

    /// <summary>The content the choice reads.</summary>
    public static string? Content(string text, QueryContent content) => content == QueryContent.Words ? Content(text) : LessFrame(text);

    /// <summary>A greeting or an ask that opens a message.</summary>
    [GeneratedRegex(
        @"^(?:(?:hi|hello|hey|hiya|hallo|heya|dear\s+\w+|good\s+(?:morning|afternoon|evening)|morning|afternoon)(?:\s+(?:there|all|team|guys|folks|everyone|again))?\b"
        + @"|(?:please\s+)?(?:could|can|would|will)\s+(?:you|someone|somebody|anyone|u|we|i)(?:\s+guys)?(?:\s+(?:please|pls|plz|kindly))?"
        + @"(?:\s+(?:(?:sort|set|hook|fix)\s+(?:me|us)\s+(?:out|up)\s+with|(?:get|give|send|order|arrange|provide)\s+(?:me|us)|get|have|order|request|be\s+given))?\b"
        + @"|i\s*(?:'|’)?d\s+(?:really\s+)?like(?:\s+to\s+(?:get|have|order|request))?\b|i\s+would\s+(?:really\s+)?like(?:\s+to\s+(?:get|have|order|request))?\b"
        + @"|(?:i|we)\s+(?:really\s+|urgently\s+)?(?:need|want|require)(?:\s+to\s+(?:get|have|order|request))?\b|i\s*(?:'|’)?m\s+after\b|(?:i\s+am\s+|i\s*(?:'|’)?m\s+)?looking\s+for\b"
        + @"|(?:is|would)\s+it\s+(?:be\s+)?possible\s+to\s+(?:get|have|order)\b|requesting\b|please\b|pls\b|plz\b)[\s,.!:;-]*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Lead();

    /// <summary>A "please", thanks or sign-off that closes a message.</summary>
    [GeneratedRegex(@"[\s,.!-]*\b(?:please|pls|plz|thanks?(?:\s+you)?(?:\s+(?:so|very)\s+much)?(?:\s+in\s+advance)?|thx|ty|cheers|ta|many\s+thanks|(?:kind\s+)?regards)[\s,.!]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Close();

    /// <summary>A "please" inside the message.</summary>
    [GeneratedRegex(@"\b(?:please|pls|plz|kindly)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Polite();

    /// <summary>The readings the encoder read with their item cosines read the chosen way (the senses are the whole's, as in the bot).</summary>
    public static List<ReadUtterance> Apply(IReadOnlyList<ReadUtterance> reads, ISentenceEncoder encoder, Evaluation evaluation, QueryChoice choice) =>
        EncodedReads.Rewritten(reads, evaluation, items =>
        {
            var semantic = new SemanticIndex(items, encoder);
            return reading => reading with { Cosines = Cosines(reading.Text, semantic, encoder, choice) };
        });

    /// <summary>The item cosines of a message under a choice (the senses are left to the whole message, as the bot reads them).</summary>
    public static float[] Cosines(string text, SemanticIndex semantic, ISentenceEncoder encoder, QueryChoice choice)
    {
        var whole = semantic.Cosines(encoder.EncodeQuery(text));
        var reading = choice.Reading;
        if (reading == QueryReading.Whole || (reading == QueryReading.ContentWhenLong && Tokens.Split(text).Count <= choice.LongFrom) || Content(text, choice.Content) is not { } content)
        {
            return whole;
        }

        var own = semantic.Cosines(encoder.EncodeQuery(content));
        return reading switch
        {
            QueryReading.BestOfBoth => [.. own.Select((c, i) => Math.Max(c, whole[i]))],
            QueryReading.MeanOfBoth => [.. own.Select((c, i) => 0.5f * (c + whole[i]))],
            _ => own,
        };
    }
}
