namespace ChatRequests.Core.Understanding;

/// <summary>
/// What the thing asked for is, against one item, in terms any catalog has (ADR 0055): whether the head of the ask and the
/// words before it are the item's own ("a new laptop", not "a laptop bag" nor "a desk phone" beside a mobile), and whether
/// another item's thing is said beside it. Part of the sign that a form of the sentence-led decision's first candidate is
/// safe below its other bars (<see cref="SentenceLead.Agreed"/>).
/// </summary>
internal static class AskHead
{
    /// <summary>
    /// Whether the words say, besides the thing asked for, a thing another item of the catalog is (the last word of its name
    /// or a keyword): "a charger for my office laptop" names the laptop beside the charger.
    /// </summary>
    public static bool NamesAnotherThing(Word[] words, CatalogIndex index, int item) =>
        AnotherThingBeside(words, Run(words), Own(index, item), index);

    /// <summary>
    /// Whether the thing asked for is the item's own (<see cref="Against"/> is <see cref="ItsOwn"/>) and no other item's
    /// thing is said beside it (<see cref="NamesAnotherThing"/>), the ask's run and the item's words read once for both.
    /// </summary>
    public static bool IsItsOwnAlone(Word[] words, CatalogIndex index, int item)
    {
        var (run, own) = (Run(words), Own(index, item));
        return HeadAgainst(run, own, index) == ItsOwn && !AnotherThingBeside(words, run, own, index);
    }

    private static bool AnotherThingBeside(Word[] words, Word[] run, HashSet<string> own, CatalogIndex index) =>
        words.Any(w => w.IsContent && !w.IsNumber && !run.Contains(w) && !Lexicon.GenericTerms.Contains(w.Term)
            && index.Heads.Contains(w.Term) && !own.Contains(w.Term) && !index.AnswerTerms.Contains(w.Term));

    private static readonly HashSet<string> RequestVerbs = ["need", "needs", "want", "wants", "like", "get", "order", "request", "requesting", "ordering", "have"];
    private static readonly HashSet<string> Determiners = ["a", "an", "the", "my", "our", "your", "some", "another", "new", "this", "that", "more", "extra", "any"];

    /// <summary>
    /// The head of the thing asked for: the last word of the first run of content words after the asking verb (or opening the
    /// message), past determiners, qualities, makers and numbers; none when there is no such run.
    /// </summary>
    public static Word? Of(Word[] words) => Run(words) is { Length: > 0 } run ? run[^1] : null;

    /// <summary>The words of the thing asked for, its head last (see <see cref="Of"/>).</summary>
    public static Word[] Run(Word[] words)
    {
        var (start, end) = RunAt(words);
        return words[start..end];
    }

    /// <summary>Where <see cref="Run"/> starts and ends (exclusive) in the words; both the same when there is none.</summary>
    public static (int Start, int End) RunAt(Word[] words)
    {
        var verb = Array.FindIndex(words, w => RequestVerbs.Contains(w.Raw));
        var i = verb + 1;
        while (i < words.Length && (!words[i].IsContent || Determiners.Contains(words[i].Raw) || Lexicon.QualityWords.Contains(words[i].Raw)
            || Lexicon.Makers.Contains(words[i].Raw) || words[i].IsNumber || Lexicon.Numbers.ContainsKey(words[i].Raw)))
        {
            i++;
        }

        var end = i;
        while (end < words.Length && words[end].IsContent && !words[end].IsNumber)
        {
            end++;
        }

        return (i, end);
    }

    /// <summary>The value of <see cref="Against"/> for the item's own thing asked for.</summary>
    public const int ItsOwn = 1;

    /// <summary>The value of <see cref="Against"/> when no thing asked for is found.</summary>
    public const int NoHead = 0;

    /// <summary>The value of <see cref="Against"/> for the item's own word after a word of another kind ("a desk phone").</summary>
    public const int ItsOwnOfAKind = 5;

    /// <summary>
    /// How the head of the ask stands to an item: 0 none found, 1 the item's own word and nothing else before it, 5 the
    /// item's own word after a word of another kind ("a desk phone", "an A4 printer"), 2 another item's thing, 3 a word the
    /// catalog does not know, 4 else.
    /// </summary>
    public static int Against(Word[] words, CatalogIndex index, int item) => HeadAgainst(Run(words), Own(index, item), index);

    private static int HeadAgainst(Word[] run, HashSet<string> own, CatalogIndex index)
    {
        if (run.Length == 0)
        {
            return NoHead;
        }

        var head = run[^1];
        if (own.Contains(head.Term))
        {
            return run[..^1].All(w => own.Contains(w.Term) || index.AnswerTerms.Contains(w.Term) || Lexicon.QualityWords.Contains(w.Raw) || !Lexicon.IsThingWord(w.Raw)) ? ItsOwn : ItsOwnOfAKind;
        }

        return index.Heads.Contains(head.Term) ? 2 : !index.Knows(head.Term) ? 3 : 4;
    }

    // The item's name, synonyms and keywords, not its description: "a spare battery for the sat phone" is no phone even
    // where the phone's description mentions its battery.
    private static HashSet<string> Own(CatalogIndex index, int item) =>
        index.Phrases[item].Where(p => p.Kind != PhraseKind.Choice).SelectMany(p => p.Terms).SelectMany(t => Lexicon.SynonymsOf(t).Append(t)).ToHashSet(StringComparer.Ordinal);
}
