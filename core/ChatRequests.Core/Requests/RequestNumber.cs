using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatRequests.Core.Requests;

/// <summary>Request numbers as people read and type them: REQ-000042, req-42, req 42, #42.</summary>
public static partial class RequestNumber
{
    public static string Format(long number) => $"REQ-{number.ToString("D6", CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Finds a request number in free text ("status of req-42?", "ticket #318", "request number 4410", "request 000145",
    /// "Req.000118"), or null. After "request" or "ticket" alone a number needs a leading zero or four digits: "request 42"
    /// may be a quantity; and "request" used as a verb ("request 2000 business cards", "I'd like to request 1500 flyers")
    /// asks for that many of something.
    /// </summary>
    public static string? FindIn(string text)
    {
        for (var match = Pattern().Match(text); match.Success; match = match.NextMatch())
        {
            if (IsQuantity(match, text))
                continue;
            return long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? Format(n)
                : null;
        }
        return null;
    }

    /// <summary>The text without the request numbers it names, to read what else it says.</summary>
    public static string RemoveFrom(string text) =>
        Pattern().Replace(text, match => IsQuantity(match, text) ? match.Value : " ");

    /// <summary>True for a number exactly as <see cref="Format"/> writes it (REQ-000042).</summary>
    public static bool IsWellFormed(string text) => WellFormed().IsMatch(text);

    /// <summary>
    /// True when the match is the bare "request 2000" form with "request" used as a verb: at the start of the words (or
    /// after a greeting) and
    /// followed by another word that is not about the request ("request 2000 business cards", not "request 4410 status?"),
    /// or after words that make it a verb ("to", "please", "can I", "we'd").
    /// </summary>
    private static bool IsQuantity(Match match, string text)
    {
        // "ref 8834 - update?": a reference alone, or with words about a request after it; "invoice ref 4432 won't post" is not one.
        if (match.Groups["ref"].Success)
            return WordsAfter().Matches(text[(match.Index + match.Length)..]).Any(w => !AboutTheRequest().IsMatch(w.Value))
                || WordsAfter().Matches(text[..match.Index]).Any(w => !AboutTheRequest().IsMatch(w.Value) && !AskingAfterIt().IsMatch(w.Value));
        if (!match.Groups["verb"].Success)
            return false;
        var before = text[..match.Index];
        if (VerbBefore().IsMatch(before))
            return true;
        if (!OnlyAGreeting().IsMatch(before))
            return false;
        var after = NextWord().Match(text, match.Index + match.Length);
        return after.Success && !AboutTheRequest().IsMatch(after.Groups[1].Value);
    }

    [GeneratedRegex(@"\b(?:to|please|pls|plz|i|we|can|could|would|will|must|also|and|['’]d)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VerbBefore();

    [GeneratedRegex(@"^\W*(?:(?:hi|hello|hey|hiya|morning|good\s+morning|ok|okay)\b\W*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OnlyAGreeting();

    [GeneratedRegex(@"\G\s+([A-Za-z]+)", RegexOptions.CultureInvariant)]
    private static partial Regex NextWord();

    [GeneratedRegex(@"^(?:status|update|updates|progress|details?|info|please|pls|plz|is|was|has|still|now|again|for|from|about|of|on|in|the|that|which|what|where|when|why|how|yet)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AboutTheRequest();

    [GeneratedRegex(@"^(?:check|can|could|you|u|any|news|see|show|look|up|me|with|my|hi|hello|hey|morning|ok|okay)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AskingAfterIt();

    [GeneratedRegex(@"[A-Za-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordsAfter();

    [GeneratedRegex(@"^REQ-\d{6,19}$", RegexOptions.CultureInvariant)]
    private static partial Regex WellFormed();

    [GeneratedRegex(@"(?:\bREQ(?:[-. ]|\s*\#\s*)?|(?<ref>\bref(?:erence)?\.?\s*[:#]?\s*)(?=\d{4})|(?<![\w#])#|\b(?:request|ticket|case)\s*(?:number|no\.?|nr\.?)\s*#?\s*|\b(?:request|ticket)\s+(?=0)|(?<verb>\brequest\s+)(?=\d{4})|\bticket\s+(?=\d{4}))0*(\d{1,9})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
