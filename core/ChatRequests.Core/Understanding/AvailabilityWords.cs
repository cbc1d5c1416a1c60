using System.Text.RegularExpressions;

namespace ChatRequests.Core.Understanding;

/// <summary>
/// What an agent said of their availability: back (<see cref="Available"/>), or not available, until the day
/// <see cref="UntilText"/> names as they typed it ("Monday", "2026-12-10"), or null for the desk's default.
/// </summary>
public sealed record AvailabilityAsk(bool Available, string? UntilText = null);

/// <summary>
/// An agent saying they cannot take new requests ("unavailable", "I'm off today", "away until Monday", "out of office
/// until 2026-12-10") or can again ("available", "back at work", "I'm back"). Only a whole message of these words counts,
/// so that "is the 4K monitor available" or "I'm off today, please send the laptop to Berlin" stay what they are; an
/// "until" that names no day this reads (<see cref="DelegationDates"/>) makes it no command either.
/// </summary>
public static partial class AvailabilityWords
{
    /// <summary>What the words ask, or null when they are no availability command.</summary>
    public static AvailabilityAsk? ReadAsk(string text)
    {
        var said = Spaces().Replace(text.Trim().TrimEnd('.', '!').Replace('’', '\''), " ");
        if (Unavailable().Match(said) is { Success: true } unavailable)
        {
            if (!unavailable.Groups["until"].Success)
            {
                return new AvailabilityAsk(false);
            }

            var until = unavailable.Groups["until"].Value;
            // Any day will do to tell whether the words are a date at all; the desk reads them against the agent's today.
            return DelegationDates.Read(until, new DateOnly(2026, 1, 1)) is null ? null : new AvailabilityAsk(false, until);
        }

        return Available().IsMatch(said) ? new AvailabilityAsk(true) : null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private const string Me = @"(?:(?:i'?m|i am|im)\s+)?";
    private const string When = @"(?:\s+(?:today|now|for (?:the rest of )?(?:today|the day)|this (?:morning|afternoon)))?";
    private const string Until = @"(?:\s+(?:until|till|til)\s+(?<until>[\p{L}\d][\p{L}\d \-,]*))?";

    [GeneratedRegex(
        @"^(?:(?:set|mark)\s+me\s+(?:as\s+)?(?:unavailable|away|out of office)|" + Me +
        @"(?:unavailable|not available|off|off work|away|out|out of (?:the )?office|ooo|on leave|on holiday|on vacation|off sick|sick)" + When + Until +
        @"|(?:no|stop)\s+(?:new\s+)?(?:assignments|requests)(?:\s+for me)?" + When + Until + ")$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Unavailable();

    [GeneratedRegex(
        @"^(?:(?:set|mark)\s+me\s+(?:as\s+)?(?:available|back)|" + Me +
        @"(?:available(?: again)?|back(?: again)?|back (?:at|to) work|back in(?: the)? office|back online|in(?: the)? office)" + When + ")$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Available();
}
