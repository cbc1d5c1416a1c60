using System.Text;
using ChatRequests.Core.Priority;

namespace ChatRequests.Core.Catalog;

/// <summary>
/// What a person's own words matched in the catalog. Exactly one of three outcomes: a clear
/// <see cref="Best"/> item (and no <see cref="Candidates"/>); several close <see cref="Candidates"/>,
/// best first (and no <see cref="Best"/>); or nothing good enough (both empty).
/// </summary>
/// <param name="UrgencyHint">How urgent the words sound ("asap", "no rush"), or null when they do not say.</param>
public sealed record CatalogMatch(CatalogItem? Best, IReadOnlyList<CatalogItem> Candidates, Urgency? UrgencyHint)
{
    public bool IsEmpty => Best is null && Candidates.Count == 0;
}

/// <summary>
/// Matches free text ("my headset broke, need a new one", "new lapotp") against catalog items: their
/// keywords, name, category and description, tolerating plurals and small typos. Deterministic: the same
/// text and items always give the same result, ties keep catalog order.
/// </summary>
public static class CatalogMatcher
{
    public const int MaxCandidates = 5;

    /// <summary>The least score that is a match: about one misspelt word of an item's name.</summary>
    private const double MinScore = 1.5;

    /// <summary>A multi-word choice offered by this many items is a shared answer (a location), not a hint of the item.</summary>
    private const int SharedAnswerItems = 3;
    /// <summary>The winner must score this many times the runner-up to be taken without asking.</summary>
    private const double ClearLead = 1.5;
    /// <summary>Runners-up within this fraction of the top score are offered as candidates.</summary>
    private const double CloseBand = 0.5;

    // What one matching word is worth, by where it occurs in the item.
    private const double KeywordWeight = 3.0;
    private const double NameWeight = 2.0;
    private const double PhraseWordWeight = 2.0;
    private const double CategoryWeight = 1.0;
    private const double DescriptionWeight = 0.5;
    private const double PhraseBonusPerWord = 1.5;
    private const double WholeKeywordBonus = 2.0;

    private const double AffixQuality = 0.75;
    private const double OneEditQuality = 0.75;
    private const double TwoEditsQuality = 0.5;

    private static readonly HashSet<string> StopWords =
    [
        "i", "im", "ive", "id", "me", "my", "mine", "we", "our", "us", "you", "your", "he", "she", "they", "them",
        "a", "an", "the", "to", "for", "of", "on", "in", "at", "by", "with", "from", "into", "about", "as",
        "and", "or", "but", "if", "so", "just", "also", "too", "very", "really", "some", "any", "one", "another",
        "is", "am", "are", "was", "were", "be", "been", "it", "its", "itll", "this", "that", "these", "those",
        "there", "here", "have", "has", "had", "do", "does", "did", "dont", "doesnt", "didnt", "cant", "cannot",
        "wont", "isnt", "not", "no", "need", "needs", "needed", "new", "please", "pls", "plz", "can", "could",
        "would", "will", "should", "get", "got", "getting", "want", "wanted", "like", "request", "order",
        "give", "help", "hi", "hello", "hey", "thanks", "thank", "thx", "how", "what", "where", "when", "which",
        "who", "why", "up", "out", "again", "still", "now", "soon", "work", "working", "urgent", "urgently",
        "asap", "today", "tomorrow", "immediately", "blocked", "rush", "hurry", "whenever", "week", "month",
        "possible", "priority", "critical", "emergency",
    ];

    // Urgency is read from the words in order, stop words kept ("can't work" is "cant work").
    private static readonly string[] HighUrgency =
    [
        "urgent", "urgently", "asap", "as soon as possible", "today", "right now", "right away", "immediately",
        "straight away", "blocked", "cant work", "cannot work", "can not work", "unable to work", "emergency",
        "critical", "this morning", "tonight",
    ];

    private static readonly string[] LowUrgency =
    [
        "next week", "next month", "no rush", "no hurry", "whenever", "not urgent", "not urgently",
        "no urgency", "when you can", "when you have time", "low priority", "eventually", "not today",
    ];

    public static CatalogMatch Match(string text, IReadOnlyList<CatalogItem> items)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(items);

        var urgency = FindUrgencyHint(text);
        var query = ContentWords(WithoutSharedAnswers(text, items)).Distinct().ToArray();
        if (query.Length == 0)
        {
            return new CatalogMatch(null, [], urgency);
        }

        var ranked = items
            .Select((item, index) => (Item: item, Index: index, Score: Score(query, ItemIndex.For(item))))
            .Where(s => s.Score >= MinScore)
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Index)
            .ToList();
        if (ranked.Count == 0)
        {
            return new CatalogMatch(null, [], urgency);
        }

        var top = ranked[0].Score;
        var second = ranked.Count > 1 ? ranked[1].Score : 0;
        if (top >= ClearLead * second)
        {
            return new CatalogMatch(ranked[0].Item, [], urgency);
        }

        var candidates = ranked.Where(s => s.Score >= top * CloseBand).Take(MaxCandidates).Select(s => s.Item).ToList();
        return new CatalogMatch(null, candidates, urgency);
    }

    /// <summary>High for "urgent", "asap", "blocked", "can't work"...; Low for "no rush", "next week"...; else null.</summary>
    public static Urgency? FindUrgencyHint(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var padded = $" {string.Join(' ', Words(text))} ";
        var low = false;
        foreach (var phrase in LowUrgency)
        {
            if (padded.Contains($" {phrase} ", StringComparison.Ordinal))
            {
                low = true;
                // "not urgent" must not count as "urgent".
                padded = padded.Replace($" {phrase} ", " ", StringComparison.Ordinal);
            }
        }

        if (HighUrgency.Any(phrase => padded.Contains($" {phrase} ", StringComparison.Ordinal)))
        {
            return Urgency.High;
        }

        return low ? Urgency.Low : null;
    }

    private static double Score(string[] query, ItemIndex index)
    {
        var score = 0.0;
        foreach (var word in query)
        {
            var best = 0.0;
            foreach (var (term, weight) in index.Terms)
            {
                best = Math.Max(best, weight * Similarity(word, term));
            }

            score += best;
        }

        return score + PhraseBonus(query, index.Phrases) + WholeKeywordMatch(query, index.Phrases);
    }

    /// <summary>The best multi-word keyword ("finance share") found as consecutive words of the query.</summary>
    private static double PhraseBonus(string[] query, IReadOnlyList<string[]> phrases)
    {
        var best = 0.0;
        foreach (var phrase in phrases.Where(p => p.Length > 1 && p.Length <= query.Length))
        {
            for (var start = 0; start + phrase.Length <= query.Length; start++)
            {
                var quality = 1.0;
                for (var i = 0; i < phrase.Length && quality > 0; i++)
                {
                    quality = Math.Min(quality, Similarity(query[start + i], phrase[i]));
                }

                best = Math.Max(best, PhraseBonusPerWord * phrase.Length * quality);
            }
        }

        return best;
    }

    /// <summary>
    /// The query says exactly one of the item's keywords or its name: "laptop" is the standard laptop,
    /// even though the developer laptop's name contains the word too.
    /// </summary>
    private static double WholeKeywordMatch(string[] query, IReadOnlyList<string[]> phrases)
    {
        var best = 0.0;
        foreach (var phrase in phrases.Where(p => p.Length == query.Length))
        {
            var quality = query.Min(word => phrase.Max(term => Similarity(word, term)));
            if (quality > 0 && phrase.All(term => query.Any(word => Similarity(word, term) > 0)))
            {
                best = Math.Max(best, WholeKeywordBonus * quality);
            }
        }

        return best;
    }

    /// <summary>1 for the same word, less for a prefix ("dock", "docking") or a small typo, 0 otherwise.</summary>
    private static double Similarity(string word, string term)
    {
        if (word == term)
        {
            return 1;
        }

        var shorter = Math.Min(word.Length, term.Length);
        if (shorter >= 4 && (term.StartsWith(word, StringComparison.Ordinal) || word.StartsWith(term, StringComparison.Ordinal)))
        {
            return AffixQuality;
        }

        if (shorter < 4 || !word.Any(char.IsLetter))
        {
            return 0;
        }

        var allowed = shorter >= 8 ? 2 : 1;
        return EditDistance(word, term, allowed) switch
        {
            1 => OneEditQuality,
            2 when allowed >= 2 => TwoEditsQuality,
            _ => 0,
        };
    }

    /// <summary>
    /// Damerau-Levenshtein distance (optimal string alignment: adjacent transpositions count one), or
    /// <paramref name="max"/> + 1 as soon as it is certain to exceed <paramref name="max"/>.
    /// </summary>
    private static int EditDistance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }

    /// <summary>
    /// Removes answers that many items share ("Berlin office", "UK" keyboard): they fill a field of the form, but
    /// say nothing about which item is meant, and would otherwise pull in items that mention "office".
    /// </summary>
    private static string WithoutSharedAnswers(string text, IReadOnlyList<CatalogItem> items)
    {
        var shared = items
            .SelectMany(item => item.Fields.Where(f => f.Type == FieldType.Choice).SelectMany(f => f.Choices).Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(choice => (Item: item.Id, Choice: choice)))
            .GroupBy(x => string.Join(' ', Words(x.Choice)))
            .Where(g => g.Key.Contains(' ', StringComparison.Ordinal) && g.Select(x => x.Item).Distinct().Count() >= SharedAnswerItems)
            .Select(g => g.Key);
        var padded = $" {string.Join(' ', Words(text))} ";
        foreach (var phrase in shared)
        {
            padded = padded.Replace($" {phrase} ", " ", StringComparison.Ordinal);
        }

        return padded;
    }

    /// <summary>The words that carry meaning: lower case, stop words dropped, plurals made singular.</summary>
    private static IEnumerable<string> ContentWords(string text) =>
        Words(text)
            .Where(w => w.Length > 1 && !StopWords.Contains(w))
            .Select(Stem)
            .Where(w => !StopWords.Contains(w));

    /// <summary>Lower-case words; apostrophes vanish ("can't" is "cant"), anything else that is not a letter or digit separates.</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (c is not ('\'' or '\u2019' or '\u2018'))
            {
                Flush();
            }
        }

        Flush();
        return words;

        void Flush()
        {
            if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
    }

    /// <summary>Light stemming: plural to singular ("licences", "accessories", "boxes"), nothing more.</summary>
    private static string Stem(string word)
    {
        if (word.Length <= 3)
        {
            return word;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        if (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)
            || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        var keep = word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal)
            || word.EndsWith("is", StringComparison.Ordinal);
        return word.EndsWith('s') && !keep ? word[..^1] : word;
    }

    /// <summary>An item's words with their weights, and its multi-word phrases (keywords and name).</summary>
    private sealed record ItemIndex(IReadOnlyDictionary<string, double> Terms, IReadOnlyList<string[]> Phrases)
    {
        public static ItemIndex For(CatalogItem item)
        {
            var terms = new Dictionary<string, double>(StringComparer.Ordinal);
            var phrases = new List<string[]>();

            foreach (var keyword in item.Keywords)
            {
                var words = ContentWords(keyword).ToArray();
                Add(terms, words, words.Length == 1 ? KeywordWeight : PhraseWordWeight);
                if (words.Length > 0)
                {
                    phrases.Add(words);
                }
            }

            var name = ContentWords(item.Name).ToArray();
            Add(terms, name, NameWeight);
            if (name.Length > 0)
            {
                phrases.Add(name);
            }

            Add(terms, ContentWords(item.Category), CategoryWeight);
            Add(terms, ContentWords(item.Description), DescriptionWeight);
            return new ItemIndex(terms, phrases);
        }

        private static void Add(Dictionary<string, double> terms, IEnumerable<string> words, double weight)
        {
            foreach (var word in words)
            {
                terms[word] = Math.Max(weight, terms.GetValueOrDefault(word));
            }
        }
    }
}
