namespace ChatRequests.Core.Understanding;

/// <summary>
/// A thing asked for first, its reason a fault said after it (ADR 0095): "one more sensor for the store, the humidity keeps
/// changing", "4 more belt packs, the crew cant hear calls", "sat phone for the deployment, no signal up there", "starlink at
/// the lookout, the fixed wireless keeps dropping". A fault report names its thing and says what it does ("the printer for
/// floor 2 keeps jamming", "wifi at the depot, no signal since tuesday"): the fault is the opening thing's, or it comes back.
/// </summary>
internal static class AskBeforeAFault
{
    // Words that open a message without naming a thing asked for: the person's own thing, the fault's, or a question.
    private static readonly HashSet<string> NoBareThing =
    [
        "the", "a", "an", "my", "our", "your", "his", "her", "their", "this", "that", "these", "those", "it", "its", "i", "im",
        "we", "you", "he", "she", "they", "there", "here", "someone", "somebody", "anyone", "everyone", "nobody", "is", "are",
        "was", "can", "cant", "could", "would", "will", "wont", "please", "pls", "hi", "hello", "hey", "morning", "so", "and",
        "but", "also", "need", "want", "why", "how", "what", "when", "where", "who", "which", "just", "still", "no", "not",
        "every", "all", "any", "some", "since", "after", "before", "again", "today", "yesterday",
    ];

    private static readonly HashSet<string> Prepositions =
    [
        "in", "on", "at", "by", "of", "for", "to", "from", "near", "up", "down", "with", "into", "behind", "next", "outside",
        "inside", "over", "under", "across", "beside", "around", "past", "through", "off", "round", "between",
    ];

    private static readonly HashSet<string> Determiners = ["the", "a", "an", "my", "our", "your", "his", "her", "their", "this", "that"];

    private static readonly HashSet<string> NotMore = ["and", "than", "time", "times", "often", "of", "every", "frequently"];

    /// <summary>Whether the message opens on a thing asked for and says the fault only after it.</summary>
    /// <param name="words">The words, one to one with <paramref name="asked"/>.</param>
    /// <param name="asked">The words as said, blanked where they only look like asking.</param>
    /// <param name="winner">The phrases of the item the words name clearly, if one: the thing said first must be its.</param>
    public static bool Opens(IReadOnlyList<Word> words, string asked, IReadOnlyList<ItemPhrase>? winner)
    {
        var said = asked.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return OpensOnMore(said) || HowToGet(said) || (OpensOnAThingFor(said) is var thing and > 0 && TheItemsThing(words, thing, winner));
    }

    /// <summary>
    /// The thing said first is the form's item ("sat phone" of a satellite phone), or no form is given: "garmin satnav for
    /// the patrol car, the built in maps are rubbish" is no ask for the forensic kit the car's words happen to match.
    /// </summary>
    private static bool TheItemsThing(IReadOnlyList<Word> words, int thing, IReadOnlyList<ItemPhrase>? winner) =>
        winner is null || words.Take(thing).Any(w => winner.Any(p => p.Kind != PhraseKind.Choice && p.Terms.Contains(w.Term)));

    /// <summary>"one more sensor", "4 more wireless belt packs", "more labels for the zebra": more of a thing, not a fault.</summary>
    private static bool OpensOnMore(string[] said)
    {
        var more = said.Length > 0 && said[0] == "more" ? 0
            : said.Length > 1 && said[1] == "more" && IsQuantity(said[0]) ? 1 : -1;
        return more >= 0 && more + 1 < said.Length && !NotMore.Contains(said[more + 1]) && !IsPutRightAfter(said, more + 1);
    }

    /// <summary>
    /// "sat phone for the flood deployment, no signal up there", "hotspot for a family with no internet at home", "starlink at
    /// the lookout, the fixed wireless keeps dropping": a bare thing for or at a place, then a new clause with its own
    /// subject or a lack. Not a thing that comes back when the fault is put right ("wifi at the depot, no signal"), not a
    /// fault that goes on since a time, not "the laptop for the new starter won't boot" (the fault the opening thing's).
    /// </summary>
    /// <returns>How many words the thing said first takes ("sat phone": 2), or 0.</returns>
    private static int OpensOnAThingFor(string[] said)
    {
        if (said.Length < 5 || NoBareThing.Contains(said[0]) || IsQuantity(said[0]) || AskThroughAFault.ComesBackWhenPutRight(said[0]))
        {
            return 0;
        }

        var forAt = Array.FindIndex(said, 1, Math.Min(3, said.Length - 1), w => w is "for" or "at");
        if (forAt < 0 || forAt + 2 >= said.Length || !Determiners.Contains(said[forAt + 1]) || said.Contains("since"))
        {
            return 0;
        }

        for (var i = forAt + 3; i < said.Length; i++)
        {
            var lack = said[i] == "no" && (said[i - 1] == "with" || !Prepositions.Contains(said[i - 1]));
            var newSubject = said[i] is "the" or "my" or "our" && !Prepositions.Contains(said[i - 1]) && !Determiners.Contains(said[i - 1]);
            if (lack || newSubject)
            {
                return IsPutRightAfter(said, i) ? 0 : forAt;
            }
        }

        return 0;
    }

    /// <summary>"how do i get wifi in the new house, the old code doesnt work": how to get a thing, not "my printer working".</summary>
    private static bool HowToGet(string[] said)
    {
        for (var i = 0; i + 4 < said.Length; i++)
        {
            if (said[i] == "how" && said[i + 1] is "do" or "can" && said[i + 2] is "i" or "we" && said[i + 3] == "get"
                && !NoBareThing.Contains(said[i + 4]) && said[i + 4] is not ("rid" or "back" or "in" or "into" or "on" or "to" or "through" or "logged" or "signed")
                && !IsPutRightAfter(said, i + 4))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsQuantity(string word) => (word.Length > 0 && word.All(char.IsAsciiDigit)) || Lexicon.Numbers.ContainsKey(word);

    private static bool IsPutRightAfter(string[] said, int at) => said.Skip(at).Take(6).Any(IncidentWords.PutRight.Contains);
}
