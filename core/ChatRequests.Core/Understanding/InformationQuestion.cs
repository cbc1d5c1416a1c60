namespace ChatRequests.Core.Understanding;

/// <summary>
/// A message that opens with a question for a fact, a time or a person (ADR 0096): "who is our radiation adviser", "when does
/// my certificate run out", "how much is left in the budget", "how many claims have I done". It asks the bot to tell, not
/// for a thing; a catalog item sharing its words is a question, never a form. "Who do I ask for a radio" (a way to ask) and
/// "what is the process for a laptop" (a way to get) are not such questions.
/// </summary>
internal static class InformationQuestion
{
    /// <summary>Greetings before the question: "hi, who is ...".</summary>
    private static readonly HashSet<string> Greetings = ["hi", "hey", "hello", "morning", "quick", "question", "pls", "please", "sorry"];

    private static readonly HashSet<string> WhoIs = ["is", "are", "was"];
    private static readonly HashSet<string> WhenIs = ["is", "does", "did", "was", "are"];
    private static readonly HashSet<string> HowMuchIs = ["is", "was", "has", "have", "did"];
    private static readonly HashSet<string> HaveOrDid = ["have", "has", "did", "do", "does"];

    public static bool Asks(IReadOnlyList<Word> words)
    {
        var i = 0;
        while (i < words.Count && Greetings.Contains(words[i].Raw))
        {
            i++;
        }

        if (i + 1 >= words.Count)
        {
            return i < words.Count && words[i].Raw is "whos" or "whens";
        }

        var (first, next) = (words[i].Raw, words[i + 1].Raw);
        return first switch
        {
            "whos" or "whens" => true,
            "who" => WhoIs.Contains(next),
            "when" => WhenIs.Contains(next),
            "how" when next == "much" => i + 2 < words.Count && HowMuchIs.Contains(words[i + 2].Raw),
            // "how many claims have I done": the counted thing, then its verb (a thing of the catalog may be two words, one term).
            "how" when next == "many" => words.Skip(i + 3).Take(2).Any(w => HaveOrDid.Contains(w.Raw)),
            _ => false,
        };
    }
}
