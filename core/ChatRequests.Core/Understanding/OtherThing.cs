namespace ChatRequests.Core.Understanding;

/// <summary>
/// Whether the words that name the winning item only describe another thing, which is what is asked for: the head of
/// the words is that thing ("laptop stand", "a desk phone", "a phone charger" where the item is a laptop
/// charger, "a site for our project"), or one word names the item among several the catalog has never seen. Such a
/// match is asked as a question, never a confident form.
/// </summary>
internal static class OtherThing
{
    /// <summary>Words the catalog has never seen, beside a single word that names an item: something else is asked for.</summary>
    private const int StrangeWords = 3;

    private static readonly HashSet<string> Determiners = ["a", "an", "the", "my", "our", "your", "some", "another", "new", "this", "that"];

    /// <summary>
    /// Which of the signs says another thing is asked for (<see cref="FormHold"/>'s <c>OtherThing…</c> paths, for the
    /// evaluation's census, ADR 0094); <see cref="FormHold.None"/> when none does.
    /// </summary>
    public static FormHold Why(Word[] words, CatalogIndex index, ScoredItem winner)
    {
        if (winner.NamedBy is not { } phrase || phrase.Terms.All(Lexicon.GenericTerms.Contains))
        {
            return FormHold.None;
        }

        var naming = phrase.Terms.SelectMany(t => Lexicon.SynonymsOf(t).Append(t)).ToHashSet(StringComparer.Ordinal);
        // The words typed for them too, misspelt ("Keybord with the UK layout").
        // Compared with the few naming terms only, not the whole vocabulary: this runs on every form.
        var typed = words.Where(w => w.IsContent && !naming.Contains(w.Term) && !index.Knows(w.Term) && !EnglishWords.Contains(w.Raw)
            && naming.Any(n => Similarity.Typo(w.Term, n) >= Similarity.OneEdit || Similarity.Typo(w.Raw, n) >= Similarity.OneEdit)).Select(w => w.Term).ToList();
        naming.UnionWith(typed);
        var own = index.Phrases[winner.Index].SelectMany(p => p.Terms).ToHashSet(StringComparer.Ordinal);
        var strange = Enumerable.Range(0, words.Length).Count(i => Unknown(words[i]) && !index.Knows(words[i].Term) && !AfterANumber(words, i));
        return (winner.Named <= 1 && strange >= StrangeWords && !AskedForFirst(words, naming, own, index)) ? FormHold.OtherThingStrangeWords
            : FollowedByAThing(words, naming, w => (Unknown(w) || (Lexicon.Accessories.Contains(w.Term) && !own.Contains(w.Term))) && !Describes(w) && !Adverbs.Contains(w.Raw)) ? FormHold.OtherThingFollowing
            : (phrase.Terms.Length == 1 && phrase.Unsaid.Length == 0 && AfterAnotherKind(words, naming, AnotherKind)) ? FormHold.OtherThingBefore
            : OnlyWhatItIsFor(words, naming, Unknown) ? FormHold.OtherThingPurpose
            : ASupplyOf(words, index, winner) ? FormHold.OtherThingSupply
            : (winner.Named <= 1 && AskedHeadIsAnother(words, index, winner, naming)) ? FormHold.OtherThingAskedHead
            : FormHold.None;

        // The item's own text has the word ("a team site to edit its pages"): the thing is a part of the item.
        bool Describes(Word word) => index.Postings(word.Term).Any(p => p.Item == winner.Index);

        // A count ("two seats") is no kind of thing.
        bool Thing(Word word) => word.IsContent && !word.IsNumber && !Lexicon.Numbers.ContainsKey(word.Raw) && Lexicon.IsThingWord(word.Raw) && !naming.Contains(word.Term);

        // Not one of the catalog's shared answers either ("keyboard, qwertz"): they fill a form.
        bool Unknown(Word word) => Thing(word) && !index.Names(word) && !index.AnswerTerms.Contains(word.Term);

        // A noun the catalog does not offer ("desk" of "a desk phone"), or one of the things it offers ("phone" of "a
        // phone charger"); not the item's own words, its answers ("an ICU tablet") nor another item's modifier ("ward").
        bool AnotherKind(Word word) =>
            Thing(word) && !own.Contains(word.Term) && !Describes(word) && !index.AnswerTerms.Contains(word.Term) && !Adjective(word.Raw)
            && (!index.Names(word) || index.Heads.Contains(word.Term));
    }

    /// <summary>Words that say when or how, after a thing's name ("letters instead", "move overnight"): no other thing.</summary>
    private static readonly HashSet<string> Adverbs = ["instead", "overnight", "together", "anyway", "meanwhile", "tonight", "asap", "please", "thanks", "today", "tomorrow", "soon", "later", "again", "anymore", "either", "aswell", "too"];

    /// <summary>
    /// The thing asked for, right after the asking verb ("could I get a webcam, the one in my laptop is useless") or
    /// opening the message in two words or more ("usb stick for moving files between computers", "a server rack in our
    /// lab"), ends in a noun that is not the item's own, nor its description's, nor a misspelling of either: one word of
    /// the item said elsewhere does not make it the thing asked for.
    /// </summary>
    private static bool AskedHeadIsAnother(Word[] words, CatalogIndex index, ScoredItem winner, HashSet<string> naming)
    {
        var verb = Array.FindIndex(words, w => RequestVerbs.Contains(w.Raw));
        var i = verb + 1;
        var first = i;
        while (i < words.Length && (Determiners.Contains(words[i].Raw) || Lexicon.QualityWords.Contains(words[i].Raw)
            || Lexicon.Makers.Contains(words[i].Raw) || words[i].IsNumber || Lexicon.Numbers.ContainsKey(words[i].Raw)))
        {
            // "a wireless one instead", "a new one": the pronoun is the thing asked for, what follows says how or when.
            if (Pronouns.Contains(words[i].Raw) && (i + 1 == words.Length || !words[i + 1].IsContent || Adverbs.Contains(words[i + 1].Raw)))
            {
                return false;
            }

            first = words[i].IsContent ? first : i + 1;
            i++;
        }

        var end = i;
        while (end < words.Length && words[end].IsContent && !words[end].IsNumber)
        {
            // "get the black ones", "get them swapped": a pronoun for the thing, not another thing.
            if (Pronouns.Contains(words[end].Raw))
            {
                return false;
            }

            end++;
        }

        // Without an asking verb, one word opening the message may be a verb ("forgotten my password").
        if (end == i || (verb < 0 && end - first < 2))
        {
            return false;
        }

        var head = words[end - 1];
        var own = index.Phrases[winner.Index].SelectMany(p => p.Terms).SelectMany(t => Lexicon.SynonymsOf(t).Append(t)).ToHashSet(StringComparer.Ordinal);
        return head.Term.Length >= 4 && Lexicon.IsThingWord(head.Raw) && !Adjective(head.Raw) && !Lexicon.GenericTerms.Contains(head.Term)
            && !VagueHeads.Contains(head.Raw) && !naming.Contains(head.Term) && !own.Contains(head.Term) && !index.AnswerTerms.Contains(head.Term)
            && !index.AnswerLabels.Contains(head.Term) && !FieldWords(index, winner).Contains(head.Term)
            && !index.Postings(head.Term).Any(p => p.Item == winner.Index)
            && !index.Near(head).Any(n => n.Quality >= Similarity.OneEdit && index.Postings(n.Term).Any(p => p.Item == winner.Index));
    }

    // "a wireless keyboard, German layout": a word of one of the item's fields says which one, not another thing.
    private static HashSet<string> FieldWords(CatalogIndex index, ScoredItem winner) =>
        index.Items[winner.Index].Fields.SelectMany(f => CatalogIndex.Content(f.Label)).Select(w => w.Term).ToHashSet(StringComparer.Ordinal);

    /// <summary>Words that stand for the thing already named ("a new one", "them"): they name no other thing.</summary>
    private static readonly HashSet<string> Pronouns = ["one", "ones", "it", "them", "that", "those"];

    /// <summary>Verbs that ask for a thing, the thing following ("need a", "get a"); not "have", which has more uses.</summary>
    private static readonly HashSet<string> RequestVerbs = ["need", "needs", "want", "wants", "like", "get", "order", "request", "requesting", "ordering"];

    /// <summary>Nouns too vague to be another thing ("a 4G backup box", "a machine that can run VMs").</summary>
    public static readonly HashSet<string> VagueHeads = ["box", "boxes", "unit", "units", "gadget", "item", "items", "piece", "machine", "machines", "solution", "option", "equipment", "hardware", "gear", "thingy", "techie"];

    // Adjectives mostly say what a thing is like ("a vertical mouse", "a mechanical keyboard"), not another thing.
    private static bool Adjective(string word) =>
        word.Length > 5 && (word.EndsWith("al", StringComparison.Ordinal) || word.EndsWith("ic", StringComparison.Ordinal)
            || word.EndsWith("ous", StringComparison.Ordinal) || word.EndsWith("ive", StringComparison.Ordinal)
            || word.EndsWith("ful", StringComparison.Ordinal) || word.EndsWith("less", StringComparison.Ordinal)
            || word.EndsWith("able", StringComparison.Ordinal) || word.EndsWith("ible", StringComparison.Ordinal));

    /// <summary>
    /// The named thing is what the message asks for before it says anything else: it opens the message ("my laptop is
    /// ancient, ...", "Keyboard with the UK layout please, ...") or follows the asking verb ("would like an additional
    /// display so ..."), or a replacement of it is asked for ("a new one"). The strange words after it tell a story
    /// (why, where, for whom), not another thing.
    /// </summary>
    private static bool AskedForFirst(Word[] words, HashSet<string> naming, HashSet<string> own, CatalogIndex index)
    {
        var padded = $" {string.Join(' ', words.Select(w => w.Raw))} ";
        if (ReplacementPhrases.Any(p => padded.Contains($" {p} ", StringComparison.Ordinal)))
        {
            return true;
        }

        // Its name, or one of its own choices ("need Fluent for a CFD study": a product only this item offers).
        var first = Array.FindIndex(words, w => naming.Contains(w.Term) || (w.IsContent && own.Contains(w.Term)));
        for (var i = first - 1; i >= 0; i--)
        {
            var word = words[i];
            if (AskingVerbs.Contains(word.Raw) || Greetings.Contains(word.Raw))
            {
                return true;
            }

            var qualifies = Determiners.Contains(word.Raw) || Lexicon.QualityWords.Contains(word.Raw) || Lexicon.Makers.Contains(word.Raw)
                || word.IsNumber || index.AnswerTerms.Contains(word.Term) || Lexicon.StopWords.Contains(word.Raw);
            if (!qualifies)
            {
                return false;
            }
        }

        return first >= 0;
    }

    /// <summary>"40 hours", "3 months": the unit of a number, no other thing.</summary>
    private static bool AfterANumber(Word[] words, int i) =>
        i > 0 && (words[i - 1].IsNumber || Lexicon.Numbers.ContainsKey(words[i - 1].Raw));

    /// <summary>
    /// "paper rolls for the receipt printers", "refill labels for the price gun": what a device uses up is asked for, not
    /// the device, unless the item is such a supply itself ("Toner cartridge").
    /// </summary>
    private static bool ASupplyOf(Word[] words, CatalogIndex index, ScoredItem winner) =>
        (Enumerable.Range(0, words.Length).Any(i => Lexicon.Consumables.Contains(words[i].Term) && !PaperAsTheWayOfWorking(words, i))
            && !index.Phrases[winner.Index].Any(p => p.Kind == PhraseKind.Name && p.Terms.Any(Lexicon.Consumables.Contains)))
        || StockOfAThing(words, index, winner);

    /// <summary>Words before "paper" that make it how the work is done now ("still on paper", "uses paper for pallet moves").</summary>
    private static readonly HashSet<string> WorkingOn = ["on", "with", "use", "uses", "used", "using"];

    /// <summary>
    /// "we are still on paper", "the drivers use paper for pallet moves", "the paper lists", "figures for my papers": paper
    /// as the way the work is done today, what is written on it, or papers written, none of them a supply asked for (what
    /// is asked is the thing to do the work with instead). "paper rolls", "paper for the printer", "carbon paper" stay a
    /// supply (ADR 0099).
    /// </summary>
    private static bool PaperAsTheWayOfWorking(Word[] words, int i)
    {
        if (words[i].Raw == "papers")
        {
            return true;
        }

        if (words[i].Raw != "paper")
        {
            return false;
        }

        return (i > 0 && WorkingOn.Contains(words[i - 1].Raw))
            || (i + 1 < words.Length && words[i + 1] is { IsContent: true, IsNumber: false } after
                && Lexicon.IsThingWord(after.Raw) && !Lexicon.Consumables.Contains(after.Term));
    }

    /// <summary>
    /// "more tag stock for the printer", "boarding pass card stock": the blank stock a thing is made on, said after that
    /// thing and ending the phrase; not "stock control" or "the stock system", nor an item whose own words say stock.
    /// </summary>
    private static bool StockOfAThing(Word[] words, CatalogIndex index, ScoredItem winner)
    {
        for (var i = 1; i < words.Length; i++)
        {
            if (words[i].Raw == "stock" && words[i - 1].IsContent && !words[i - 1].IsNumber && Lexicon.IsThingWord(words[i - 1].Raw)
                && (i + 1 == words.Length || !words[i + 1].IsContent))
            {
                return !index.Phrases[winner.Index].Any(p => p.Terms.Contains(words[i].Term));
            }
        }

        return false;
    }

    private static readonly string[] ReplacementPhrases = ["new one", "another one", "replacement", "a replacement", "replace it", "swap it"];

    private static readonly HashSet<string> AskingVerbs = ["need", "want", "like", "get", "have", "order", "request", "needs", "wants", "requesting", "ordering"];

    private static readonly HashSet<string> Greetings = ["hi", "hello", "hey", "hiya", "morning", "afternoon", "evening", "dear"];

    /// <summary>
    /// "laptop bag": the item's word, then a noun the catalog does not offer, or an accessory's noun the item's own words
    /// lack (a stand, a case, a charger: another item may name it, "a tablet stand" is still no tablet), at the end of a phrase.
    /// </summary>
    private static bool FollowedByAThing(Word[] words, HashSet<string> naming, Func<Word, bool> other)
    {
        for (var i = 0; i + 1 < words.Length; i++)
        {
            // A new clause starts there too ("a laptop charger, mine's frayed": the comma is gone, "mine" says whose).
            var endsThere = i + 2 >= words.Length || !words[i + 2].IsContent || ClauseOpeners.Contains(words[i + 2].Raw);
            // "interviewing participants": a verb and its object, not a kind of thing.
            var verb = words[i].Raw.EndsWith("ing", StringComparison.Ordinal);
            // "first week": a word that says which one ("first", "spare") names no thing that another could follow.
            if (naming.Contains(words[i].Term) && endsThere && !verb && !Lexicon.QualityWords.Contains(words[i].Raw) && other(words[i + 1]) && !NoThingAt(words, i + 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The word after the item's names no thing (ADR 0094): a word of place or manner that is no noun ("my pager anywhere",
    /// "install it onto the workstation"), a verb taking a person ("can my extension follow me"), or the subject of a clause
    /// a modal or negated verb goes on with ("the reset page doesn't recognise me", "my profile must be upgraded", "the pass
    /// runs out"). Not "is" or "has": "my job phone, screen is too small" tells what is wrong with the thing, and it may be
    /// the one asked for; nor a day ("the capture day friday"): the census found each of those keeping a wrong form away.
    /// </summary>
    private static bool NoThingAt(Word[] words, int at) =>
        NoNouns.Contains(words[at].Raw)
        || (at + 1 < words.Length && (People.Contains(words[at + 1].Raw) || Auxiliaries.Contains(words[at + 1].Raw)));

    /// <summary>Words of place, time or manner, and contractions, that a word list may take for nouns.</summary>
    private static readonly HashSet<string> NoNouns =
    [
        "rather", "onto", "into", "anywhere", "somewhere", "everywhere", "nowhere", "against", "away", "behind", "online", "offline",
        "theyll", "theyre", "theres", "thats", "whats", "heres", "lol",
    ];

    /// <summary>A person right after a word: that word is a verb taking them ("follow me"), no thing.</summary>
    private static readonly HashSet<string> People = ["me", "us", "him", "them"];

    /// <summary>A modal or negated verb going on a clause: the word before it is its subject, told about, not asked for.</summary>
    private static readonly HashSet<string> Auxiliaries =
    [
        "must", "should", "wont", "doesnt", "dont", "didnt", "cant", "isnt", "arent", "wasnt", "hasnt", "keeps", "runs",
    ];

    /// <summary>Words that open a new clause after a thing's name (whose it is, why): no part of the thing's name.</summary>
    private static readonly HashSet<string> ClauseOpeners = ["mine", "mines", "ours", "yours", "theirs", "hers", "his", "its", "which", "because", "cos", "coz", "since", "as", "so", "but", "though"];

    /// <summary>
    /// "a heart monitor", "a phone charger": a noun that is not the item's own, between an article (or the
    /// start) and the one word that names the item, makes it another kind of thing. Not a verb ("to try copilot") nor a
    /// word that says how good, whose or whose make ("a decent monitor", "a work laptop", "a Dell monitor").
    /// </summary>
    private static bool AfterAnotherKind(Word[] words, HashSet<string> naming, Func<Word, bool> other)
    {
        for (var i = 1; i < words.Length; i++)
        {
            var starts = i == 1 || Determiners.Contains(words[i - 2].Raw);
            var kind = words[i - 1].Raw;
            if (starts && naming.Contains(words[i].Term) && other(words[i - 1]) && !Lexicon.QualityWords.Contains(kind) && !Lexicon.Makers.Contains(kind))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"sharepoint site for our project": the item named only in the few words after "for" an unknown thing.</summary>
    private static bool OnlyWhatItIsFor(Word[] words, HashSet<string> naming, Func<Word, bool> unknown)
    {
        var namedAt = Enumerable.Range(0, words.Length).Where(i => naming.Contains(words[i].Term)).ToList();
        return namedAt.Count > 0 && PurposeWords.Find(words).Any(p => unknown(words[p.Thing]) && namedAt.All(p.Purpose.Contains));
    }
}
