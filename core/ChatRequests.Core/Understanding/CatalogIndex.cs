using ChatRequests.Core.Catalog;

namespace ChatRequests.Core.Understanding;

/// <summary>A phrase that names an item (its name, a synonym, a keyword, one of its own choices), as terms.</summary>
/// <param name="Unsaid">Its words that are no terms but change its meaning ("new" of "new pager", "teams" of "teams room"): said too, or it is not said.</param>
internal sealed record ItemPhrase(string[] Terms, PhraseKind Kind, string[] Unsaid);

internal enum PhraseKind { Name, Keyword, Choice }

/// <summary>
/// What the matcher needs of one catalog, computed once: every term with the items it occurs in and how telling it
/// is there, the phrases that name each item, the vocabulary for typos, and the choices many items share.
/// </summary>
internal sealed class CatalogIndex
{
    // What one term is worth, by where it occurs in the item.
    private const double NameWeight = 3.0;
    /// <summary>A name's other words: "pager" in "Pager replacement battery" describes the battery.</summary>
    private const double NameModifierWeight = 2.5;
    private const double SingleKeywordWeight = 3.0;
    private const double PhraseKeywordWeight = 1.5;
    // A choice only this item offers ("Visio Plan 2") says which item, about as a keyword does.
    private const double ChoiceWeight = 1.5;
    private const double CategoryWeight = 1.0;
    /// <summary>
    /// A description's word, as a keyword phrase's (ADR 0056): people ask in the words a catalog uses to say what the item
    /// is ("a logger that records humidity in a showcase") more often than in its name's; a word many items' descriptions
    /// share is worth less there by how many it fits (<see cref="ItemScorer"/>), and it names nothing (<see cref="Names"/>).
    /// </summary>
    private const double DescriptionWeight = 1.5;

    /// <summary>A choice offered by this many items is a shared answer (a location), not a hint of the item.</summary>
    private const int SharedAnswerItems = 3;

    private readonly Dictionary<string, (int Item, double Weight)[]> _postings;
    private readonly Dictionary<string, string[]> _namedAfter;
    // The terms of every item's names, keywords and choices: what the catalog offers, not what it only describes.
    private readonly HashSet<string> _named;
    private readonly Dictionary<int, string[]> _vocabularyByLength;
    // The catalog's words as written (American spelling, not stemmed), for typos the stem would hide ("mose", "mouse").
    private readonly Dictionary<int, (string Raw, string Term)[]> _wordsByLength;
    // Two words side by side in an item's name, synonym or keyword, by the one word they make written together
    // ("touch screen" by "touchscreen"), and the catalog's one words that way ("smartcard", "pinpad"): a compound said
    // the other way is the same thing.
    private readonly Dictionary<string, (Word First, Word Second)> _split = new(StringComparer.Ordinal);
    private readonly HashSet<string> _joined = new(StringComparer.Ordinal);

    public CatalogIndex(IReadOnlyList<CatalogItem> items)
    {
        Items = items;
        var weights = new Dictionary<string, Dictionary<int, double>>(StringComparer.Ordinal);
        var phrases = new List<ItemPhrase>[items.Count];
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        var answers = items
            .SelectMany((item, index) => item.Fields.Where(f => f.Type == FieldType.Choice)
                .SelectMany(f => ChoiceNames(f).Select(c => (Field: f, Choice: c, Item: index))))
            .GroupBy(x => Key(Terms(x.Choice)), StringComparer.Ordinal)
            .Where(g => g.Key.Length > 0)
            .ToList();
        var choiceItems = answers.ToDictionary(g => g.Key, g => g.Select(x => x.Item).Distinct().Count(), StringComparer.Ordinal);
        var shared = answers.Where(g => choiceItems[g.Key] >= SharedAnswerItems).ToList();
        // Only choices read whole: "emergency room" without its stop word would remove every "room".
        SharedAnswers = [.. shared.Where(g => g.All(x => IsWhole(x.Choice))).Select(g => g.Key.Split(' '))];
        AnswerLabels = shared.SelectMany(g => g.SelectMany(x => Terms(x.Field.Label))).ToHashSet(StringComparer.Ordinal);

        var descriptions = Redirects.Kept(items);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            phrases[i] = [];
            foreach (var name in item.Synonyms.Prepend(item.Name))
            {
                AddPhrase(i, name, PhraseKind.Name, NameWeight);
            }

            foreach (var keyword in item.Keywords)
            {
                var whole = Terms(keyword).Length == 1 && Unsaid(keyword).Length == 0;
                AddPhrase(i, keyword, PhraseKind.Keyword, whole ? SingleKeywordWeight : PhraseKeywordWeight);
            }

            foreach (var choice in item.Fields.Where(f => f.Type == FieldType.Choice).SelectMany(ChoiceNames))
            {
                if (choiceItems.GetValueOrDefault(Key(Terms(choice))) < SharedAnswerItems)
                {
                    AddPhrase(i, choice, PhraseKind.Choice, ChoiceWeight);
                }
            }

            AddTerms(i, Content(item.Category), CategoryWeight);
            AddTerms(i, Content(descriptions[i]), DescriptionWeight);
        }

        Phrases = phrases;
        Actions = [.. phrases.Select(AskedActions.Of)];
        _named = phrases.SelectMany(p => p.SelectMany(x => x.Terms)).ToHashSet(StringComparer.Ordinal);
        Heads = phrases.SelectMany(p => p.Where(x => x.Kind != PhraseKind.Choice).Select(x => x.Terms[^1])).ToHashSet(StringComparer.Ordinal);
        AnswerTerms = SharedAnswers.SelectMany(a => a).ToHashSet(StringComparer.Ordinal);
        var naming = phrases.SelectMany(p => p.Where(x => x.Kind != PhraseKind.Choice).SelectMany(x => x.Terms)).ToHashSet(StringComparer.Ordinal);
        AnswerOnly = shared.SelectMany(g => g.Key.Split(' ')).Where(t => !naming.Contains(t)).ToHashSet(StringComparer.Ordinal);
        var pairs = phrases.SelectMany(p => p.Where(x => x.Kind != PhraseKind.Choice).SelectMany(x => x.Terms.Zip(x.Terms.Skip(1)))).Distinct().ToList();
        NamingPairs = pairs.Select(p => Key2(p.First, p.Second)).ToHashSet(StringComparer.Ordinal);
        _namedAfter = pairs.GroupBy(p => p.First, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Second).ToArray(), StringComparer.Ordinal);
        _postings = weights.ToDictionary(
            w => w.Key,
            w => w.Value.Select(p => (p.Key, p.Value)).ToArray(),
            StringComparer.Ordinal);
        _vocabularyByLength = _postings.Keys.GroupBy(t => t.Length).ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).ToArray());
        // "docking statoin": the parts of a phrase the catalog says as one word are typos of that word too.
        foreach (var (parts, joined) in Lexicon.Phrases)
        {
            var term = Tokens.Term(joined);
            if (_postings.ContainsKey(term))
            {
                foreach (var part in parts.Where(p => p.Length >= 4))
                {
                    written.TryAdd(part, term);
                }
            }
        }

        _wordsByLength = written.GroupBy(w => w.Key.Length).ToDictionary(g => g.Key, g => g.Select(w => (w.Key, w.Value)).Order().ToArray());

        void AddPhrase(int item, string text, PhraseKind kind, double weight)
        {
            var words = Content(text);
            if (words.Length == 0)
            {
                return;
            }

            foreach (var word in words)
            {
                _joined.Add(word.Raw);
            }

            var all = Tokens.Read(text);
            for (var w = 0; w + 1 < all.Length; w++)
            {
                if (IsCompoundPart(all[w]) && IsCompoundPart(all[w + 1]))
                {
                    _split.TryAdd(all[w].Raw + all[w + 1].Raw, (all[w], all[w + 1]));
                }
            }

            phrases[item].Add(new ItemPhrase([.. words.Select(w => w.Term)], kind, Unsaid(text)));
            if (kind != PhraseKind.Name)
            {
                AddTerms(item, words, weight);
                return;
            }

            var head = Head(text);
            AddTerms(item, words.Where(w => w.Term != head), NameModifierWeight);
            AddTerms(item, words.Where(w => w.Term == head), weight);
        }

        void AddTerms(int item, IEnumerable<Word> words, double weight)
        {
            foreach (var (raw, term) in words)
            {
                written.TryAdd(raw, term);
                if (!weights.TryGetValue(term, out var byItem))
                {
                    weights[term] = byItem = [];
                }

                byItem[item] = Math.Max(weight, byItem.GetValueOrDefault(item));
            }
        }
    }

    public IReadOnlyList<CatalogItem> Items { get; }

    /// <summary>Per item (catalog order), the phrases that name it.</summary>
    public IReadOnlyList<List<ItemPhrase>> Phrases { get; }

    /// <summary>Per item, the actions its own words say it is (ADR 0059): "Software install", "Password reset", "Leaver".</summary>
    public IReadOnlyList<AskedAction> Actions { get; }

    /// <summary>Choices (as terms) that many items offer: they fill a form, they do not pick the item.</summary>
    public IReadOnlyList<string[]> SharedAnswers { get; }

    /// <summary>The terms of those shared choices ("berlin", "office", "icu").</summary>
    public IReadOnlySet<string> AnswerTerms { get; }

    /// <summary>The last terms of the items' names and keywords: the things the catalog offers ("phone" of "Desk phone").</summary>
    public IReadOnlySet<string> Heads { get; }

    /// <summary>Terms of those shared choices that name no item ("berlin", "qwertz", "7b").</summary>
    public IReadOnlySet<string> AnswerOnly { get; }

    /// <summary>Two terms side by side in an item's name or keyword ("warehous system", "point sal"), as "a b".</summary>
    public IReadOnlySet<string> NamingPairs { get; }

    /// <summary>The terms that follow <paramref name="term"/> in an item's name or keyword ("system" after "warehous").</summary>
    public string[] NamedAfter(string term) => _namedAfter.GetValueOrDefault(term) ?? [];

    /// <summary>Terms of the labels of fields with shared choices ("keyboard" of "Keyboard layout", "ward").</summary>
    public IReadOnlySet<string> AnswerLabels { get; }

    /// <summary>The terms of an item's name and synonyms, with their general synonyms.</summary>
    public IReadOnlySet<string> Naming(int item) =>
        Phrases[item].Where(p => p.Kind == PhraseKind.Name).SelectMany(p => p.Terms).SelectMany(t => Lexicon.SynonymsOf(t).Append(t)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The items a term occurs in, with its weight there.</summary>
    public (int Item, double Weight)[] Postings(string term) => _postings.GetValueOrDefault(term) ?? [];

    public bool Knows(string term) => _postings.ContainsKey(term);

    /// <summary>Whether the name is one of the catalog's categories, as written there (ignoring case).</summary>
    public bool IsCategory(string name) => Items.Any(i => string.Equals(i.Category, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Whether the word names something the catalog offers (in a name, keyword or choice; through a general synonym or
    /// a small typo), not only a word of its descriptions ("stand" of "a display with a stand").
    /// </summary>
    public bool Names(Word word) =>
        _named.Contains(word.Term) || Lexicon.SynonymsOf(word.Term).Any(_named.Contains)
        || Near(word).Any(n => n.Quality >= Similarity.OneEdit && _named.Contains(n.Term));

    /// <summary>Known terms a typed term may stand for: longer or shorter forms of it and small typos.</summary>
    public IEnumerable<(string Term, double Quality)> Near(Word word) => Near(word, IsEnglishOnly(word));

    /// <summary>
    /// An English word the catalog and the lexicon do not know ("deck", "painter", "lust"): read as itself (ADR 0069),
    /// unless it completes a name or keyword of several words whose other words the message says (ADR 0072).
    /// </summary>
    public bool IsEnglishOnly(Word word) => !Knows(word.Term) && !Lexicon.IsKnownTerm(word.Term) && EnglishWords.Contains(word.Raw);

    /// <summary>
    /// The typos of catalog words an English word may be (ADR 0072): what it would be read as were it not a word; none for
    /// one of the most frequent words ("next" is not "text", "says" not "days").
    /// </summary>
    public IEnumerable<(string Term, double Quality)> TyposOfEnglish(Word word) =>
        MayBeTypoOfEnglish(word) ? Near(word, spelledRight: false).Where(n => n.Quality is not Similarity.Affix) : [];

    /// <summary>
    /// Whether an English word may be a typo of a catalog word at all (<see cref="TyposOfEnglish"/> may be non-empty): one the
    /// catalog and the lexicon do not know and not one of the most frequent words.
    /// </summary>
    public bool MayBeTypoOfEnglish(Word word) => IsEnglishOnly(word) && !EnglishWords.IsCommon(word.Raw);

    /// <param name="spelledRight">Whether the word is taken as spelt right (an English word, ADR 0069): then only longer
    /// and shorter forms of it are near, no typos.</param>
    private IEnumerable<(string Term, double Quality)> Near(Word word, bool spelledRight)
    {
        // A word the catalog or the lexicon knows is no typo of another ("printer" is not "pointer"), nor is an English
        // word spelt right ("house" is not "mouse", "what" not "that"; ADR 0069).
        var exact = spelledRight || Knows(word.Term) || Lexicon.IsKnownTerm(word.Term);
        for (var length = Math.Max(1, word.Term.Length - 4); length <= word.Term.Length + 4; length++)
        {
            foreach (var term in _vocabularyByLength.GetValueOrDefault(length, []))
            {
                var quality = term == word.Term ? 0 : exact ? Affix(word.Term, term) : Similarity.Of(word.Term, term);
                if (quality > 0)
                {
                    yield return (term, quality);
                }
            }
        }

        if (exact)
        {
            yield break;
        }

        for (var length = word.Raw.Length - 2; length <= word.Raw.Length + 2; length++)
        {
            foreach (var (raw, term) in _wordsByLength.GetValueOrDefault(length, []))
            {
                if (Similarity.Typo(word.Raw, raw) is > 0 and var quality)
                {
                    yield return (term, quality);
                }
            }
        }
    }

    /// <summary>
    /// The words with the catalog's compounds said its way: two words the catalog writes as one are that word ("smart
    /// card" where it says "smartcard"), one word it writes as two is those two ("touchscreen" where it says "touch screen").
    /// Only letters, each part at least three long, and never a word the catalog itself writes.
    /// </summary>
    public Word[] Compounds(Word[] words, string text)
    {
        List<Word>? said = null;
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (i + 1 < words.Length && IsCompoundPart(word) && IsCompoundPart(words[i + 1]) && _joined.Contains(word.Raw + words[i + 1].Raw)
                && !NamingPairs.Contains(Key2(word.Term, words[i + 1].Term)))
            {
                var joined = word.Raw + words[i + 1].Raw;
                (said ??= [.. words.Take(i)]).Add(new Word(joined, Tokens.Term(joined)));
                i++;
                continue;
            }

            // "crewcontrol@": an address is a name, not a compound.
            if (IsCompoundPart(word) && !_joined.Contains(word.Raw) && _split.TryGetValue(word.Raw, out var parts)
                && !text.Contains(word.Raw + "@", StringComparison.OrdinalIgnoreCase))
            {
                (said ??= [.. words.Take(i)]).AddRange([parts.First, parts.Second]);
                continue;
            }

            said?.Add(word);
        }

        return said is null ? words : [.. said];
    }

    private static bool IsCompoundPart(Word word) => word.Raw.Length >= 3 && word.IsContent && word.Raw.All(char.IsAsciiLetterLower);

    /// <summary>The content words of a text, in order.</summary>
    public static Word[] Content(string text) => [.. Tokens.Read(text).Where(w => w.IsContent)];

    private static string[] Terms(string text) => [.. Content(text).Select(w => w.Term)];

    /// <summary>A choice and the other words people use for it.</summary>
    public static IEnumerable<string> ChoiceNames(CatalogField field) =>
        field.Choices.Concat(field.ChoiceSynonyms.Values.SelectMany(s => s));

    private static readonly HashSet<string> Grammar = ["a", "an", "the", "of", "and", "for", "to", "in", "on", "at", "my", "with", "from", "i", "me", "your", "our", "is", "it", "or", "by", "as"];

    // The stop words of a phrase that change what it means.
    private static string[] Unsaid(string text) => [.. Tokens.Read(text).Where(w => !w.IsContent && !Grammar.Contains(w.Raw) && w.Term.Length > 1).Select(w => w.Raw)];

    /// <summary>The term a name is about: its last before "on", "for", "of"... ("Workstation on wheels", "Pager replacement battery").</summary>
    internal static string? Head(string name)
    {
        var words = Tokens.Read(name);
        var end = Array.FindIndex(words, w => w.Raw is "on" or "for" or "of" or "in" or "with" or "and" or "to" or "from");
        return words.Take(end < 0 ? words.Length : end).LastOrDefault(w => w.IsContent).Term;
    }

    // Every word of the choice is a content word (articles aside).
    private static bool IsWhole(string choice) =>
        Content(choice).Length == Tokens.Read(choice).Count(w => w.Raw is not ("a" or "an" or "the" or "of" or "and"));

    private static string Key(string[] terms) => string.Join(' ', terms);

    public static string Key2(string first, string second) => $"{first} {second}";

    // A correctly spelt word is no typo of another ("mouse" is not "house"), but may be a shorter form ("print", "printer").
    private static double Affix(string word, string term) =>
        Math.Min(word.Length, term.Length) >= 4 && Math.Abs(word.Length - term.Length) <= 4
            && (term.StartsWith(word, StringComparison.Ordinal) || word.StartsWith(term, StringComparison.Ordinal))
            ? Similarity.Affix
            : 0;
}
