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
    /// may be a quantity.
    /// </summary>
    public static string? FindIn(string text)
    {
        var match = Pattern().Match(text);
        return match.Success && long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? Format(n)
            : null;
    }

    /// <summary>The text without the request numbers it names, to read what else it says.</summary>
    public static string RemoveFrom(string text) => Pattern().Replace(text, " ");

    /// <summary>True for a number exactly as <see cref="Format"/> writes it (REQ-000042).</summary>
    public static bool IsWellFormed(string text) => WellFormed().IsMatch(text);

    [GeneratedRegex(@"^REQ-\d{6,19}$", RegexOptions.CultureInvariant)]
    private static partial Regex WellFormed();

    [GeneratedRegex(@"(?:\bREQ[-. ]?|(?<![\w#])#|\b(?:request|ticket|case)\s*(?:number|no\.?|nr\.?)\s*#?\s*|\b(?:request|ticket)\s+(?=0|\d{4}))0*(\d{1,9})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
