namespace ChatRequests.Core.Understanding;

/// <summary>How firmly words are a command: against a catalog match, strong wins, medium loses to a form, weak to a form or a choice.</summary>
internal enum CommandStrength { Weak, Medium, Strong }

/// <summary>
/// The bot's commands in the words people use ("status of my stuff", "anything waiting for me to approve", "hlep").
/// Only <see cref="CommandStrength.Strong"/> phrasings can take a message that also names an item ("where is my
/// laptop request"); "help me get a monitor" stays a monitor. Phrases are compared without filler words, so
/// "start a new request" is "start request".
/// </summary>
internal static class CommandWords
{
    // Command words people misspell; a typo of one (4 letters or more) reads as the word.
    private static readonly string[] Keys =
    [
        "help", "status", "approvals", "approval", "approve", "queue", "cancel", "requests", "request", "tickets",
        "ticket", "catalog", "browse", "nevermind", "withdraw", "pending", "progress", "update", "updates", "backlog",
    ];

    private static readonly Dictionary<string, string> ShortTypos = new(StringComparer.Ordinal)
    {
        ["hlp"] = "help", ["hep"] = "help", ["hepl"] = "help", ["halp"] = "help", ["hekp"] = "help", ["hel"] = "help",
        ["stat"] = "status", ["q"] = "queue", ["que"] = "queue",
        // Chat shorthand: "wat can u do", "hw does this work".
        ["u"] = "you", ["ur"] = "your", ["wat"] = "what", ["wot"] = "what", ["wht"] = "what", ["hw"] = "how",
    };

    private static readonly HashSet<string> Fillers = ["a", "an", "the", "new", "some", "please", "pls", "plz", "just", "this", "that", "all"];

    private static readonly string[] CancelPhrases = Normalised(
    [
        "cancel", "cancelled", "canceled", "nevermind", "withdraw", "forget it", "forget about it", "scrap it",
        "dont need it", "dont need anymore", "no need", "nolonger need", "not needed", "changed my mind", "dont bother", "ignore", "abort",
        "stop it", "drop it", "undo", "dont want it", "call it off", "call off", "nolonger needed", "not needed anymore",
    ]);

    private static readonly string[] MyRequestPhrases = Normalised(
    [
        "status of", "status on", "status for", "status update", "my status", "whats status", "what is status",
        "progress on", "progress of", "progress with", "any progress", "track my", "tracking my", "track on", "any update", "any updates", "any news", "update on", "updates on", "news on", "where is my",
        "wheres my", "where are my", "whats happened to", "what happened to", "what happened with", "whats happening with",
        "what is happening with", "whats going on with", "what is going on with", "hows my", "how is my", "how are my",
        "what did i order", "what did i ask", "what did i request", "what have i ordered", "what have i asked",
        "what ive asked", "what ive ordered", "what ive requested", "what weve asked", "what weve ordered", "what weve requested",
        "check on what", "approved yet",
        "what have i requested", "my requests", "my tickets", "my orders", "my stuff", "my open", "heard back", "still waiting", "chasing", "go through", "gone through",
        "been approved", "been done", "been sorted", "what have i got", "what do i have open", "have i got open",
        "i have open", "latest on", "whats latest", "what is latest", "news on my", "list requests", "list tickets",
        "show requests", "show tickets", "see requests", "see tickets", "anyone looked at", "looked at my", "heard anything",
        "any word on", "word on my", "news about", "ready yet", "arrived yet", "arrive yet", "when will my", "when is my",
        "how long will my", "what i asked for", "what i requested", "what i ordered", "eta on", "eta for", "open tickets",
        "open requests", "taking so long", "how much longer", "any eta", "anything happening with", "happening with my",
        "still open", "open for me", "how long until my", "how long till my", "how long for my",
    ]);

    // Of the phrases above, those that chase a request rather than list them: on the person's own open request, a follow-up.
    private static readonly string[] FollowUpPhrases = Normalised(
    [
        "any news", "any update", "any updates", "update on", "updates on", "news on", "news about", "any progress", "progress on",
        "whats happening with", "what is happening with", "whats going on with", "what is going on with", "whats happened to",
        "what happened to", "what happened with", "heard back", "heard anything", "still waiting", "chasing", "any word on",
        "word on my", "latest on", "whats latest", "what is latest", "anyone looked at", "ready yet", "eta on", "eta for",
        "why is it taking", "taking so long", "how much longer", "any eta", "anything happening with", "happening with my",
        "how long until my", "how long till my", "how long for my",
    ]);

    // Alone, these may be part of what is asked for ("blood tracking software"): the person's requests only when no item is named.
    private static readonly string[] LooseMyRequestPhrases = Normalised(["progress", "track", "tracking"]);

    // These may say what access is for ("to check my tutees' programmes"): the person's requests only when no item fits.
    private static readonly string[] LookAtMinePhrases = Normalised(["list my", "show my", "see my", "check my", "check on my"]);

    private static readonly string[] QueuePhrases = Normalised(
    ["queue", "backlog", "unassigned", "assigned to us", "assigned to our", "in our inbox"]);

    private static readonly HashSet<string> QueueWords = ["open", "outstanding", "list", "waiting", "pending", "assigned", "unassigned", "backlog"];

    private static readonly HashSet<string> Teams = ["our", "team", "teams", "us", "department", "departments", "group"];

    private static readonly string[] BrowsePhrases = Normalised(
    [
        "browse", "catalog", "new request", "what can i order", "what can i request", "what can i ask", "what can i get",
        "what do you offer", "what do you have", "what is available", "whats available", "what are my options", "show me what",
        "list of items", "list of services", "list of things", "what can be ordered", "what can be requested", "start request",
        "make request", "raise request", "open request", "log request", "submit request", "place order", "new ticket", "raise ticket", "open ticket", "log ticket", "create ticket", "submit ticket",
        "create request", "i can request",
        "i can order", "i can ask for", "can i order", "things i can", "everything i can", "options", "what you offer",
        "what you have", "what services", "what items", "request something", "order something", "ask for something",
        "on offer", "see what", "what there is", "whats there", "what stuff", "everything you offer",
    ]);

    // Questions about the bot itself: they win over a choice of items ("Help - how does this work for store staff?").
    private static readonly string[] BotHelpPhrases = Normalised(
    [
        "what can you do", "what do you do", "how does this work", "how does it work", "how do you work", "how do i use",
        "how to use", "who are you", "what are you", "what is this bot", "whats this bot", "what can this bot", "what does this bot",
        "bot do", "what can it do", "what do you help with", "how this works", "how it works", "how this bot", "how does this bot",
        "how bot", "bot working", "bot works", "explain what you do", "what you do", "what you can do", "how you work",
    ]);

    private static readonly string[] HelpPhrases = Normalised(
    [
        "help", "what can you do", "what do you do", "how does this work", "how does it work", "how do you work", "how do i use",
        "how to use", "commands", "menu", "instructions", "who are you", "what are you", "what is this bot", "whats this bot",
        "what can this bot", "what does this bot", "bot do", "what can it do", "what do you help with", "how does this", "how this works", "how it works",
        "i am lost", "im lost", "confused", "what do i do", "what now", "start over", "talk to a human", "talk to someone",
        "speak to someone", "real person", "a human", "get me a person", "speak to a person", "talk to a person",
        "use bot", "use you", "bot for", "you for", "what can i use", "how can i use", "assistance", "what can i do", "get started",
        "getting started", "how do i start",
    ]);

    private static readonly string[] ApprovalPhrases = Normalised(
    [
        "approv", "authori", "sign off", "signoff", "waiting for me", "waiting on me", "need my ok", "awaiting my", "for me to sign",
        "for me to ok", "needs my", "need to sign", "anything to sign", "for me to sign off", "pending for me", "pending my",
        "anything pending", "sign offs", "signoffs", "for me to review", "need my review", "awaiting my review",
    ]);

    private static readonly HashSet<string> Greetings =
    [
        "hi", "hello", "hey", "hiya", "yo", "morning", "good", "afternoon", "evening", "howdy", "thanks", "thank",
        "you", "cheers", "ok", "okay", "bot",
    ];

    private static readonly HashSet<string> RequestNouns = ["request", "requests", "ticket", "tickets", "order", "orders", "case", "cases"];

    // Verbs that, opening a message that names a request ("stop REQ-000610, ..."), withdraw it.
    private static readonly HashSet<string> WithdrawVerbs = ["stop", "kill", "drop", "delete", "remove", "close", "scrap"];

    // "scrap that", "scratch that": said on the words themselves, since "that" is a filler ("the scratch filesystem").
    private static readonly string[] CancelPairs = ["scrap that", "scratch that", "scrap this", "scratch this"];

    public static (ChatCommand Command, CommandStrength Strength)? Find(IReadOnlyList<Word> words, bool namesRequest, Func<string, bool> known)
    {
        var raw = words.Select(w => Normal(w, known)).ToArray();
        var padded = $" {WithoutFillers(raw)} ";
        var said = $" {string.Join(' ', raw)} ";
        bool Has(string phrase) => padded.Contains($" {phrase} ", StringComparison.Ordinal);
        bool Any(string[] phrases) => phrases.Any(Has);

        if (Any(CancelPhrases) || CancelPairs.Any(p => said.Contains($" {p} ", StringComparison.Ordinal))
            || raw is ["stop"] or ["no"] or ["nope"] or ["exit"] or ["quit"]
            || (namesRequest && raw.Length > 0 && WithdrawVerbs.Contains(raw[0])))
        {
            return (ChatCommand.Cancel, CommandStrength.Strong);
        }

        if (namesRequest)
        {
            return (ChatCommand.ShowRequest, CommandStrength.Strong);
        }

        if (ApprovalPhrases.Any(p => p is "approv" or "authori" ? raw.Where((w, i) => w.StartsWith(p, StringComparison.Ordinal) && !ApprovesAThing(i)).Any() : Has(p))
            && !Has("approval for") && !Has("been approved") && !Has("get approved") && !Has("approved yet") && !MyApproved(raw))
        {
            // "pending approvals", "to approve", "waiting for me": the person's approvals, whatever else is said.
            var theirs = raw.Contains("approvals") || raw.Contains("pending") || Has("to approve") || Has("waiting for me") || Has("sign off") || Has("sign offs") || Has("anything pending");
            return (ChatCommand.Approvals, theirs ? CommandStrength.Strong : CommandStrength.Medium);
        }

        var ours = raw.Any(Teams.Contains) && !raw.Contains("my");

        // "can't approve sign-ins": approving a thing the catalog knows (an authenticator prompt), not requests.
        bool ApprovesAThing(int i) =>
            i + 1 < words.Count && words[i + 1].IsContent && (known(words[i + 1].Term) || Lexicon.IsKnownTerm(words[i + 1].Term))
            && !raw.Any(RequestNouns.Contains);
        // "our purchase orders", "the work orders": orders of the catalog's kind, not requests to the bot.
        if (ours && Enumerable.Range(0, raw.Length).Any(i => RequestNoun(raw, i) && !(raw[i] is "orders" or "order" && i > 0 && words[i - 1].IsContent && known(words[i - 1].Term))))
        {
            return (ChatCommand.Queue, CommandStrength.Strong);
        }

        if (Any(QueuePhrases) || (ours && raw.Any(QueueWords.Contains)))
        {
            return (ChatCommand.Queue, CommandStrength.Medium);
        }

        if (Any(MyRequestPhrases) || MyRequest(raw) || MyApproved(raw) || raw is ["requests"] or ["tickets"] or ["list"] or ["mine"] or ["status"] or ["my", "status"] or ["updates"] or ["update"] or ["any", "updates"])
        {
            return (ChatCommand.MyRequests, CommandStrength.Strong);
        }

        if (Any(LooseMyRequestPhrases))
        {
            return (ChatCommand.MyRequests, CommandStrength.Medium);
        }

        if (Any(LookAtMinePhrases))
        {
            return (ChatCommand.MyRequests, CommandStrength.Weak);
        }

        if (Any(BrowsePhrases) || raw is ["new"] or ["request"] or ["order"] or ["catalog"] or ["ticket"])
        {
            return (ChatCommand.Browse, CommandStrength.Weak);
        }

        if (Any(BotHelpPhrases))
        {
            return (ChatCommand.Help, CommandStrength.Medium);
        }

        if (HelpPhrases.Any(p => p == "help" ? AskedForHelp(words, raw, known) : Has(p)) || (raw.Length > 0 && raw.All(Greetings.Contains)))
        {
            return (ChatCommand.Help, CommandStrength.Weak);
        }

        return null;
    }

    /// <summary>Whether the words chase a request ("any news?", "what's happening with my laptop"): see <see cref="Meaning.FollowUp"/>.</summary>
    public static bool IsFollowUp(IReadOnlyList<Word> words, Func<string, bool> known)
    {
        var padded = $" {WithoutFillers(words.Select(w => Normal(w, known)))} ";
        return FollowUpPhrases.Any(p => padded.Contains($" {p} ", StringComparison.Ordinal));
    }

    private static string[] Normalised(string[] phrases) => [.. phrases.Select(p => WithoutFillers(p.Split(' ')))];

    private static string WithoutFillers(IEnumerable<string> words) => string.Join(' ', words.Where(w => !Fillers.Contains(w)));

    /// <summary>"is my licence approved": whether the person's own request went through, not their approvals.</summary>
    private static bool MyApproved(string[] raw)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == "my" && raw.Skip(i + 1).Take(4).Any(w => w is "approved" or "authorised" or "authorized"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"the orders", "our requests": a request noun, not the verb of "could we order a laptop".</summary>
    private static bool RequestNoun(string[] raw, int i) =>
        RequestNouns.Contains(raw[i])
        && (raw[i].EndsWith('s') || (i > 0 && raw[i - 1] is "our" or "the" or "team" or "teams" or "any" or "open" or "your" or "their"));

    /// <summary>
    /// "help" is the command unless it is a kind of help a catalog offers ("AV help for the graduation"): a word the
    /// catalog knows just before it.
    /// </summary>
    private static bool AskedForHelp(IReadOnlyList<Word> words, string[] raw, Func<string, bool> known)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == "help" && !(i > 0 && words[i - 1].IsContent && known(words[i - 1].Term)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "my ... request" within a few words ("did my hpc account request go through"), or requests the person says they
    /// made ("requests I've made", "the tickets I raised").
    /// </summary>
    private static bool MyRequest(string[] raw)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == "my" && raw.Skip(i + 1).Take(4).Any(RequestNouns.Contains))
            {
                return true;
            }

            if (RequestNouns.Contains(raw[i]) && i + 1 < raw.Length && raw[i + 1] is "i" or "ive" or "id" or "weve" or "we")
            {
                return true;
            }
        }

        return false;
    }

    private static string Normal(Word word, Func<string, bool> known)
    {
        var raw = Lexicon.Spellings.GetValueOrDefault(word.Raw, word.Raw);
        if (ShortTypos.TryGetValue(raw, out var fixedWord))
        {
            return fixedWord;
        }

        if (raw.Length < 4 || known(word.Term) || Keys.Contains(raw))
        {
            return raw;
        }

        // One slip only: "requested" is a word of its own, not a typo of "requests"; nor is "approved" one of "approve".
        foreach (var key in Keys)
        {
            if (raw.StartsWith(key, StringComparison.Ordinal) && raw[key.Length..] is "d" or "ed" or "s" or "es" or "ing")
            {
                return raw;
            }

            if (Similarity.Typo(raw, key) > 0 && Similarity.Distance(raw, key, 1) <= 1)
            {
                return key;
            }
        }

        return raw;
    }
}
