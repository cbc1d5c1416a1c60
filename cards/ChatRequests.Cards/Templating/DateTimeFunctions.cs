using System.Text;
using System.Text.RegularExpressions;

namespace ChatRequests.Cards.Templating;

/// <summary>
/// The <c>{{DATE(...)}}</c> and <c>{{TIME(...)}}</c> functions that renderers expand in TextBlocks, TextRuns and input
/// labels (the pattern of the JavaScript renderer's <c>text-formatters</c> and of the native renderers' shared object
/// model). A function whose opening braces come from a bound value is neutralised with a word joiner between the two
/// braces: people see the characters they typed, and no renderer expands them. Our templates' own functions are kept.
/// </summary>
internal static partial class DateTimeFunctions
{
    /// <summary>U+2060 WORD JOINER: invisible, and it breaks the <c>{{</c> the renderers look for.</summary>
    public const char Joiner = '\u2060';

    /// <summary>
    /// <paramref name="text"/> with every function neutralised whose first or second opening brace lies in one of
    /// <paramref name="bound"/> (the spans the bound values took in the text).
    /// </summary>
    public static string Neutralise(string text, IReadOnlyList<(int Start, int End)> bound)
    {
        if (IsInert(text, bound))
        {
            return text;
        }

        var result = new StringBuilder(text);
        var spans = bound.ToList();
        // Each insertion breaks one function and can form none, so this ends.
        while (FirstFromBoundValue(result.ToString(), spans) is { } brace)
        {
            result.Insert(brace + 1, Joiner);
            for (var i = 0; i < spans.Count; i++)
            {
                var (start, end) = spans[i];
                spans[i] = (start > brace ? start + 1 : start, end > brace ? end + 1 : end);
            }
        }

        return result.ToString();
    }

    /// <summary>Whether no function in <paramref name="text"/> has a brace from <paramref name="bound"/>: nothing to neutralise.</summary>
    public static bool IsInert(ReadOnlySpan<char> text, IReadOnlyList<(int Start, int End)> bound) =>
        bound.Count == 0 || !text.Contains("{{", StringComparison.Ordinal) || FirstFromBoundValue(text, bound) is null;

    private static int? FirstFromBoundValue(ReadOnlySpan<char> text, IReadOnlyList<(int Start, int End)> spans)
    {
        foreach (var match in Function().EnumerateMatches(text))
        {
            var brace = match.Index;
            for (var i = 0; i < spans.Count; i++)
            {
                var (start, end) = spans[i];
                if ((brace >= start && brace < end) || (brace + 1 >= start && brace + 1 < end))
                {
                    return brace;
                }
            }
        }

        return null;
    }

    // As DateTimePreparser.cpp (shared object model) and text-formatters.ts (adaptivecards 3.0.6): case-sensitive,
    // ASCII digits, an RFC 3339 instant with Z or an offset, and an optional ", SHORT" / ",LONG" / ", COMPACT".
    [GeneratedRegex(@"\{\{(?:DATE|TIME)\([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:Z|[+-][0-9]{2}:[0-9]{2})(?:, ?(?:COMPACT|LONG|SHORT))?\)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Function();
}
