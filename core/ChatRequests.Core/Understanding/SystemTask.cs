namespace ChatRequests.Core.Understanding;

/// <summary>
/// A task done in a system, told to the bot as an order ("book a table for eight at the Crown", "approve the invoices in
/// the purchase ledger", "release batch 4471 in the LIMS"), against an ask for access to that system ("access to the LIMS
/// please", "I need to enter marks in SITS"). The first is work the person does in the system, no request of IT: the item
/// that gives access to the system is asked as a question, never a confident form (ADR 0064). Read from language alone:
/// the message opens with a task's verb in the imperative and says nothing of a way in; the item's own name or synonyms say
/// it is access, a login or an account.
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

    /// <summary>The message orders a task done in a system and the winning item is only the way into a system.</summary>
    public static bool IsDoneIn(IReadOnlyList<Word> words, CatalogIndex index, ScoredItem winner) =>
        OrdersATask(words) && IsAccess(index.Phrases[winner.Index]);

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

        return !AsksWhetherAllowed(words, i + 1) && !words.Any(w => WayIn.Contains(w.Raw) || WayIn.Contains(w.Term));
    }

    /// <summary>
    /// "check if I can have the planning system", "check whether we could get ...": the verb asks whether the person may have
    /// something, which is the ask itself, not a task done in the system (ADR 0099).
    /// </summary>
    private static bool AsksWhetherAllowed(IReadOnlyList<Word> words, int after) =>
        after + 2 < words.Count && words[after].Raw is "if" or "whether"
        && words[after + 1].Raw is "i" or "we" && words[after + 2].Raw is "can" or "could" or "may";

    private static bool IsAccess(IEnumerable<ItemPhrase> phrases)
    {
        var access = AccessTerms.Value;
        return phrases.Any(p => p.Kind == PhraseKind.Name && p.Terms.Any(access.Contains));
    }
}
