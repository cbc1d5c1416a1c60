using System.Globalization;
using ChatRequests.Core.Catalog;

namespace ChatRequests.Core.Understanding;

/// <summary>
/// The form values the words name: a choice said whole or by the words only it has ("German keyboard" is
/// "German (QWERTZ)", "the Berlin office" is "Berlin office", "27in" is "27 inch"), or by one of its synonyms; a
/// number beside the field's own words ("3 licences", "2000 GPU hours"), or the only number said. Values are
/// exactly as the catalog spells them.
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

    // Words after a number that make it a count of the item: "2 more", "3 extra".
    private static readonly HashSet<string> CountWords = ["more", "extra", "additional", "x", "of", "new", "spare", "further"];

    // Units that make a number a size or a time, not a count ("27 inch", "a 2 week visit").
    private static readonly HashSet<string> Units = ["inch", "gb", "tb", "mb", "hour", "day", "days", "week", "weeks", "month", "year", "am", "pm", "percent"];

    /// <param name="naming">The terms of the item's name and synonyms: they say which item, not which choice of it.</param>
    public static IReadOnlyDictionary<string, string> Read(CatalogItem item, IReadOnlyList<Word> words, IReadOnlySet<string> naming)
    {
        var slots = new Dictionary<string, string>(StringComparer.Ordinal);
        var said = words.Where(Counts).ToArray();
        if (said.Length == 0)
        {
            return slots;
        }

        var numberFields = item.Fields.Count(f => f.Type == FieldType.Number);
        foreach (var field in item.Fields)
        {
            var value = field.Type switch
            {
                FieldType.Choice => Choice(field, words, said, naming),
                FieldType.Number => Number(field, words, numberFields == 1),
                _ => null,
            };
            if (value is not null)
            {
                slots[field.Id] = value;
            }
        }

        return slots;
    }

    private static string? Choice(CatalogField field, IReadOnlyList<Word> words, Word[] said, IReadOnlySet<string> naming)
    {
        var variants = field.Choices
            .SelectMany(choice => field.ChoiceSynonyms.GetValueOrDefault(choice, []).Prepend(choice).Select(v => (Choice: choice, Words: Tokens.Read(v))))
            .Select(v => (v.Choice, v.Words, Terms: v.Words.Where(Counts).ToArray()))
            .ToList();
        string? best = null;
        var bestScore = 0.0;
        var tie = false;
        foreach (var choice in field.Choices)
        {
            var score = 0.0;
            foreach (var (_, variantWords, terms) in variants.Where(v => v.Choice == choice))
            {
                // "A&E": nothing but short words, said in order.
                if (terms.Length == 0)
                {
                    score = Math.Max(score, variantWords.Length > 0 && InOrder(variantWords, words) ? FullMatch + variantWords.Length : 0);
                    continue;
                }

                score = Math.Max(score, terms.All(t => Said(t, said, naming) || SaidInWords(t, said)) ? FullMatch + terms.Length : 0);
                // The words no other choice of the field has: "berlin" of "Berlin office".
                var own = terms.Where(t => !naming.Contains(t.Term) && !variants.Any(v => v.Choice != choice && v.Terms.Any(o => o.Term == t.Term))).ToArray();
                score = Math.Max(score, own.Where(t => Said(t, said, naming)).Sum(t => t.IsNumber ? NumberHit : 1));
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

    /// <summary>A number beside the field's own words or a count word ("3 licences", "2 more"), else the only count said.</summary>
    private static string? Number(CatalogField field, IReadOnlyList<Word> words, bool onlyNumberField)
    {
        var label = Tokens.Read($"{field.Label} {field.Placeholder}").Where(w => w.IsContent).Select(w => w.Term).ToHashSet(StringComparer.Ordinal);
        var beside = new HashSet<int>();
        var counts = new HashSet<int>();
        for (var i = 0; i < words.Count; i++)
        {
            if (ValueOf(words[i]) is not { } value)
            {
                continue;
            }

            var next = i + 1 < words.Count ? words[i + 1] : default;
            var neighbours = words.Skip(i + 1).Take(2).Append(i > 0 ? words[i - 1] : default).Where(w => w.Term is not null);
            if (neighbours.Any(w => label.Any(t => w.Term == t || Similarity.Of(w.Term, t) > 0)) || (next.Raw is { } r && CountWords.Contains(r)))
            {
                beside.Add(value);
            }
            else if (next.Raw is null || !Units.Contains(next.Term) && !Units.Contains(next.Raw))
            {
                counts.Add(value);
            }
        }

        var found = beside.Count > 0 ? beside : onlyNumberField ? counts : [];
        return found.Count == 1 ? found.Single().ToString(CultureInfo.InvariantCulture) : null;
    }

    private static int? ValueOf(Word word) =>
        word.IsNumber && word.Raw.Length <= 6 ? int.Parse(word.Raw, CultureInfo.InvariantCulture)
        : word.Raw != "one" && Lexicon.Numbers.TryGetValue(word.Raw, out var n) ? n : null;

    // Choices are short and every word of them tells ("Emergency team pager", "Other"): only function words are left out.
    // Single letters count ("P drive", "block C").
    private static bool Counts(Word word) => word.IsNumber || (word.Term.Length > 0 && !FunctionWords.Contains(word.Raw));

    private static bool InOrder(Word[] phrase, IReadOnlyList<Word> words)
    {
        for (var start = 0; start + phrase.Length <= words.Count; start++)
        {
            if (phrase.Select((w, i) => words[start + i].Raw == w.Raw).All(same => same))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A number of a choice spelt out ("semester one", "five years"): only beside the choice's other words, since a lone
    /// "one" is as often a pronoun ("a new one").
    /// </summary>
    private static bool SaidInWords(Word term, Word[] said) =>
        term.IsNumber && said.Any(s => Lexicon.Numbers.TryGetValue(s.Raw, out var n) && n.ToString(CultureInfo.InvariantCulture) == term.Raw);

    /// <summary>Said as such, or with a typo of the written word; a word naming the item is no typo of a choice ("phone", "iphone").</summary>
    private static bool Said(Word term, Word[] said, IReadOnlySet<string> naming) =>
        said.Any(s => s.Term == term.Term || (!term.IsNumber && !naming.Contains(s.Term) && !EnglishWords.Contains(s.Raw) && Similarity.Typo(s.Raw, term.Raw) > 0));
}
