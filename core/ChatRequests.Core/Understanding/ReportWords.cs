using System.Text.RegularExpressions;
using ChatRequests.Core.Reporting;

namespace ChatRequests.Core.Understanding;

/// <summary>
/// What a report is asked for: the period as typed ("last month"; null for the default, <see cref="ReportPeriods"/>
/// reads it) and the team or category named ("Hardware", "the Service Desk team"; null for the asker's own).
/// </summary>
public sealed record ReportAsk(string? PeriodWords = null, string? ScopeName = null);

/// <summary>
/// "report", "report last month", "show me the report for this week", "team report for November", "report for Hardware
/// last quarter". Only a whole message of these words counts: what follows "report" must be a period, a catalog
/// category, a name ending in "team", or both, so that "report a broken screen" stays an incident.
/// </summary>
public static partial class ReportWords
{
    private static readonly HashSet<string> Prepositions = ["for", "of", "on", "covering", "about", "in", "over"];

    /// <summary>What the words ask, or null when they are no report command.</summary>
    /// <param name="isCategory">Whether a name is one of the catalog's categories (ignoring case).</param>
    public static ReportAsk? Read(string text, Func<string, bool> isCategory)
    {
        var said = Please().Replace(Spaces().Replace(text.Trim().TrimEnd('.', '!', '?').Replace('’', '\''), " "), "");
        if (Head().Match(said) is not { Success: true } head)
        {
            return null;
        }

        var rest = head.Groups["rest"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (rest.Length == 0)
        {
            return new ReportAsk();
        }

        if (Period(rest) is { } period)
        {
            return new ReportAsk(period);
        }

        // A name then a period ("for Hardware last quarter"), or a period then a name ("last month for Hardware").
        for (var split = 1; split <= rest.Length; split++)
        {
            var (first, second) = (rest[..split], rest[split..]);
            if (Scope(first) is { } name && (second.Length == 0 || Period(second) is not null))
            {
                return new ReportAsk(second.Length == 0 ? null : Period(second), name);
            }

            if (second.Length > 0 && Period(first) is { } when && Scope(second) is { } named)
            {
                return new ReportAsk(when, named);
            }
        }

        return null;

        string? Scope(string[] words)
        {
            var name = Strip(words, "the");
            if (name.Length == 0)
            {
                return null;
            }

            var joined = string.Join(' ', name);
            if (name.Length > 1 && name[^1].Equals("team", StringComparison.OrdinalIgnoreCase))
            {
                return TeamName().IsMatch(joined) ? string.Join(' ', name[..^1]) : null;
            }

            return isCategory(joined) ? joined : null;
        }
    }

    private static string? Period(string[] words)
    {
        var period = string.Join(' ', Strip(words, null));
        return period.Length > 0 && ReportPeriods.IsPeriod(period) ? period : null;
    }

    /// <summary>The words without a leading preposition ("for") and then without <paramref name="article"/>.</summary>
    private static string[] Strip(string[] words, string? article)
    {
        var start = words.Length > 0 && Prepositions.Contains(words[0].ToLowerInvariant()) ? 1 : 0;
        if (article is not null && words.Length > start && words[start].Equals(article, StringComparison.OrdinalIgnoreCase))
        {
            start++;
        }

        return words[start..];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@",?\s+(?:please|pls|plz)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Please();

    [GeneratedRegex(
        @"^(?:(?:please\s+)?(?:show|give|get|send|run|make)(?:\s+(?:me|us))?\s+)?(?:(?:the|a|my|our)\s+)?(?:(?:team'?s?|teams'|kpi|monthly|weekly)\s+)?reports?(?:\s+please)?(?<rest>(?:\s+.*)?)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Head();

    // A team's name as people type it: one to four words of letters, digits, '&' or '-', then "team".
    [GeneratedRegex(@"^[\p{L}\d&\-]+(?: [\p{L}\d&\-]+){0,3} team$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TeamName();
}
