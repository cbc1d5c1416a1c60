namespace ChatRequests.Core.Understanding;

/// <summary>How firmly words are a command: against a catalog match, strong wins, medium loses to a form, weak to any match.</summary>
internal enum CommandStrength { Weak, Medium, Strong }

/// <summary>
/// The bot's commands in the words people use ("status of my stuff", "anything waiting for me to approve", "hlep").
/// Only <see cref="CommandStrength.Strong"/> phrasings can take a message that also names an item ("where is my
/// laptop request"); "help me get a monitor" stays a monitor.
/// </summary>
internal static class CommandWords
{
    // Command words people misspell; a typo of one (4 letters or more) reads as the word.
    private static readonly string[] Keys =
    [
        "help", "status", "approvals", "approval", "approve", "queue", "cancel", "requests", "request", "tickets",
        "ticket", "catalog", "browse", "nevermind", "withdraw", "pending", "progress", "update", "updates", "backlog",
    ];

    private static readonly string[] CancelPhrases =
    [
        "cancel", "cancelled", "canceled", "nevermind", "withdraw", "forget it", "forget about it", "scrap that", "scrap it",
        "dont need it", "dont need that", "nolonger need", "changed my mind", "dont bother", "ignore that", "abort",
    ];

    private static readonly string[] MyRequestPhrases =
    [
        "status", "progress", "track", "tracking", "any update", "any updates", "any news", "update on", "updates on",
        "news on", "where is my", "wheres my", "where are my", "whats happened to", "what happened to", "what happened with",
        "whats happening with", "what is happening with", "whats going on with", "what is going on with", "hows my", "how is my",
        "how are my", "what did i order", "what did i ask", "what did i request", "what have i ordered", "what have i asked",
        "what have i requested", "my requests", "my request", "my tickets", "my ticket", "my orders", "my stuff", "my open",
        "list my", "show my", "see my", "check my", "heard back", "still waiting on my", "still waiting for my", "chasing",
    ];

    private static readonly string[] QueuePhrases =
    [
        "queue", "backlog", "our open", "team open", "teams open", "our tickets", "our requests", "team tickets",
        "teams tickets", "team requests", "teams requests", "assigned to us", "unassigned", "open for our", "open for the team",
    ];

    private static readonly string[] BrowsePhrases =
    [
        "browse", "catalog", "new request", "what can i order", "what can i request", "what can i ask", "what can i get",
        "what do you offer", "what do you have", "what is available", "whats available", "what are my options", "show me what",
        "list of items", "list of services", "list of things", "what can be ordered", "what can be requested", "start a request",
        "make a request", "raise a request", "open a request", "log a request", "submit a request", "place an order",
    ];

    private static readonly string[] HelpPhrases =
    [
        "help", "what can you do", "what do you do", "how does this work", "how do i use", "how does it work", "how do you work",
        "commands", "menu", "instructions", "who are you", "what are you", "how to use",
    ];

    private static readonly HashSet<string> Greetings = ["hi", "hello", "hey", "hiya", "yo", "morning", "good", "afternoon", "evening", "there", "howdy"];

    public static (ChatCommand Command, CommandStrength Strength)? Find(IReadOnlyList<Word> words, bool namesRequest, Func<string, bool> known)
    {
        var raw = words.Select(w => w.Raw.Length >= 4 && !known(w.Term) ? Corrected(w.Raw) : w.Raw).ToArray();
        var padded = $" {string.Join(' ', raw)} ";
        bool Has(string phrase) => padded.Contains($" {phrase} ", StringComparison.Ordinal);
        bool Any(string[] phrases) => phrases.Any(Has);

        if (Any(CancelPhrases))
        {
            return (ChatCommand.Cancel, CommandStrength.Strong);
        }

        if (namesRequest)
        {
            return (ChatCommand.ShowRequest, CommandStrength.Strong);
        }

        if (raw.Any(w => w.StartsWith("approv", StringComparison.Ordinal)) && !Has("approval for") && !Has("approved"))
        {
            return (ChatCommand.Approvals, CommandStrength.Medium);
        }

        if (Any(QueuePhrases))
        {
            return (ChatCommand.Queue, CommandStrength.Medium);
        }

        if (Any(MyRequestPhrases) || raw is ["requests"] or ["tickets"] or ["list"] or ["mine"])
        {
            return (ChatCommand.MyRequests, CommandStrength.Strong);
        }

        if (Any(BrowsePhrases) || raw is ["new"] or ["request"] or ["order"])
        {
            return (ChatCommand.Browse, CommandStrength.Weak);
        }

        if (Any(HelpPhrases) || (raw.Length > 0 && raw.All(Greetings.Contains)))
        {
            return (ChatCommand.Help, CommandStrength.Weak);
        }

        return null;
    }

    private static string Corrected(string word)
    {
        foreach (var key in Keys)
        {
            if (word == key || Similarity.Typo(word, key) > 0)
            {
                return key;
            }
        }

        return word;
    }
}
