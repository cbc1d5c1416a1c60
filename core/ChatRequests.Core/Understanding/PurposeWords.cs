namespace ChatRequests.Core.Understanding;

/// <summary>
/// "a printer for the office", "a charger for my laptop": the few words after "for" say whom or what the thing
/// before it is for, and describe it less than they name it. Only after a thing ("printer"), not after what is done
/// or of what kind ("access for the finance share", "a licence for Visio"), where they are what is asked for. Likewise
/// the few words after "on my" say the device something goes on ("VPN on my work phone").
/// </summary>
internal static class PurposeWords
{
    /// <summary>How many words after "for" say what something is for ("for our project", "for the new office").</summary>
    private const int Span = 3;

    private static readonly HashSet<string> AddingVerbs = ["add", "adding", "invite", "enrol", "enroll", "put"];

    /// <summary>The positions of the words that say what the thing before a "for" is for, with that thing's position.</summary>
    public static IEnumerable<(int Thing, int[] Purpose)> Find(IReadOnlyList<Word> words)
    {
        for (var i = 1; i + 1 < words.Count; i++)
        {
            var thing = words[i - 1];
            // "kept for 10 years", "for two people": how long or how many, not what for.
            var amount = words[i + 1].IsNumber || Lexicon.Numbers.ContainsKey(words[i + 1].Raw);
            if (words[i].Raw == "for" && !amount && thing.IsContent && !thing.IsNumber && Lexicon.IsThingWord(thing.Raw)
                && !Lexicon.GenericTerms.Contains(thing.Term))
            {
                yield return (i - 1, [.. Enumerable.Range(i + 1, Math.Min(Span, words.Count - i - 1))]);
            }

            // "add my TA to the module page": where someone is added, not what is asked for (their place there is).
            if (words[i].Raw == "to" && Enumerable.Range(Math.Max(0, i - 3), Math.Min(3, i)).Any(j => AddingVerbs.Contains(words[j].Raw))
                && words[i - 1].Raw is not ("add" or "adding" or "added"))
            {
                yield return (i - 1, [.. Enumerable.Range(i + 1, Math.Min(Span, words.Count - i - 1))]);
            }

            // "globalprotect on my work phone", "installed on my pc": the device it goes on, not what is asked for.
            if (words[i].Raw == "on" && words[i + 1].Raw is "my" or "our" && thing.IsContent && !thing.IsNumber)
            {
                yield return (i - 1, [.. Enumerable.Range(i + 1, Math.Min(Span, words.Count - i - 1))]);
            }
        }
    }
}
