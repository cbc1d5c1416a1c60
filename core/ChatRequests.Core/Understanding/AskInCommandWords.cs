namespace ChatRequests.Core.Understanding;

/// <summary>
/// A request for a thing of the catalog said in a command's words (ADR 0090): "cancel my old phone and get me an iPhone",
/// "work phone for the new starter, how do I ask", "show me how to get onto the wiki", "log a request for two passes",
/// "help, need his badges pulled". The command's words say how the person asks; the thing the catalog knows is what they
/// ask for. Chasing, cancelling or listing what was asked before names no new thing after such words and stays the command.
/// </summary>
internal static class AskInCommandWords
{
    // Verbs that ask for the new thing of a swap: "and get me a mac", "give me a wireless one", "order a new one instead".
    private static readonly HashSet<string> SwapVerbs = ["get", "give", "send", "order", "issue", "swap", "switch", "change", "replace", "want", "need"];

    // What joins the new ask to what is taken back: "cancel the dell and get me a mac", "scrap it, I want a mac instead".
    private static readonly HashSet<string> Joins = ["and", "then", "but", "so", "instead", "rather", "just"];

    // How the person asks how to ask: "how do I ask", "how can we request", "how would I go about ordering".
    private static readonly HashSet<string> HowModals = ["do", "can", "could", "should", "would", "shall", "may"];
    private static readonly HashSet<string> AskVerbs =
    [
        "ask", "request", "order", "get", "raise", "apply", "requesting", "ordering", "getting", "asking", "applying", "book", "arrange",
    ];

    // Verbs after "show me how to": getting a thing ("show me how to get into the archive"), not using one.
    private static readonly HashSet<string> GetVerbs = ["get", "request", "order", "apply", "obtain", "gain", "access", "join"];

    // What comes between a verb and the thing: "get me a new one", "ask for access to", "get onto the", "need his".
    private static readonly HashSet<string> Between =
    [
        "me", "us", "him", "her", "them", "a", "an", "another", "new", "the", "my", "our", "his", "their", "some", "for",
        "onto", "into", "on", "to", "in", "access", "set", "up", "go", "about", "replacement", "extra", "spare", "proper", "full",
    ];

    // Words a catalog may know that name no thing asked for: a request, its state, help, a person, the bot.
    private static readonly HashSet<string> NotAThing =
    [
        "request", "requests", "ticket", "tickets", "order", "orders", "case", "cases", "status", "update", "updates", "progress",
        "help", "someone", "somebody", "anyone", "something", "anything", "stuff", "things", "thing", "it", "that", "this", "one",
        "ones", "bot", "you", "refund", "reply", "answer", "confirmation", "list", "approval", "approvals", "team", "manager",
        "boss", "person", "human", "new", "here", "day", "week", "first", "time",
    ];

    // Where a clause ends: the thing is looked for before it.
    private static readonly HashSet<string> ClauseEnds = ["and", "but", "because", "cause", "cos", "so", "if", "when", "while", "or", "how", "then"];

    // What someone is asked to do for a thing already approved: "can you set it up", "please add me".
    private static readonly HashSet<string> DoneVerbs = ["set", "setup", "add", "give", "grant", "enable", "create", "sort", "arrange", "issue", "make", "put", "do"];

    private static readonly HashSet<string> NeedVerbs = ["need", "needs", "want", "wants", "require", "requires"];

    private static readonly HashSet<string> Negations = ["dont", "not", "no", "never", "nolonger", "doesnt", "didnt"];

    /// <summary>
    /// "cancel my old android and get me an iPhone", "scrap the dell, I want a mac instead": what is taken back is swapped
    /// for a thing the catalog knows, which is asked for.
    /// </summary>
    public static bool Swaps(IReadOnlyList<Word> words, string[] raw, Func<string, bool> known)
    {
        var instead = raw.Contains("instead");
        for (var i = 1; i < raw.Length; i++)
        {
            if (!SwapVerbs.Contains(raw[i]) || Negations.Contains(raw[i - 1]))
            {
                continue;
            }

            var joined = Joins.Contains(raw[i - 1]) || (raw[i - 1] is "i" or "we" or "id" && i > 1 && Joins.Contains(raw[i - 2]));
            if ((joined || instead) && ThingAfter(words, raw, i + 1, known))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "how do I request a macbook", "how can I get onto the archive", "show me how to get into the wiki", and a thing said
    /// first then "how do I ask (for it)": how to ask for a thing the catalog knows, which is asking for it.
    /// </summary>
    public static bool AsksHowToGet(IReadOnlyList<Word> words, string[] raw, Func<string, bool> known)
    {
        for (var how = 0; how < raw.Length; how++)
        {
            if (raw[how] != "how")
            {
                continue;
            }

            var verb = HowToVerb(raw, how);
            if (verb < 0)
            {
                continue;
            }

            var after = raw.Skip(verb + 1).Where(w => w is not ("for" or "about" or "it" or "that" or "this" or "one" or "them" or "these" or "those")).ToArray();
            if (ThingAfter(words, raw, verb + 1, known) || (after.All(SaysNothing) && ThingBefore(words, raw, how, known)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"help, dave leaves friday, need his badges pulled": "help" said apart, then a thing the catalog knows needed.</summary>
    public static bool HelpThenNeed(IReadOnlyList<Word> words, string[] raw, Func<string, bool> known) =>
        raw.Length > 2 && raw[0] == "help"
        && raw.Where((w, i) => i > 0 && NeedVerbs.Contains(w) && !Negations.Contains(raw[i - 1]) && ThingAfter(words, raw, i + 1, known)).Any();

    /// <summary>
    /// "log a request for 4 passes", "raise a ticket to get the wiki": starting an ask for a thing the catalog knows. Not "a new
    /// request for the depot": a new request started about something is the catalog browsed (the development sets' label).
    /// </summary>
    public static bool StartsAnAskFor(IReadOnlyList<Word> words, string[] raw, Func<string, bool> known)
    {
        for (var i = 1; i + 1 < raw.Length; i++)
        {
            if (raw[i] is not ("request" or "ticket" or "order" or "case") || raw[i - 1] is not ("a" or "an" or "in" or "raise" or "log" or "open" or "submit" or "make" or "create" or "place" or "file" or "lodge" or "put" or "start"))
            {
                continue;
            }

            var next = raw[i + 1] == "to" && i + 2 < raw.Length && raw[i + 2] is "get" or "have" or "order" or "book" ? i + 3 : raw[i + 1] == "for" ? i + 2 : -1;
            if (next > 0 && ThingAfter(words, raw, next, known))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"can you set it up", "could someone add me", "please give me access": an ask of someone to do what is asked for.</summary>
    public static bool AsksSomeoneToDo(string[] raw)
    {
        for (var i = 0; i + 1 < raw.Length; i++)
        {
            var asker = raw[i] is "can" or "could" or "would" or "will" && raw[i + 1] is "you" or "someone" or "somebody" or "u";
            var verb = asker ? i + 2 : raw[i] is "please" or "pls" or "plz" ? i + 1 : -1;
            verb += verb > 0 && verb < raw.Length && raw[verb] is "please" or "pls" or "just" ? 1 : 0;
            if (verb > 0 && verb < raw.Length && DoneVerbs.Contains(raw[verb]))
            {
                return true;
            }
        }

        return false;
    }

    // "how do I ask", "how would I go about getting", "show me how to get": the asking verb's place, or -1.
    private static int HowToVerb(string[] raw, int how)
    {
        var shown = how > 1 && raw[how - 1] == "me" && raw[how - 2] is "show" or "tell" or "explain";
        var at = how + 1;
        if (shown)
        {
            at += at < raw.Length && raw[at] == "to" ? 1 : 0;
            return at < raw.Length && GetVerbs.Contains(raw[at]) ? at : -1;
        }

        if (at >= raw.Length || !HowModals.Contains(raw[at]))
        {
            return at < raw.Length && raw[at] == "to" && at + 1 < raw.Length && AskVerbs.Contains(raw[at + 1]) ? at + 1 : -1;
        }

        at++;
        while (at < raw.Length && raw[at] is "i" or "we" or "you" or "go" or "about" or "someone")
        {
            at++;
        }

        return at < raw.Length && AskVerbs.Contains(raw[at]) ? at : -1;
    }

    // A thing the catalog knows within a few words after a verb, before the clause ends.
    private static bool ThingAfter(IReadOnlyList<Word> words, string[] raw, int from, Func<string, bool> known)
    {
        for (var i = from; i < raw.Length && i < from + 4; i++)
        {
            if (ClauseEnds.Contains(raw[i]))
            {
                return false;
            }

            if (IsThing(words, raw, i, known))
            {
                return true;
            }

            if (!Between.Contains(raw[i]) && !words[i].IsNumber && words[i].IsContent)
            {
                // One word of its own may describe the thing: "a wireless one", "a performance one", "4 night passes".
                return i + 1 < raw.Length && i + 1 < from + 4 && IsThing(words, raw, i + 1, known);
            }
        }

        return false;
    }

    // A thing the catalog knows in the words before "how", not a person, a request or the bot.
    private static bool ThingBefore(IReadOnlyList<Word> words, string[] raw, int how, Func<string, bool> known) =>
        Enumerable.Range(0, how).Any(i => IsThing(words, raw, i, known));

    private static bool IsThing(IReadOnlyList<Word> words, string[] raw, int i, Func<string, bool> known) =>
        words[i].IsContent && !words[i].IsNumber && known(words[i].Term) && !NotAThing.Contains(raw[i]);

    private static bool SaysNothing(string word) => word is "please" or "pls" or "plz" or "then" or "now" or "here" or "through" or "via" or "thanks" or "ta" or "exactly";
}
