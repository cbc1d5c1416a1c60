using System.Globalization;
using ChatRequests.Core.Catalog;

namespace ChatRequests.Core.Understanding;

/// <summary>
/// The form values the words name: a choice said whole or by the words only it has ("German keyboard" is
/// "German (QWERTZ)", "the Berlin office" is "Berlin office", "27in" is "27 inch"), or by one of its synonyms; a
/// number beside the field's own words ("3 licences"). Values are exactly as the catalog spells them.
/// </summary>
internal static class SlotReader
{
    private const double FullMatch = 10;
    // A lone number is weaker evidence than a word ("Visio" beats the "2" of "for 2 people").
    private const double NumberHit = 0.5;

    private static readonly HashSet<string> FunctionWords =
    [
        "a", "an", "the", "of", "and", "or", "to", "for", "in", "on", "at", "by", "with", "my", "me", "i", "im", "it", "its",
        "is", "are", "be", "we", "our", "you", "your", "this", "that", "need", "please", "pls", "can", "could", "would",
        "get", "want", "like", "new", "some", "any", "just", "also", "so", "but", "if", "as", "from", "have", "has",
    ];

    /// <param name="naming">The terms of the item's name and synonyms: they say which item, not which choice of it.</param>
    public static IReadOnlyDictionary<string, string> Read(CatalogItem item, IReadOnlyList<Word> words, IReadOnlySet<string> naming)
    {
        var slots = new Dictionary<string, string>(StringComparer.Ordinal);
        var said = words.Where(Counts).Select(w => w.Term).ToArray();
        if (said.Length == 0)
        {
            return slots;
        }

        foreach (var field in item.Fields)
        {
            var value = field.Type switch
            {
                FieldType.Choice => Choice(field, said, naming),
                FieldType.Number => Number(field, item, words),
                _ => null,
            };
            if (value is not null)
            {
                slots[field.Id] = value;
            }
        }

        return slots;
    }

    private static string? Choice(CatalogField field, string[] said, IReadOnlySet<string> naming)
    {
        var variants = field.Choices
            .SelectMany(choice => field.ChoiceSynonyms.GetValueOrDefault(choice, []).Prepend(choice).Select(v => (Choice: choice, Terms: Terms(v))))
            .Where(v => v.Terms.Length > 0)
            .ToList();
        string? best = null;
        var bestScore = 0.0;
        var tie = false;
        foreach (var choice in field.Choices)
        {
            var score = 0.0;
            foreach (var (_, terms) in variants.Where(v => v.Choice == choice))
            {
                var names = terms.All(naming.Contains);
                score = Math.Max(score, !names && terms.All(t => Said(t, said)) ? FullMatch + terms.Length : 0);
                // The words no other choice of the field has: "berlin" of "Berlin office".
                var own = terms.Where(t => !naming.Contains(t) && !variants.Any(v => v.Choice != choice && v.Terms.Contains(t))).ToArray();
                score = Math.Max(score, own.Where(t => Said(t, said)).Sum(t => IsNumber(t) ? NumberHit : 1));
            }

            if (score > bestScore)
            {
                (best, bestScore, tie) = (choice, score, false);
            }
            else if (score > 0 && score == bestScore)
            {
                tie = true;
            }
        }

        return tie ? null : best;
    }

    /// <summary>A number right before or after one of the field's own words or the item's name ("3 licences", "quantity 2").</summary>
    private static string? Number(CatalogField field, CatalogItem item, IReadOnlyList<Word> words)
    {
        var near = Terms($"{field.Label} {field.Placeholder} {item.Name}").ToHashSet(StringComparer.Ordinal);
        var found = new HashSet<int>();
        for (var i = 0; i < words.Count; i++)
        {
            if (ValueOf(words[i]) is not { } value)
            {
                continue;
            }

            var neighbours = words.Skip(i + 1).Take(2).Append(i > 0 ? words[i - 1] : default);
            if (neighbours.Any(w => w.Term is not null && near.Any(t => Similarity.Of(w.Term, t) > 0)))
            {
                found.Add(value);
            }
        }

        return found.Count == 1 ? found.Single().ToString(CultureInfo.InvariantCulture) : null;
    }

    private static int? ValueOf(Word word) =>
        word.IsNumber && word.Raw.Length <= 6 ? int.Parse(word.Raw, CultureInfo.InvariantCulture)
        : Lexicon.Numbers.TryGetValue(word.Raw, out var n) ? n : null;

    private static string[] Terms(string text) => [.. Tokens.Read(text).Where(Counts).Select(w => w.Term)];

    // Choices are short and every word of them tells ("Emergency team pager", "Other"): only function words are left out.
    private static bool Counts(Word word) => word.IsNumber || (word.Term.Length > 1 && !FunctionWords.Contains(word.Raw));

    private static bool IsNumber(string term) => term.All(char.IsAsciiDigit);

    private static bool Said(string term, string[] said) =>
        said.Any(s => s == term || (!IsNumber(term) && Similarity.Of(s, term) > 0));
}
