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
        ["nvm"] = "nevermind", ["thx"] = "thanks", ["ty"] = "thanks",
        ["req"] = "request", ["reqs"] = "requests", ["tix"] = "tickets",
    };

    private static readonly HashSet<string> Fillers = ["a", "an", "the", "new", "some", "please", "pls", "plz", "just", "this", "that", "all"];

    private static readonly string[] CancelPhrases = Normalised(
    [
        "cancel", "cancelled", "canceled", "nevermind", "withdraw", "forget it", "forget about it", "scrap it",
        "dont need it", "dont need anymore", "no need", "nolonger need", "not needed", "changed my mind", "dont bother", "ignore", "abort",
        "stop it", "drop it", "undo", "dont want it", "call it off", "call off", "nolonger needed", "not needed anymore",
        "leave it", "disregard", "no thanks", "no thank you", "dont need it now", "dont want it anymore",
        "stop request", "stop my request", "delete request", "delete my request", "remove my request", "kill request",
        "stop order", "delete order", "delete my order",
    ]);

    // Chasing one's own request in more words: listed and followed up alike (declared first: the lists below spread it).
    private static readonly string[] ChasePhrases =
    [
        "any movement", "movement on", "where are we with", "where are we on", "any luck with", "follow up on", "following up on",
        "chase up", "chasing up", "update me on", "on its way", "when do i get my", "when will i get my", "when can i expect",
        "when will i receive", "when do i receive", "waiting for my", "waiting on my", "when it comes", "when will it come",
        "when does it come", "when will it arrive",
    ];

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
        "request status", "requests status", "ticket status", "tickets status", "order status", "requests do i have",
        "tickets do i have", "requests i have", "check status", "status check", .. ChasePhrases,
    ]);

    // Of the phrases above, those that chase a request rather than list them: on the person's own open request, a follow-up.
    private static readonly string[] FollowUpPhrases = Normalised(
    [
        "any news", "any update", "any updates", "update on", "updates on", "news on", "news about", "any progress", "progress on",
        "whats happening with", "what is happening with", "whats going on with", "what is going on with", "whats happened to",
        "what happened to", "what happened with", "heard back", "heard anything", "still waiting", "chasing", "any word on",
        "word on my", "latest on", "whats latest", "what is latest", "anyone looked at", "ready yet", "eta on", "eta for",
        "why is it taking", "taking so long", "how much longer", "any eta", "anything happening with", "happening with my",
        "how long until my", "how long till my", "how long for my", .. ChasePhrases,
    ]);

    // Alone, these may be part of what is asked for ("blood tracking software"): the person's requests only when no item is named.
    private static readonly string[] LooseMyRequestPhrases = Normalised(["progress", "track", "tracking"]);

    // These may say what access is for ("to check my tutees' programmes"): the person's requests only when no item fits.
    private static readonly string[] LookAtMinePhrases = Normalised(["list my", "show my", "see my", "check my", "check on my"]);

    private static readonly string[] QueuePhrases = Normalised(
    [
        "queue", "backlog", "unassigned", "assigned to us", "assigned to our", "in our inbox", "open work", "open jobs", "outstanding work",
        "outstanding jobs", "open items", "work items",
    ]);

    private static readonly HashSet<string> QueueWords = ["open", "outstanding", "list", "waiting", "pending", "assigned", "unassigned", "backlog"];

    private static readonly HashSet<string> Teams = ["our", "team", "teams", "us", "department", "departments", "group"];

    // What a team does with its queue: "anything new come in for my team to work on".
    private static readonly string[] TeamWorkPhrases = Normalised(["work on", "come in", "came in", "pick up", "to do", "look at"]);

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
        "menu", "list services", "services list", "what services", "which services", "available services", "services available",
        "full list", "everything available", "what you provide", "what do you provide", "what else can i",
        "possible to order", "possible to request", "able to order", "allowed to order", "allowed to request",
    ]);

    // Questions about the bot itself: they win over a choice of items ("Help - how does this work for store staff?").
    private static readonly string[] BotHelpPhrases = Normalised(
    [
        "what can you do", "what do you do", "how does this work", "how does it work", "how do you work", "how do i use",
        "how to use", "who are you", "what are you", "what is this bot", "whats this bot", "what can this bot", "what does this bot",
        "bot do", "what can it do", "what do you help with", "how this works", "how it works", "how this bot", "how does this bot",
        "how bot", "bot working", "bot works", "explain what you do", "what you do", "what you can do", "how you work",
        "what youre for", "what are you for", "what you are for", "what is this chat", "explain", "how does this chat",
        // Asking for a person is never an item.
        "talk to a human", "talk to someone", "speak to someone", "real person", "a human", "get me a person", "speak to a person",
        "talk to a person", "speak to a human", "how this chat", "use chat", "using chat", "using bot", "using you",
    ]);

    private static readonly string[] HelpPhrases = Normalised(
    [
        "help", "what can you do", "what do you do", "how does this work", "how does it work", "how do you work", "how do i use",
        "how to use", "commands", "instructions", "who are you", "what are you", "what is this bot", "whats this bot",
        "what can this bot", "what does this bot", "bot do", "what can it do", "what do you help with", "how does this", "how this works", "how it works",
        "i am lost", "im lost", "confused", "what do i do", "what now", "start over", "talk to a human", "talk to someone",
        "speak to someone", "real person", "a human", "get me a person", "speak to a person", "talk to a person",
        "use bot", "use you", "bot for", "you for", "what can i use", "how can i use", "assistance", "what can i do", "get started",
        "getting started", "how do i start",
        "supposed to type", "supposed to write", "supposed to say", "supposed to do", "what do i type", "what should i type",
        "what do i write", "what should i write", "what to type", "what to write", "what do i say", "guidance", "guide me",
        "tutorial", "walk me through", "show me how", "how do i ask", "how do i request", "how do i order", "how can i request",
        "how can i order", "how do i raise", "how do i make request", "not sure what to do", "dont know what to do", "dont know how",
        "no idea how", "dont understand", "do not understand", "how i can use", "how i use", "bot can do", "who do i talk to",
        "who do i speak to", "user guide", "where do i start", "where to start", "first time using", "first time here", "never used this",
    ]);

    private static readonly string[] ApprovalPhrases = Normalised(
    [
        "approv", "authori", "sign off", "signoff", "waiting for me", "waiting on me", "need my ok", "awaiting my", "for me to sign",
        "for me to ok", "needs my", "need to sign", "anything to sign", "for me to sign off", "pending for me", "pending my",
        "anything pending", "sign offs", "signoffs", "for me to review", "need my review", "awaiting my review",
        "my ok", "my okay", "my go ahead", "my signature", "my say so", "my decision", "need to ok", "have to ok", "need to okay",
        "to ok", "for my ok",
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
    private static readonly string[] CancelPairs =
    [
        "scrap that", "scratch that", "scrap this", "scratch this", "forget that", "forget this", "dont want that", "dont want this",
        "dont need that", "dont need this", "leave that", "not that one",
    ];

    // Questions about the bot said with "this", a filler elsewhere: "what is this", "what's this for".
    private static readonly string[] ThisBotQuestions = ["what is this", "whats this", "what is this for", "whats this for", "what this is for"];

    // A message that opens "no, stop", "stop, wrong one", "nope, not that": the person takes back what is under way.
    private static readonly HashSet<string> TakeBackOpeners = ["no", "nope", "nah", "stop", "oops", "whoops"];
    private static readonly HashSet<string> TakeBackSeconds = ["stop", "no", "wrong", "leave", "cancel", "forget", "dont", "not", "scrap", "scratch", "ignore", "undo"];

    // The person's own earlier asks ("the EFB I asked for", "everything I've requested"): a request they already made.
    private static readonly HashSet<string> Askers = ["i", "ive", "id", "we", "weve"];
    private static readonly HashSet<string> AskedVerbs = ["asked", "requested", "ordered", "raised", "submitted", "logged", "filed"];

    // How a question about earlier asks opens ("did the login I asked for go through", "any movement on ...", "everything I've ...").
    private static readonly HashSet<string> ChaseOpeners =
    [
        "did", "has", "have", "is", "are", "was", "were", "any", "where", "wheres", "when", "whens", "whats", "what", "hows", "how",
        "everything", "all", "show", "list", "see", "check", "status", "update", "news", "which",
    ];

    // What a question about the catalog asks of it ("which hardware can I ask for", "what does IT offer").
    private static readonly HashSet<string> OfferVerbs = ["order", "request", "ask", "get", "buy", "offer", "provide", "supply", "choose", "pick", "available"];
    private static readonly HashSet<string> AskModals = ["can", "could", "do", "does", "is", "are", "may", "might"];

    // Words for the catalog's things as a whole: "which hardware and software", "what IT stuff", "what kinds of equipment".
    private static readonly HashSet<string> WholeCatalogWords =
    [
        "kind", "kinds", "sort", "sorts", "type", "types", "of", "things", "stuff", "items", "services", "service", "equipment",
        "hardware", "software", "it", "else", "other", "options", "and", "apps", "devices", "gear", "kit", "tools", "products",
        "exactly", "else", "requests", "ones",
    ];

    // "list the services", "show me the catalogue", "give me the menu": the catalog asked for by its own name.
    private static readonly HashSet<string> ShowVerbs = ["list", "show", "see", "view", "display", "give", "browse", "open"];
    private static readonly HashSet<string> CatalogNouns = ["services", "items", "catalog", "options", "offerings", "everything", "menu", "list", "categories", "products"];

    // Words that say nothing of their own around a command: a message made of these and a command phrase is only the command.
    private static readonly HashSet<string> FrameWords =
    [
        "tell", "me", "explain", "exactly", "so", "then", "um", "erm", "er", "hmm", "ah", "oh", "well", "actually", "again",
        "here", "bot", "chat", "you", "can", "could", "would", "quick", "question", "i", "want", "to", "know", "wondering",
        "curious", "do", "does", "what", "is", "are", "now", "again", "briefly", "please", "first", "time", "anyway",
        "using", "used", "this", "where", "start", "never", "before", "how", "works", "work",
    ];

    public static (ChatCommand Command, CommandStrength Strength)? Find(IReadOnlyList<Word> words, bool namesRequest, Func<string, bool> known)
    {
        var raw = words.Select(w => Normal(w, known)).ToArray();
        var padded = $" {WithoutFillers(raw)} ";
        var said = $" {string.Join(' ', raw)} ";
        bool Has(string phrase) => padded.Contains($" {phrase} ", StringComparison.Ordinal);
        bool Any(string[] phrases) => phrases.Any(Has);

        if (Any(CancelPhrases) || CancelPairs.Any(p => said.Contains($" {p} ", StringComparison.Ordinal))
            || raw is ["stop"] or ["no"] or ["nope"] or ["exit"] or ["quit"]
            || (raw.Length > 1 && TakeBackOpeners.Contains(raw[0]) && TakeBackSeconds.Contains(raw[1]))
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

        // "for my team to work on": the person's team's work, like "our".
        var ours = raw.Any(Teams.Contains) && (!raw.Contains("my") || (MyTeam(raw) && TeamWorkPhrases.Any(Has)));

        // "can't approve sign-ins": approving a thing the catalog knows (an authenticator prompt), not requests.
        bool ApprovesAThing(int i) =>
            !IsApprovalNoun(raw[i]) && i + 1 < words.Count && words[i + 1].IsContent && (known(words[i + 1].Term) || Lexicon.IsKnownTerm(words[i + 1].Term))
            && !raw.Any(RequestNouns.Contains);
        // "our purchase orders", "the work orders": orders of the catalog's kind, not requests to the bot.
        if ((ours || MyTeam(raw)) && Enumerable.Range(0, raw.Length).Any(i => RequestNoun(raw, i) && !(raw[i] is "orders" or "order" && i > 0 && words[i - 1].IsContent && known(words[i - 1].Term))))
        {
            return (ChatCommand.Queue, CommandStrength.Strong);
        }

        // "unassigned jobs for clinical apps", "retail apps queue please": a team's queue named as such, unless a fault is told
        // of it ("the print queue is stuck").
        if (!MineAlone(raw) && (Has("unassigned") || NamedQueue(raw)) && !IncidentWords.IsFault(words, matched: false, winner: null))
        {
            return (ChatCommand.Queue, CommandStrength.Strong);
        }

        if ((Any(QueuePhrases) || (ours && (raw.Any(QueueWords.Contains) || TeamWorkPhrases.Any(Has)))) && !MineAlone(raw))
        {
            return (ChatCommand.Queue, CommandStrength.Medium);
        }

        var earlier = EarlierAsk(raw);
        if (earlier == CommandStrength.Strong)
        {
            return (ChatCommand.MyRequests, CommandStrength.Strong);
        }

        if (Any(MyRequestPhrases) || MyRequest(raw) || MyApproved(raw) || raw is ["requests"] or ["tickets"] or ["list"] or ["mine"] or ["status"] or ["my", "status"] or ["updates"] or ["update"] or ["any", "updates"])
        {
            return (ChatCommand.MyRequests, CommandStrength.Strong);
        }

        if (Any(LooseMyRequestPhrases))
        {
            return (ChatCommand.MyRequests, CommandStrength.Medium);
        }

        if (Any(LookAtMinePhrases) || earlier is not null)
        {
            return (ChatCommand.MyRequests, CommandStrength.Weak);
        }

        if (ShowsCatalog(raw))
        {
            return (ChatCommand.Browse, CommandStrength.Strong);
        }

        if (AsksWhatIsOffered(raw) is { } offered)
        {
            return (ChatCommand.Browse, offered);
        }

        var browse = BrowsePhrases.FirstOrDefault(Has);
        if (browse is not null || raw is ["new"] or ["request"] or ["order"] or ["catalog"] or ["ticket"])
        {
            return (ChatCommand.Browse, browse is not null && OnlySays(browse) ? CommandStrength.Strong : CommandStrength.Weak);
        }

        if (BotHelpPhrases.FirstOrDefault(Has) is { } botHelp)
        {
            return (ChatCommand.Help, OnlySays(botHelp) ? CommandStrength.Strong : CommandStrength.Medium);
        }

        if (ThisBotQuestions.Any(q => said.Trim() == q || said.Trim() == $"{q} bot" || said.Trim() == $"{q} chat"))
        {
            return (ChatCommand.Help, CommandStrength.Strong);
        }

        var help = HelpPhrases.FirstOrDefault(p => p == "help" ? AskedForHelp(words, raw, known) : Has(p));
        if (help is not null || (raw.Length > 0 && raw.All(Greetings.Contains)))
        {
            return (ChatCommand.Help, help is not null && OnlySays(help) ? CommandStrength.Strong : CommandStrength.Weak);
        }

        return null;

        // Nothing but the phrase and words that say nothing of their own ("tell me what you're for"): only the command.
        bool OnlySays(string phrase)
        {
            var at = padded.IndexOf($" {phrase} ", StringComparison.Ordinal);
            var rest = padded[..at] + padded[(at + phrase.Length + 1)..];
            return rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => FrameWords.Contains(w) || Greetings.Contains(w));
        }
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

    private static bool IsApprovalNoun(string word) =>
        word.EndsWith("al", StringComparison.Ordinal) || word.EndsWith("als", StringComparison.Ordinal)
        || word.EndsWith("ation", StringComparison.Ordinal) || word.EndsWith("ations", StringComparison.Ordinal);

    private static bool MyTeam(string[] raw) =>
        raw.Where((w, i) => w == "my" && i + 1 < raw.Length && (Teams.Contains(raw[i + 1]) || raw[i + 1] is "queue" or "backlog" or "inbox")).Any();

    /// <summary>"my" said of something other than the person's team or queue: their own things, not a queue.</summary>
    private static bool MineAlone(string[] raw) => raw.Contains("my") && !MyTeam(raw);

    /// <summary>
    /// A queue named at the end ("retail apps queue please", "the telecoms queue") or for a team ("queue for telecoms"),
    /// not something in a queue ("stuck in the queue").
    /// </summary>
    private static bool NamedQueue(string[] raw)
    {
        var said = raw.Where(w => !Fillers.Contains(w) && w is not ("now" or "thanks" or "thx")).ToArray();
        for (var i = 0; i < said.Length; i++)
        {
            if (said[i] is not ("queue" or "queues" or "backlog"))
            {
                continue;
            }

            var inIt = i > 0 && said[i - 1] is "in" or "into" or "on" or "from" or "through" or "to" or "join" or "joined";
            if (!inIt && (i == said.Length - 1 || said[i + 1] is "for" or "of"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A question about something the person asked for before ("any movement on the EFB I asked for?", "everything I've
    /// asked IT for so far"): theirs whatever item it names when the question opens so; otherwise only against no form.
    /// </summary>
    private static CommandStrength? EarlierAsk(string[] raw)
    {
        for (var i = 0; i + 1 < raw.Length; i++)
        {
            if (!Askers.Contains(raw[i]))
            {
                continue;
            }

            var verb = i + 1;
            while (verb < raw.Length - 1 && raw[verb] is "have" or "already" or "just" or "recently" or "had")
            {
                verb++;
            }

            var asked = raw[verb] == "asked"
                ? raw.Skip(verb + 1).Take(3).Contains("for")
                : AskedVerbs.Contains(raw[verb]) || (raw[verb] == "put" && verb + 1 < raw.Length && raw[verb + 1] == "in");
            if (asked)
            {
                return ChaseOpeners.Contains(raw[0]) ? CommandStrength.Strong : CommandStrength.Weak;
            }
        }

        return null;
    }

    /// <summary>"list the services", "show me the catalogue", "give me the menu": the catalog, whatever an item calls itself.</summary>
    private static bool ShowsCatalog(string[] raw)
    {
        var said = raw.Where(w => !Fillers.Contains(w) && w is not ("me" or "us" or "full" or "whole" or "complete")).ToArray();
        return said.Length >= 2 && ShowVerbs.Contains(said[0]) && CatalogNouns.Contains(said[1]);
    }

    /// <summary>
    /// "which hardware and software can I ask for", "what can a ward manager order", "what does IT offer": a question about
    /// what the catalog holds. Strong when it asks of the catalog as a whole; against a named item's form it yields.
    /// </summary>
    private static CommandStrength? AsksWhatIsOffered(string[] raw)
    {
        var what = Array.FindIndex(raw, w => w is "what" or "which" or "whats");
        if (what < 0)
        {
            return null;
        }

        var modal = Array.FindIndex(raw, what + 1, w => AskModals.Contains(w));
        if (modal < 0 || modal - what > 5)
        {
            return null;
        }

        for (var verb = modal + 1; verb < Math.Min(raw.Length, modal + 5); verb++)
        {
            var subject = raw.Skip(modal + 1).Take(verb - modal - 1).ToArray();
            if (subject.Any(w => w is "need" or "needs" or "want" or "have" or "to" or "like" or "do" or "go"))
            {
                return null;
            }

            var mine = subject.Any(w => w is "i" or "we");
            if (OfferVerbs.Contains(raw[verb]) && !(raw[verb] == "get" && verb + 1 < raw.Length && raw[verb + 1] is "to" or "done" or "back"))
            {
                var wholeCatalog = raw.Skip(what + 1).Take(modal - what - 1).All(WholeCatalogWords.Contains);
                return wholeCatalog && (mine || raw[verb] is "offer" or "provide" or "supply" or "available" || modal == what + 1)
                    ? CommandStrength.Strong
                    : CommandStrength.Medium;
            }
        }

        return null;
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
