namespace ChatRequests.Core.Understanding;

/// <summary>
/// Three ways the words name an item and yet ask for something the item is not: the thing asked for comes first and the
/// item only after "for" ("filament for the 3D printer", "an arm for my 4K screen": a supply, part or accessory of the
/// item's thing, not the thing; ADR 0091); the word that tells the item from its kin is said only after "not" ("a
/// calculator, not a graphing one", "not Maya"; ADR 0091); or the item is said only as what the asked thing would replace
/// ("a Zoom licence instead of Teams", "Scribus doesnt export what we need"; ADR 0092). Such a match is asked as a question,
/// never a confident form.
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

    /// <summary>
    /// Words after which a thing is what the asker has, leaves or dislikes, not what is wanted (ADR 0092): "a Zoom licence
    /// instead of Teams", "dont get on with Affinity".
    /// </summary>
    private static readonly string[][] LeftBehind =
    [
        ["instead", "of"], ["in", "place", "of"], ["rather", "than"], ["dont", "like"], ["dont", "want"], ["dont", "get", "on", "with"],
        ["sick", "of"], ["fed", "up", "with"], ["hate"],
    ];

    /// <summary>
    /// A thing said right before one of these is what falls short ("Scribus doesnt export what we need"). Not "cant" nor "dont",
    /// whose subject chat drops ("forgot my password, cant log on": the password is wanted).
    /// </summary>
    private static readonly HashSet<string> FallsShort = ["doesnt", "wont", "isnt", "arent", "didnt"];

    public static bool IsAskedFor(Word[] words, CatalogIndex index, ScoredItem winner) =>
        (winner.NamedBy is { } phrase && (AThingFor(words, index, winner, phrase) || (phrase.Kind != PhraseKind.Choice && SaidOnlyNegated(words, phrase))))
        || NamedOnlyAsLeft(words, index, winner);

    /// <summary>
    /// Every place the item's name, a keyword, synonym or choice is said whole is said as what the asker leaves behind:
    /// after "instead of", "dont like", "rather than" ... with only determiners between, or right before "doesnt", "wont"
    /// ...; and the thing asked for in the words before (<see cref="AskHead.RunAt"/>) has a word not the item's: the item is
    /// what the asked thing would replace ("a Zoom licence instead of Teams", "a Pixel, I dont like iPhones"). With or
    /// without a naming phrase on the winner, so where the encoder chose the item too.
    /// </summary>
    public static bool NamedOnlyAsLeft(Word[] words, CatalogIndex index, ScoredItem winner)
    {
        var said = Said(words, index.Phrases[winner.Index]);
        if (said.Count == 0)
        {
            return false;
        }

        var left = said.Select(i => LeftAt(words, said, i)).ToList();
        if (left.Any(at => at < 0))
        {
            return false;
        }

        // The thing asked for, read in the words before the item is left ("dont want a dell" asks for no dell), is not the item's.
        var before = words[..left.Min()];
        var (start, end) = AskHead.RunAt(before);
        return Enumerable.Range(start, end - start).Any(i => !before[i].IsNumber && Lexicon.IsThingWord(before[i].Raw)
            && !said.Contains(i) && !General(before[i]) && !OtherThing.VagueHeads.Contains(before[i].Raw));
    }

    /// <summary>
    /// Where the item's name, a keyword or a choice is said whole (its content words in a row; "sound" alone does not say
    /// "sound design"), not one of general words only ("licence").
    /// </summary>
    private static HashSet<int> Said(Word[] words, IReadOnlyList<ItemPhrase> phrases)
    {
        var content = Enumerable.Range(0, words.Length).Where(i => words[i].IsContent).ToArray();
        var said = new HashSet<int>();
        foreach (var phrase in phrases.Where(p => p.Terms.Length > 0 && !p.Terms.All(Lexicon.GenericTerms.Contains)))
        {
            for (var k = 0; k + phrase.Terms.Length <= content.Length; k++)
            {
                if (phrase.Terms.Select((t, j) => Is(words[content[k + j]], t)).All(b => b))
                {
                    said.UnionWith(content[k..(k + phrase.Terms.Length)]);
                }
            }
        }

        return said;

        static bool Is(Word word, string term) => word.Term == term || Lexicon.SynonymsOf(term).Contains(word.Term);
    }

    /// <summary>Where the words that leave the item at word i begin, or -1 when it is not said as left.</summary>
    private static int LeftAt(Word[] words, HashSet<int> said, int i)
    {
        for (var end = i - 1; end >= Math.Max(0, i - Span); end--)
        {
            // Only the item and determiners between ("instead of the jabra"); not a doing: "fed up with typing clinic
            // letters" leaves the typing, and wants the letters written another way.
            if (!said.Contains(end) && !Determiners.Contains(words[end].Raw))
            {
                foreach (var marker in LeftBehind)
                {
                    var start = end - marker.Length + 1;
                    if (start >= 0 && marker.Select((m, k) => words[start + k].Raw == m).All(b => b))
                    {
                        return start;
                    }
                }

                break;
            }
        }

        var next = i + 1;
        while (next < words.Length && said.Contains(next))
        {
            next++;
        }

        if (next < words.Length && FallsShort.Contains(words[next].Raw))
        {
            var subject = i;
            while (subject > 0 && (said.Contains(subject - 1) || Determiners.Contains(words[subject - 1].Raw)))
            {
                subject--;
            }

            return subject;
        }

        return -1;
    }

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
