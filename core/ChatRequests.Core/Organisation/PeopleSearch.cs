using System.Globalization;
using System.Text;

namespace ChatRequests.Core.Organisation;

/// <summary>
/// How every directory adapter matches a typed name to people, so that "delegate approvals to grace" finds the same
/// people whichever directory is configured: the whole name (ignoring case and accents) if anyone has it, else every
/// word of the query the start of a word of the name ("g liu" finds Grace Liu); at most <see cref="MaxResults"/>.
/// </summary>
public static class PeopleSearch
{
    public const int MaxResults = 10;

    /// <summary>The people of <paramref name="candidates"/> who match <paramref name="query"/>, best first, by name.</summary>
    public static IReadOnlyList<Person> Rank(IEnumerable<Person> candidates, string query)
    {
        var queryWords = Words(query);
        if (queryWords.Count == 0)
        {
            return [];
        }

        var wholeQuery = string.Join(' ', queryWords);
        var named = candidates.Select(p => (Person: p, Words: Words(p.Name))).ToList();
        var exact = named.Where(c => string.Join(' ', c.Words) == wholeQuery).ToList();
        var matches = exact.Count > 0
            ? exact
            : named.Where(c => queryWords.All(q => c.Words.Any(w => w.StartsWith(q, StringComparison.Ordinal)))).ToList();
        return matches
            .Select(c => c.Person)
            .DistinctBy(p => p.Id, StringComparer.OrdinalIgnoreCase)
            .OrderBy(p => string.Join(' ', Words(p.Name)), StringComparer.Ordinal)
            .ThenBy(p => p.Id, StringComparer.OrdinalIgnoreCase)
            .Take(MaxResults)
            .ToList();
    }

    /// <summary>The words of a name folded for comparison: lower case, accents removed ("Tomás" is "tomas").</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            // Hyphens, apostrophes and other punctuation separate words: "Jean-Luc" is found by "luc".
            folded.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        return folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
