using System.Text.RegularExpressions;

namespace ChatRequests.Core.Understanding;

/// <summary>
/// An agent saying they cannot take new requests ("unavailable", "I'm off today", "out of office") or can again
/// ("available", "back at work", "I'm back"). Only a whole message of these words counts, so that "is the 4K monitor
/// available" or "I'm off today, please send the laptop to Berlin" stay what they are.
/// </summary>
public static partial class AvailabilityWords
{
    /// <summary>False for "unavailable", true for "available", null for anything else.</summary>
    public static bool? Read(string text)
    {
        var said = Spaces().Replace(text.Trim().TrimEnd('.', '!').Replace('’', '\''), " ");
        if (Unavailable().IsMatch(said))
        {
            return false;
        }

        return Available().IsMatch(said) ? true : null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private const string Me = @"(?:(?:i'?m|i am|im)\s+)?";
    private const string When = @"(?:\s+(?:today|now|for (?:the rest of )?(?:today|the day)|this (?:morning|afternoon)|until tomorrow))?";

    [GeneratedRegex(
        @"^(?:(?:set|mark)\s+me\s+(?:as\s+)?(?:unavailable|away|out of office)|" + Me +
        @"(?:unavailable|not available|off|off work|away|out|out of (?:the )?office|ooo|on leave|on holiday|on vacation|off sick|sick)" + When +
        @"|(?:no|stop)\s+(?:new\s+)?(?:assignments|requests)(?:\s+for me)?" + When + ")$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Unavailable();

    [GeneratedRegex(
        @"^(?:(?:set|mark)\s+me\s+(?:as\s+)?(?:available|back)|" + Me +
        @"(?:available(?: again)?|back(?: again)?|back (?:at|to) work|back in(?: the)? office|back online|in(?: the)? office)" + When + ")$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Available();
}
