using System.Text.RegularExpressions;
using ChatRequests.Core.Reporting;

namespace ChatRequests.Core.Understanding;

/// <summary>Which of the auditors' export commands the words are.</summary>
public enum ExportKind
{
    /// <summary>"export requests for November": the requests submitted in a period.</summary>
    Period,
    /// <summary>"export data of Megan Bowen": everything held about one person.</summary>
    PersonData,
    /// <summary>"erase data of Megan Bowen": anonymise and remove what is held about one person.</summary>
    PersonErase,
}

/// <summary>An export or erase command: the period as typed (for <see cref="ExportKind.Period"/>) or the person's name as typed.</summary>
public sealed record ExportAsk(ExportKind Kind, string? PeriodWords = null, string? PersonName = null);

/// <summary>
/// "export requests for November", "export last month", "export data of Megan Bowen", "erase data of Megan Bowen".
/// Only a whole message of these words counts: a period export must name a period <see cref="ReportPeriods"/> reads,
/// and a person's export or erase must say "data of" (or "data for") before the name, so that "export my photos to a
/// USB stick" and "erase my laptop" stay requests.
/// </summary>
public static partial class ExportWords
{
    /// <summary>What the words ask, or null when they are no export command.</summary>
    public static ExportAsk? Read(string text)
    {
        var said = Spaces().Replace(text.Trim().TrimEnd('.', '!', '?').Replace('’', '\''), " ");
        if (Person().Match(said) is { Success: true } person)
        {
            var kind = person.Groups["verb"].Value.Equals("export", StringComparison.OrdinalIgnoreCase)
                ? ExportKind.PersonData
                : ExportKind.PersonErase;
            return new ExportAsk(kind, PersonName: person.Groups["name"].Value);
        }

        if (Period().Match(said) is { Success: true } period && ReportPeriods.IsPeriod(period.Groups["period"].Value))
        {
            return new ExportAsk(ExportKind.Period, PeriodWords: period.Groups["period"].Value);
        }

        return null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    // A name as people type it: one to five words of letters, '-', '\'' or '.', nothing else (no digits, no request words).
    [GeneratedRegex(
        @"^(?:please\s+)?(?<verb>export|erase)\s+(?:all\s+)?(?:the\s+)?(?:personal\s+)?data\s+(?:of|for|about)\s+(?<name>\p{L}[\p{L}'\.\-]*(?: \p{L}[\p{L}'\.\-]*){0,4})(?:,?\s+please)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Person();

    [GeneratedRegex(
        @"^(?:please\s+)?export\s+(?:(?:all\s+)?(?:the\s+)?requests\s+)?(?:(?:for|of|from|in|submitted\s+in)\s+)?(?<period>.+?)(?:,?\s+please)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Period();
}
