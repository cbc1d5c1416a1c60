using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatRequests.Core.Understanding;

/// <summary>What someone asked of their delegation: set it (to a person, until a day), end it, or show it.</summary>
public enum DelegationAction { Set, Off, Show }

/// <summary>
/// A delegation command as typed: <see cref="DelegateName"/> and <see cref="UntilText"/> are the person's words, to be
/// resolved against the directory and the calendar (<see cref="DelegationDates"/>); either may be missing.
/// </summary>
public sealed record DelegationAsk(DelegationAction Action, string? DelegateName = null, string? UntilText = null);

/// <summary>
/// The delegation commands in the words people use: "delegate approvals to Grace Liu until 2026-12-31", "while I'm away
/// send my approvals to Grace till 31 Dec", "Grace approves for me until friday", "delegation off", "who approves for
/// me". Each phrasing names approving, so "delegate access to a mailbox" stays a catalog request.
/// </summary>
public static partial class DelegationWords
{
    private const string Until = @"(?:until|till|til|through|thru|up to|to the end of)";

    public static DelegationAsk? Read(string text)
    {
        var said = Spaces().Replace(text.Trim().TrimEnd('.', '!'), " ");
        if (Off().IsMatch(said))
        {
            return new DelegationAsk(DelegationAction.Off);
        }

        if (Show().IsMatch(said))
        {
            return new DelegationAsk(DelegationAction.Show);
        }

        var set = ToPerson().Match(said) is { Success: true } m1 ? m1 : ForMe().Match(said);
        if (!set.Success)
        {
            return null;
        }

        var name = set.Groups["name"].Value.Trim();
        var until = set.Groups["until"].Success ? set.Groups["until"].Value.Trim() : null;
        return new DelegationAsk(DelegationAction.Set, name.Length == 0 ? null : name, string.IsNullOrEmpty(until) ? null : until);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(
        @"^(?:please\s+)?(?:(?:turn|switch|stop|end|cancel|remove)\s+(?:off\s+)?(?:my\s+|the\s+)?delegation(?:\s+off)?|delegation\s+(?:off|stop|end|ended)|stop\s+delegating(?:\s+(?:my\s+)?approvals)?|no\s+more\s+delegat(?:ion|ing)|take\s+back\s+my\s+approvals|undelegate)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Off();

    [GeneratedRegex(
        @"^(?:(?:show\s+|check\s+)?(?:my\s+)?delegation\??|who\s+(?:approves|is\s+approving|decides)\s+for\s+me\??|am\s+i\s+delegating\??|(?:who\s+is\s+|who'?s\s+)?my\s+delegate\??|is\s+my\s+delegation\s+on\??)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Show();

    // "delegate (my) approvals to NAME (until DATE)", "send my approvals to NAME ...", "while I'm away, pass my approvals to NAME ..."
    [GeneratedRegex(
        @"^(?:.*?\b(?:while|when)\s+i'?\s?a?m\s+(?:away|out|off|on\s+leave|on\s+holiday|on\s+vacation)[,]?\s+)?(?:please\s+)?(?:delegate|send|pass|forward|give|hand\s+over|redirect|route)\s+(?:all\s+)?(?:of\s+)?(?:my\s+)?approv(?:als?|ing)\s+to\s+(?<name>.+?)(?:\s+" + Until + @"\s+(?<until>.+?))?(?:[,]?\s+while\s+i'?\s?a?m\s+(?:away|out|off).*)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ToPerson();

    // "NAME approves for me (until DATE)", "let NAME approve for me ..."
    [GeneratedRegex(
        @"^(?:.*?\b(?:while|when)\s+i'?\s?a?m\s+(?:away|out|off|on\s+leave|on\s+holiday|on\s+vacation)[,]?\s+)?(?:let\s+)?(?<name>[\p{L}][\p{L}'’.\- ]*?)\s+(?:approves?|decides?|can\s+approve|will\s+approve|should\s+approve)\s+(?:for\s+me|on\s+my\s+behalf|my\s+approvals)(?:\s+" + Until + @"\s+(?<until>.+?))?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForMe();
}

/// <summary>
/// The day a delegation runs through, read from the person's words against today: "2026-12-31", "31 Dec", "December 31st
/// 2026", "friday", "tomorrow", "the 3rd". A day without a year is the next one to come (today counts).
/// </summary>
public static partial class DelegationDates
{
    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>The day, or null when the words are no date this reads.</summary>
    public static DateOnly? Read(string text, DateOnly today)
    {
        var said = text.Trim().TrimEnd('.', '!', '?').Trim().ToLowerInvariant();
        if (said.StartsWith("the end of ", StringComparison.Ordinal))
        {
            said = said["the end of ".Length..];
        }

        if (DateOnly.TryParseExact(said, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            return iso;
        }

        switch (said)
        {
            case "today" or "tonight" or "end of today" or "end of the day":
                return today;
            case "tomorrow":
                return today.AddDays(1);
            case "end of the week" or "end of week" or "the weekend":
                return Next(today, DayOfWeek.Friday);
            case "end of the month" or "end of month":
                return new DateOnly(today.Year, today.Month, DateTime.DaysInMonth(today.Year, today.Month));
        }

        var weekday = Weekday().Match(said);
        if (weekday.Success)
        {
            var day = Enum.GetValues<DayOfWeek>().First(d => d.ToString().StartsWith(weekday.Groups["day"].Value[..3], StringComparison.OrdinalIgnoreCase));
            return Next(today, day);
        }

        var dayMonth = DayMonth().Match(said) is { Success: true } dm ? dm : MonthDay().Match(said);
        if (dayMonth.Success && MonthOf(dayMonth.Groups["month"].Value) is var month and > 0)
        {
            var dayOfMonth = int.Parse(dayMonth.Groups["day"].Value, CultureInfo.InvariantCulture);
            if (dayMonth.Groups["year"].Success)
            {
                return Valid(int.Parse(dayMonth.Groups["year"].Value, CultureInfo.InvariantCulture), month, dayOfMonth);
            }

            var thisYear = Valid(today.Year, month, dayOfMonth);
            return thisYear is { } d && d >= today ? d : Valid(today.Year + 1, month, dayOfMonth);
        }

        var ordinal = Ordinal().Match(said);
        if (ordinal.Success)
        {
            var dayOfMonth = int.Parse(ordinal.Groups["day"].Value, CultureInfo.InvariantCulture);
            for (var months = 0; months < 3; months++)
            {
                var first = new DateOnly(today.Year, today.Month, 1).AddMonths(months);
                if (Valid(first.Year, first.Month, dayOfMonth) is { } d && d >= today)
                {
                    return d;
                }
            }
        }

        return null;
    }

    /// <summary>1 to 12 for a month's name or its abbreviation ("dec", "sept"), else 0.</summary>
    private static int MonthOf(string word) =>
        word.Length < 3 ? 0 : Array.FindIndex(Months, m => m.StartsWith(word, StringComparison.Ordinal) || (word == "sept" && m == "september")) + 1;

    private static DateOnly Next(DateOnly today, DayOfWeek day) => today.AddDays(((int)day - (int)today.DayOfWeek + 7) % 7);

    private static DateOnly? Valid(int year, int month, int day) =>
        day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    [GeneratedRegex(@"^(?:(?:next|this|on)\s+)?(?<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu|thurs?|fri|sat|sun)$")]
    private static partial Regex Weekday();

    [GeneratedRegex(@"^(?:the\s+)?(?<day>\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+(?<month>[a-z]{3,9})\.?(?:,?\s+(?<year>\d{4}))?$")]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"^(?<month>[a-z]{3,9})\.?\s+(?:the\s+)?(?<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?<year>\d{4}))?$")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"^the\s+(?<day>\d{1,2})(?:st|nd|rd|th)$")]
    private static partial Regex Ordinal();
}
