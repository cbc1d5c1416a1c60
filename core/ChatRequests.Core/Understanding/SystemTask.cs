namespace ChatRequests.Core.Understanding;

/// <summary>
/// A task done in a system, told to the bot as an order ("book a table for eight at the Crown", "approve the invoices in
/// the purchase ledger", "release batch 4471 in the LIMS"), against an ask for access to that system ("access to the LIMS
/// please", "I need to enter marks in SITS"). The first is work the person does in the system, no request of IT: the item
/// that gives access to the system is asked as a question, never a confident form (ADR 0064). Read from language alone:
/// the message opens with a task's verb in the imperative and says nothing of a way in; the item's own name or synonyms say
/// it is access, a login or an account. Asked how to do such work ("how do I merge two records") is no ask either (ADR 0096).
/// </summary>
internal static class SystemTask
{
    /// <summary>Politeness and asking before the verb: "please", "can you", "could someone".</summary>
    private static readonly HashSet<string> Asking =
        ["please", "pls", "plz", "pleas", "can", "could", "would", "will", "you", "u", "someone", "somebody", "anyone", "hi", "hey", "hello", "kindly", "just"];

    /// <summary>What people do in a business system; never the asks of IT ("add me", "set up", "install", "cancel").</summary>
    private static readonly HashSet<string> TaskVerbs =
    [
        "book", "submit", "approve", "authorise", "authorize", "release", "log", "plan", "assign", "issue", "mark", "write", "void",
        "raise", "enter", "process", "key", "input", "allocate", "reverse", "amend", "do", "check", "close", "schedule",
        "transfer", "pay", "invoice", "dispatch", "despatch", "receipt", "receive", "adjust", "reallocate", "rebook", "move", "change",
    ];

    /// <summary>Words of a way in: when any is said, the message may ask for access after all.</summary>
    private static readonly HashSet<string> WayIn =
    [
        "access", "login", "account", "accounts", "permission", "permissions", "rights", "role", "roles", "licence", "license", "password",
        "username", "user", "setup", "able", "enable", "admin", "pin", "mfa", "authenticator",
    ];

    private static readonly Lazy<HashSet<string>> AccessTerms = new(() =>
        new[] { "access", "login", "account", "logon", "accounts" }.Select(Tokens.Term).ToHashSet(StringComparer.Ordinal));

    /// <summary>The frame of a how-to question (ADR 0096): "how do I claim", "how can you export", "show me how to", "the best way to".</summary>
    private static readonly HashSet<string> HowModals = ["do", "does", "can", "could", "should", "would", "shall", "did"];

    private static readonly HashSet<string> HowSubjects = ["i", "we", "you", "u", "one", "someone", "they"];

    /// <summary>
    /// Doings of one's work with a thing already had; never the getting of one ("get", "request", "order", "access", "join",
    /// "set up", "install", "add", "create", "book", "register", "reset", "restore", "change") nor a fault's "fix".
    /// </summary>
    private static readonly HashSet<string> Doings =
    [
        "claim", "settle", "do", "write", "word", "export", "link", "merge", "print", "fill", "pull", "stop", "close", "read",
        "calibrate", "sign", "refund", "swap", "check", "adjust", "use", "submit", "approve", "enter", "record", "edit", "delete",
        "run", "find", "upload", "download", "attach", "convert", "import", "save", "rename", "reconcile", "invoice", "process",
        "void", "reverse", "amend", "allocate", "mark", "input", "pay", "complete", "file", "format", "filter", "search",
        "calculate", "count", "measure", "test", "inspect", "clean", "steam", "set", "send", "share", "fire", "start", "turn",
    ];

    /// <summary>After a doing, a word that makes it a way in: "sign up", "sign in to", "set up", "start on".</summary>
    private static readonly HashSet<string> WayInParticles = ["up", "in", "into", "onto", "on", "me", "us", "for"];

    /// <summary>The message orders a task done in a system and the winning item is only the way into a system.</summary>
    public static bool IsDoneIn(IReadOnlyList<Word> words, CatalogIndex index, ScoredItem winner) =>
        OrdersATask(words) && IsAccess(index.Phrases[winner.Index]);

    /// <summary>
    /// The message asks how to do a piece of work ("how do I merge two records", "show me how to export the rota", "what's
    /// the quickest way to print a day sheet"): the thing it is done with is had already, so no item is asked for (ADR 0096).
    /// </summary>
    public static bool AsksHowToDo(IReadOnlyList<Word> words)
    {
        for (var i = 0; i + 1 < words.Count; i++)
        {
            var verb = words[i].Raw switch
            {
                "how" when words[i + 1].Raw == "to" => i + 2,
                "how" when i + 2 < words.Count && HowModals.Contains(words[i + 1].Raw) && HowSubjects.Contains(words[i + 2].Raw) => i + 3,
                // "no way to print the tickets" says a thing is missing, not how to do the work.
                "way" when words[i + 1].Raw == "to" && (i == 0 || words[i - 1].Raw != "no") => i + 2,
                _ => -1,
            };
            if (verb > 0 && verb < words.Count && IsDoing(words, verb))
            {
                return true;
            }
        }

        return false;
    }

    // "sign up", "set it up", "sign them up for": the particle of a way in, next to the verb or after its object.
    private static bool IsDoing(IReadOnlyList<Word> words, int at) =>
        Doings.Contains(words[at].Raw)
        && (at + 1 >= words.Count || !WayInParticles.Contains(words[at + 1].Raw))
        && !words.Skip(at + 1).Take(3).Any(w => w.Raw == "up");

    private static bool OrdersATask(IReadOnlyList<Word> words)
    {
        var i = 0;
        while (i < words.Count && Asking.Contains(words[i].Raw))
        {
            i++;
        }

        if (i >= words.Count || !TaskVerbs.Contains(words[i].Raw) || (i + 1 < words.Count && words[i + 1].Raw is "me" or "us" or "in" or "on"))
        {
            return false;
        }

        return !words.Any(w => WayIn.Contains(w.Raw) || WayIn.Contains(w.Term));
    }

    private static bool IsAccess(IEnumerable<ItemPhrase> phrases)
    {
        var access = AccessTerms.Value;
        return phrases.Any(p => p.Kind == PhraseKind.Name && p.Terms.Any(access.Contains));
    }
}
