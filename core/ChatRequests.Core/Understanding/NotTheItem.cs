namespace ChatRequests.Core.Understanding;

/// <summary>
/// Two ways the words name an item and yet ask for something the item is not (ADR 0091): the thing asked for comes first
/// and the item only after "for" ("filament for the 3D printer", "an arm for my 4K screen": a supply, part or
/// accessory of the item's thing, not the thing); or the word that tells the item from its kin is said only after "not"
/// ("a calculator, not a graphing one", "not Maya"). Such a match is asked as a question, never a confident form.
/// </summary>
internal static class NotTheItem
{
    /// <summary>
    /// Words after which a name is what is not wanted ("not", "rather than"); not "no", which says what is missing and so
    /// wanted ("the crew room has no printer").
    /// </summary>
    private static readonly HashSet<string> Negations = ["not", "nor", "than"];

    private static readonly HashSet<string> Determiners = ["a", "an", "the", "my", "our", "your", "their", "his", "her", "this", "that", "these", "those"];

    /// <summary>Nouns of asking, not things: "approval for a card machine", "a quote for two kiosks" ask for the thing.</summary>
    private static readonly HashSet<string> AskingNouns = ["approval", "permission", "quote", "quotation", "price", "budget", "request", "help", "order", "form"];

    /// <summary>How far past "for" the item may be named and still be what the thing is for ("for my xbox dev kit").</summary>
    private const int Span = 4;

    public static bool IsAskedFor(Word[] words, CatalogIndex index, ScoredItem winner) =>
        winner.NamedBy is { } phrase && (AThingFor(words, index, winner, phrase) || (phrase.Kind != PhraseKind.Choice && SaidOnlyNegated(words, phrase)));

    /// <summary>
    /// The thing asked for (<see cref="AskHead.Run"/>) ends in a noun that is not the item's own, right before "for", and
    /// the words naming the item are all after it, within a few words. Not "on": "SPSS on the lab computers" asks for what
    /// goes on them.
    /// </summary>
    public static bool AThingFor(Word[] words, CatalogIndex index, ScoredItem winner, ItemPhrase phrase)
    {
        var (start, end) = AskHead.RunAt(words);
        // "kiosks for 2 sites": how many, not what for; "need to search for claims": a doing, not a thing.
        if (end == start || end + 1 >= words.Length || words[end].Raw != "for" || words[end + 1].IsNumber || Lexicon.Numbers.ContainsKey(words[end + 1].Raw)
            || (start > 0 && words[start - 1].Raw == "to"))
        {
            return false;
        }

        var head = words[end - 1];
        if (AskHead.Against(words, index, winner.Index) is AskHead.ItsOwn or AskHead.ItsOwnOfAKind or AskHead.NoHead
            || !Lexicon.IsThingWord(head.Raw) || General(head) || OtherThing.VagueHeads.Contains(head.Raw) || AskingNouns.Contains(head.Raw) || index.AnswerTerms.Contains(head.Term)
            || OfTheItem(head, index, winner))
        {
            return false;
        }

        // The item is the thing right after "for" ("for my Xbox dev kit"), not a word further on ("for Sarah, her last day")
        // nor what is done ("for editing videos").
        var naming = Naming(phrase);
        var named = Enumerable.Range(0, words.Length).Where(i => words[i].IsContent && naming.Contains(words[i].Term)).ToList();
        var first = Enumerable.Range(end + 1, words.Length - end - 1).FirstOrDefault(i => words[i].IsContent && !Determiners.Contains(words[i].Raw), -1);
        return named.Count > 0 && named[0] == first && named.All(i => i <= end + Span && !words[i].Raw.EndsWith("ing", StringComparison.Ordinal));
    }

    /// <summary>
    /// Whether a word is of the item's name, keywords or choices, or a misspelling of one ("chargr"); not of its description,
    /// which may mention what goes with the thing ("comes with a charger").
    /// </summary>
    private static bool OfTheItem(Word word, CatalogIndex index, ScoredItem winner) =>
        index.Phrases[winner.Index].SelectMany(p => p.Terms).SelectMany(t => Lexicon.SynonymsOf(t).Append(t))
            .Any(t => t == word.Term || Similarity.Typo(word.Term, t) >= Similarity.OneEdit);

    /// <summary>A general word ("licence", "software") or a misspelling of one ("licnese"): what any item may be, no other thing.</summary>
    private static bool General(Word word) =>
        Lexicon.GenericTerms.Contains(word.Term) || Lexicon.GenericTerms.Any(t => Similarity.Typo(word.Term, t) >= Similarity.OneEdit);

    /// <summary>
    /// A word of the item's name or keyword that is no general word is said, and said only right after a negation. Not of a
    /// choice: "photoshop, not the whole suite" says which choice, not that the item is not wanted.
    /// </summary>
    public static bool SaidOnlyNegated(Word[] words, ItemPhrase phrase)
    {
        var naming = Naming(phrase);
        return naming.Any(term =>
        {
            var at = Enumerable.Range(0, words.Length).Where(i => words[i].IsContent && words[i].Term == term).ToList();
            return at.Count > 0 && at.All(i => Negated(words, i));
        });
    }

    // "not maya", "not a graphing one", "rather than a cintiq".
    private static bool Negated(Word[] words, int i) =>
        (i > 0 && Negations.Contains(words[i - 1].Raw))
        || (i > 1 && Negations.Contains(words[i - 2].Raw) && words[i - 1].Raw is "a" or "an" or "the");

    private static HashSet<string> Naming(ItemPhrase phrase) =>
        phrase.Terms.Where(t => !Lexicon.GenericTerms.Contains(t)).SelectMany(t => Lexicon.SynonymsOf(t).Append(t)).ToHashSet(StringComparer.Ordinal);
}
