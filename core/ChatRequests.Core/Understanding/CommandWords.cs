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
        "ticket", "catalog", "catalogue", "browse", "nevermind", "withdraw", "pending", "progress", "update", "updates", "backlog",
    ];

    private static readonly Dictionary<string, string> ShortTypos = new(StringComparer.Ordinal)
    {
        ["hlp"] = "help", ["hep"] = "help", ["hepl"] = "help", ["halp"] = "help", ["hekp"] = "help", ["hel"] = "help",
        ["stat"] = "status", ["q"] = "queue", ["que"] = "queue",
        // Chat shorthand: "wat can u do", "hw does this work".
        ["u"] = "you", ["ya"] = "you", ["ur"] = "your", ["wat"] = "what", ["wot"] = "what", ["wht"] = "what", ["hw"] = "how",
        ["nvm"] = "nevermind", ["thx"] = "thanks", ["ty"] = "thanks",
        ["req"] = "request", ["reqs"] = "requests", ["tix"] = "tickets",
    };

    // Words of their own one letter from a command word: "my stats module" is no status, "held" no help.
    private static readonly HashSet<string> NotTypos = ["stats", "held", "hell", "helm", "ticked", "spending", "cancer", "statue", "updater"];

    private static readonly HashSet<string> Fillers = ["a", "an", "the", "new", "some", "please", "pls", "plz", "just", "this", "that", "all", "even"];

    private static readonly string[] CancelPhrases = Normalised(
    [
        "cancel", "cancelled", "canceled", "nevermind", "withdraw", "forget it", "forget about it", "scrap it",
        "dont need it", "dont need anymore", "no need", "nolonger need", "not needed", "changed my mind", "dont bother", "ignore", "abort",
        "stop it", "drop it", "undo", "dont want it", "call it off", "call off", "nolonger needed", "not needed anymore",
        "leave it", "disregard", "no thanks", "no thank you", "dont need it now", "dont want it anymore",
        "stop request", "stop my request", "delete request", "delete my request", "remove my request", "kill request",
        "stop order", "delete order", "delete my order",
        // "take back my request": said of the request itself ("take back the laptop" returns a thing).
        "take back my request", "take back request", "take my request back", "take back my ticket", "take back my order",
    ]);

    // Chasing one's own request in more words: listed and followed up alike (declared first: the lists below spread it).
    private static readonly string[] ChasePhrases =
    [
        "any movement", "movement on", "where are we with", "where are we on", "any luck with", "follow up on", "following up on",
        "chase up", "chasing up", "update me on", "on its way", "when do i get my", "when will i get my", "when can i expect",
        "when will i receive", "when do i receive", "waiting for my", "waiting on my", "when it comes", "when will it come",
        "when does it come", "when will it arrive",
        // "any joy with my gpu thing", "put a request in monday, nothing since", "did anything happen with what I sent in".
        "any joy", "nothing since", "heard nothing", "not heard anything", "i put request in", "i put in request", "what i sent",
        "what ive sent", "what i sent in",
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
        "outstanding jobs", "open items", "work items", "queued up for", "work queued", "jobs queued", "tickets queued",
    ]);

    // What the person or their team may ask for, as they say it: the catalog (a Browse phrase), never a team's queue.
    private static readonly string[] MayAskFor =
        ["what we can get", "what we can order", "what we can request", "what i can get", "what i can order", "requestable", "orderable"];

    // What the person or their team may ask for ("show us the list of what we can get", "requestable things for the gate
    // team"): the catalog, though a team and a list are named.
    private static readonly string[] OfferedToUs = Normalised([.. MayAskFor, "things we can", "things i can", "stuff we can", "stuff i can"]);

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
        "allowed to ask for", "allowed to get", "what can we ask", "what can we order", "what can we request", "what can we get",
        .. MayAskFor,
    ]);

    // How to get things from the bot ("how do I get stuff out of you", "what do I type to get things"): about the bot
    // whatever else is said, since no catalog's thing is typed or got "out of" a person. Declared first: the list below spreads it.
    private static readonly string[] TalkToTheBotPhrases =
        ["out of you", "out of this bot", "type to get", "write to get", "say to get", "type to ask", "type to order", "type to request"];

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
        "how does thing work", "how this thing works", "how work bot", "how bot work",
        // "could you tell me what you are able to do", "how do I work this thing".
        "what you are able to do", "what are you able to do", "what youre able to do", "how do i work thing", "how to work thing",
        .. TalkToTheBotPhrases,
    ]);

    private static readonly string[] HelpPhrases = Normalised(
    [
        "help", "what can you do", "what do you do", "how does this work", "how does it work", "how do you work", "how do i use",
        "how to use", "commands", "instructions", "who are you", "what are you", "what is this bot", "whats this bot",
        "what can this bot", "what does this bot", "bot do", "what can it do", "what do you help with", "how does this", "how this works", "how it works",
        "i am lost", "im lost", "im bit lost", "i am bit lost", "im little lost", "bit lost", "lost here", "feeling lost", "totally lost", "confused", "what do i do", "what now", "start over", "talk to a human", "talk to someone",
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
        "my ok", "my okay", "my go ahead", "needing my", "my signature", "my say so", "my decision", "need to ok", "have to ok", "need to okay",
        "to ok", "to okay", "for my ok", "for my okay", "decide on", "for decision", "to decide", "my decision on",
        // "anything to rubber stamp", "waiting for my green light".
        "rubber stamp", "my green light", "green light from me",
    ]);

    private static readonly HashSet<string> Greetings =
    [
        "hi", "hello", "hey", "hiya", "yo", "morning", "good", "afternoon", "evening", "howdy", "thanks", "thank",
        "you", "cheers", "ok", "okay", "bot", "gday",
    ];

    private static readonly HashSet<string> RequestNouns = ["request", "requests", "ticket", "tickets", "order", "orders", "case", "cases"];

    // Verbs that, opening a message that names a request ("stop REQ-000610, ..."), withdraw it.
    // "ditch my last ticket", "bin that ticket", "axe REQ-12": slang for the same, only said of a request.
    private static readonly HashSet<string> WithdrawVerbs =
        ["stop", "kill", "drop", "delete", "remove", "close", "scrap", "retract", "withdraw", "revoke", "cancel", "ditch", "bin", "axe", "nix", "trash", "junk"];

    // "pull my last ticket", "pull that request": withdrawn when the request itself follows ("pull up my ticket" shows it).
    // "forget the laptop request I made": the same, said of the request.
    private static readonly HashSet<string> WithdrawOnARequest = [.. WithdrawVerbs, "pull", "forget"];

    // What a screen calls its controls: "the cancel button crashes it" tells of a control, not a request taken back.
    private static readonly HashSet<string> ControlNouns = ["button", "buttons", "option", "tab", "link", "icon", "key", "screen", "page", "box", "field"];

    // "scrap that", "scratch that": said on the words themselves, since "that" is a filler ("the scratch filesystem").
    private static readonly string[] CancelPairs =
    [
        "scrap that", "scratch that", "scrap this", "scratch this", "forget that", "forget this", "dont want that", "dont want this",
        "dont need that", "dont need this", "leave that", "not that one",
    ];

    // What a person asking for help says of themselves: "I'm stuck", "totally lost", "new here", "never done this".
    private static readonly HashSet<string> PersonAsides =
        ["im", "i", "am", "stuck", "lost", "new", "done", "confused", "sorry", "totally", "bit", "little", "day", "week", "ive", "still"];

    // Things asked for in no words of their own: "how do I ask for something", "how to order stuff".
    private static readonly HashSet<string> AnyThing = ["something", "anything", "things", "stuff"];

    // Questions about the bot said with "this", a filler elsewhere: "what is this", "what's this for".
    private static readonly string[] ThisBotQuestions = ["what is this", "whats this", "what is this for", "whats this for", "what this is for"];

    // A message that opens "no, stop", "stop, wrong one", "nope, not that": the person takes back what is under way.
    private static readonly HashSet<string> TakeBackOpeners = ["no", "nope", "nah", "stop", "oops", "whoops"];
    private static readonly HashSet<string> TakeBackSeconds = ["stop", "no", "wrong", "leave", "cancel", "forget", "dont", "not", "scrap", "scratch", "ignore", "undo"];

    // The person's own earlier asks ("the EFB I asked for", "everything I've requested"): a request they already made.
    private static readonly HashSet<string> Askers = ["i", "ive", "id", "we", "weve"];
    private static readonly string[] WhereAreThey =
        ["where are they", "where is it", "wheres it", "where did it go", "where did they go", "what happened to it", "what happened to them", "any news", "any update"];
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

    // What asking how to use the bot is called, said alone or with words that say nothing: "guide please", "manual?", "faq".
    private static readonly HashSet<string> HelpNouns = ["help", "guide", "manual", "instructions", "faq", "faqs", "tips", "commands", "usage", "tutorial", "handbook"];

    // How a person talks to the bot ("how do I talk to you", "what can I type here"): a question about the bot, not a thing.
    private static readonly HashSet<string> TalkVerbs = ["talk", "speak", "type", "say", "write", "ask", "chat", "use", "message", "tell"];
    private static readonly HashSet<string> TalkAsides = ["do", "can", "could", "should", "shall", "may", "i", "we", "am", "supposed", "meant", "allowed", "able", "going", "to", "is", "it", "have"];

    // What the bot is for, asked of it: "what things does it handle", "can it do other stuff too".
    private static readonly HashSet<string> HandleVerbs = ["handle", "cover", "do", "deal", "support", "manage"];
    private static readonly HashSet<string> OtherThings = ["other", "stuff", "things", "else", "too", "also", "more", "anything", "for", "me", "with", "what", "kind", "of", "sort", "exactly"];
    private static readonly HashSet<string> BotWords = ["you", "here", "this", "bot", "it", "to", "with", "in", "chat", "for", "thing", "u"];

    // Verbs that ask for a thing: "help me get a monitor", "help me with booking a flight" ask for it, not for the bot's help.
    private static readonly HashSet<string> AcquireVerbs =
    [
        "get", "getting", "order", "ordering", "buy", "buying", "book", "booking", "find", "finding", "request", "requesting",
        "set", "setting", "install", "installing", "arrange", "arranging", "sort", "sorting", "obtain", "obtaining", "replace",
        "replacing", "choose", "choosing", "pick", "picking", "open", "opening", "create", "creating", "add", "adding",
    ];

    // Starting a new ask by its noun: "make a new order", "lodge a ticket", "file a request".
    private static readonly HashSet<string> MakeVerbs = ["make", "start", "raise", "open", "log", "submit", "create", "place", "file", "lodge", "begin", "put", "send"];

    // Words of how a thing stands: "the state of my demand", "situation with my order".
    private static readonly HashSet<string> StatusNouns = ["status", "state", "situation", "progress", "stage", "standing", "whereabouts"];

    // The person's ask, as someone else may call it: "my manager approved it" tells of a person, not of a request.
    private static readonly HashSet<string> PersonNouns =
        ["manager", "boss", "supervisor", "lead", "director", "head", "approver", "line", "team", "colleague", "hod", "mgr"];

    // Being put in a queue or taken out ("add me to the sales call queue", "join the support phone queue"): a membership asked for.
    private static readonly HashSet<string> JoinVerbs = ["join", "joining", "add", "adding", "put", "leave", "leaving", "remove", "removing", "take"];

    // Words that ask after the person's own approvals: "any sign-in approvals waiting for me?".
    private static readonly HashSet<string> ApprovalCues = ["pending", "waiting", "any", "anything", "what", "whats", "which", "show", "list", "me", "mine", "my", "outstanding", "open", "need", "needs"];

    // Where approvals are seen ("my approval queue", "approvals list"): the person's approvals, whatever the catalog calls a queue.
    private static readonly HashSet<string> ApprovalPlaces = ["queue", "list", "inbox", "requests", "request", "tickets", "items", "stuff", "things", "pending", "waiting"];

    // What may open a question a team asks of its work: "anything to pick up?", "what should I work on".
    private static readonly HashSet<string> WorkOpeners = ["anything", "any", "what", "whats", "is", "are", "which"];
    private static readonly string[] PickUpPhrases = Normalised(["pick up", "work on", "come in", "came in", "to pick", "come into", "came into", "picked up"]);

    // What follows a request noun that is the request itself: "my request for the dock", "the ticket I raised", "ticket 77".
    private static readonly HashSet<string> AfterRequestNoun =
        ["for", "i", "ive", "id", "we", "weve", "number", "about", "from", "please", "pls", "thanks", "that", "which", "made", "raised", "regarding", "re", "of", "on", "to", "as", "and", "now", "then", "yesterday", "today"];

    // What opens an imperative: "please remove my ticket", "can you retract my request".
    private static readonly HashSet<string> ImperativeOpeners =
    [
        "please", "pls", "plz", "kindly", "can", "could", "would", "will", "you", "just", "i", "id", "want", "to", "like", "wanna",
        "need", "we", "ok", "okay", "so", "then", "hi", "hello", "hey", "and", "also", "actually",
    ];

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

        // "cancel my old phone and get me an iPhone": a thing swapped for another is the new thing asked for (ADR 0090).
        if (((CancelPhrases.Any(p => Has(p) && !DescribesTheAsk(padded, p)) && !NamesAControl(raw)) || CancelPairs.Any(p => said.Contains($" {p} ", StringComparison.Ordinal))
            || raw is ["stop"] or ["no"] or ["nope"] or ["exit"] or ["quit"]
            || (raw.Length > 1 && TakeBackOpeners.Contains(raw[0]) && TakeBackSeconds.Contains(raw[1]))
            || (namesRequest && raw.SkipWhile(ImperativeOpeners.Contains).Take(1).Any(WithdrawVerbs.Contains))
            || WithdrawsARequest(raw) || NoLongerWanted(raw))
            && !AskInCommandWords.Swaps(words, raw, known))
        {
            // "cancel my Adobe licence": a thing of the catalog cancelled, which an item may be for (a licence removal); a form wins.
            // "withdraw the files from archive": a thing taken out, which items that know it may be for; a form or a choice wins.
            return (ChatCommand.Cancel, WithdrawsAThing(words, raw, known) ? CommandStrength.Weak : CancelsAThing(words, raw, known) ? CommandStrength.Medium : CommandStrength.Strong);
        }

        if (namesRequest)
        {
            return (ChatCommand.ShowRequest, CommandStrength.Strong);
        }

        if (ApprovalPhrases.Any(p => p is "approv" or "authori" ? raw.Where((w, i) => w.StartsWith(p, StringComparison.Ordinal) && !ApprovesAThing(i)).Any() : Has(p) && !(p.StartsWith("waiting", StringComparison.Ordinal) && WaitsForMeToDo(raw)))
            && !Has("approval for") && !Has("been approved") && !Has("get approved") && !Has("approved yet") && !MyApproved(raw) && !AsksWhoApproves(raw))
        {
            // "pending approvals", "to approve", "waiting for me": the person's approvals, whatever else is said.
            var theirs = raw.Contains("approvals") || raw.Contains("pending") || Has("to approve") || Has("waiting for me") || Has("sign off") || Has("sign offs") || Has("anything pending");
            // "need one more tablet to sign off defects": approving a thing of their work, which the catalog may serve (a form or a choice wins).
            theirs |= Has("for decision") || Has("decide on") || AwaitMyOk(raw);
            // "do I have anything to okay", "anything to rubber stamp": nothing named but what waits on the person.
            theirs |= AnythingToApprove(raw);
            // "my manager approved me as an issuer, can you set it up": another's approval told as why a thing is asked for (ADR 0090).
            return (ChatCommand.Approvals, ApprovesAnObject(raw) || (ApprovedByAnother(raw) && (AsksForANewThing(raw) || AskInCommandWords.AsksSomeoneToDo(raw))) ? CommandStrength.Weak : theirs ? CommandStrength.Strong : CommandStrength.Medium);
        }

        // "for my team to work on": the person's team's work, like "our".
        var ours = raw.Any(Teams.Contains) && (!raw.Contains("my") || (MyTeam(raw) && TeamWorkPhrases.Any(Has)));

        // "can't approve sign-ins": approving a thing the catalog knows (an authenticator prompt), not requests.
        // "the expense approvals app", "approval app for expenses": an approval noun naming a thing the catalog knows.
        // "took the sign-in approvals with it": a known thing's approvals, when nothing asks after the person's own.
        bool ApprovesAThing(int i) =>
            (i + 1 < words.Count && words[i + 1].IsContent
                && (IsApprovalNoun(raw[i])
                    ? known(words[i + 1].Term) && !ApprovalPlaces.Contains(raw[i + 1])
                    : (known(words[i + 1].Term) || Lexicon.IsKnownTerm(words[i + 1].Term)) && !raw.Any(RequestNouns.Contains)))
            || (IsApprovalNoun(raw[i]) && i > 0 && words[i - 1].IsContent && known(words[i - 1].Term) && !raw.Any(ApprovalCues.Contains));
        // "the case recording system", "ticket machine": a request noun naming a thing the catalog knows, not a request.
        bool Compound(int i) => i + 1 < words.Count && words[i + 1].IsContent && known(words[i + 1].Term) && !StatusNouns.Contains(raw[i + 1]) && !QueueWords.Contains(raw[i + 1]) && raw[i + 1] is not ("update" or "updates" or "number");

        // "add me to the sales call queue": being put in a queue is asked for, not the team's queue shown.
        var joins = JoinsAQueue(raw);

        // "our purchase orders", "the work orders": orders of the catalog's kind, not requests to the bot.
        if ((ours || MyTeam(raw)) && Enumerable.Range(0, raw.Length).Any(i => RequestNoun(raw, i) && !(raw[i] is "orders" or "order" && i > 0 && words[i - 1].IsContent && known(words[i - 1].Term))
            && !Compound(i) && !Counted(raw, i)))
        {
            // "our midwives ... need accounts on the requesting system": a new thing asked for beside the team's requests.
            return (ChatCommand.Queue, AsksForANewThing(raw) ? CommandStrength.Weak : CommandStrength.Strong);
        }

        // "unassigned jobs for clinical apps", "retail apps queue please": a team's queue named as such, unless a fault is told
        // of it ("the print queue is stuck").
        // "what work is queued up for my team": what waits for the team, though the catalog names the work.
        if (!MineAlone(raw) && !joins && (Has("unassigned") || NamedQueue(raw) || ((ours || MyTeam(raw)) && raw.Contains("queued")))
            && !IncidentWords.IsFault(words, matched: false, winner: null))
        {
            // "the queue of callers is long, we need another seat": a new thing asked for beside a queue, which a form answers.
            return (ChatCommand.Queue, AsksForANewThing(raw) ? CommandStrength.Weak : CommandStrength.Strong);
        }

        // "what's outstanding for our team to pick up", "anything to pick up?": the work waiting, whatever a word of it names.
        if (AsksForWork(raw) && !MineAlone(raw) && !joins)
        {
            return (ChatCommand.Queue, CommandStrength.Strong);
        }

        if ((Any(QueuePhrases) || (ours && (raw.Any(QueueWords.Contains) || TeamWorkPhrases.Any(Has) || AsksWhatIsNew(raw))))
            && !MineAlone(raw) && !joins && !Any(OfferedToUs) && !ShowsCatalog(raw))
        {
            return (ChatCommand.Queue, CommandStrength.Medium);
        }

        // "what jobs have we got outstanding": the work open for the person's team, as an agent asks it.
        if (HaveOpen(raw) && raw.Any(w => w is "we" or "weve") && raw.Any(w => w is "jobs" or "job" or "work") && !raw.Contains("my"))
        {
            return (ChatCommand.Queue, CommandStrength.Strong);
        }

        var earlier = EarlierAsk(raw);
        if (earlier == CommandStrength.Strong)
        {
            return (ChatCommand.MyRequests, CommandStrength.Strong);
        }

        if (Any(MyRequestPhrases) || MyRequest(raw, Compound) || MyApproved(raw) || StatusOfMine(raw) || HaveOpen(raw) || raw is ["requests"] or ["tickets"] or ["list"] or ["mine"] or ["status"] or ["my", "status"] or ["updates"] or ["update"] or ["any", "updates"])
        {
            // "status update: still need that webcam, can I order one": a new ask beside it, which a form answers.
            // "status of the payments system is red, nothing going through": how a system stands, told as a fault.
            return (ChatCommand.MyRequests, AsksForANewThing(raw) ? CommandStrength.Medium
                : StatusOfAThing(words, raw, known) && IncidentWords.IsFault(words, matched: false, winner: null) ? CommandStrength.Weak
                : CommandStrength.Strong);
        }

        if (Any(LooseMyRequestPhrases))
        {
            // "where do I see where the wagons are, need tracking access": a thing asked for, of which tracking is the use (ADR 0090).
            return (ChatCommand.MyRequests, AsksForANewThing(raw) ? CommandStrength.Weak : CommandStrength.Medium);
        }

        if (Any(LookAtMinePhrases) || earlier is not null)
        {
            return (ChatCommand.MyRequests, CommandStrength.Weak);
        }

        if (ShowsCatalog(raw) || (raw.Any(CatalogNouns.Contains) && raw.All(w => CatalogNouns.Contains(w) || FrameWords.Contains(w) || Greetings.Contains(w) || Fillers.Contains(w) || w is "your" or "the" or "of")))
        {
            return (ChatCommand.Browse, CommandStrength.Strong);
        }

        if (AsksWhatIsOffered(raw) is { } offered)
        {
            return (ChatCommand.Browse, offered);
        }

        // "I don't understand how to ask for something": how to ask at all, not the catalog.
        if (AsksHowToAskAtAll(raw))
        {
            return (ChatCommand.Help, CommandStrength.Strong);
        }

        // "log a request for 4 passes", "how do I ask for the archive", "show me how to get onto the wiki", "help, need his
        // badges pulled": an ask for a thing the catalog knows in the words of a command (ADR 0090); the words give no command.
        if (AskInCommandWords.StartsAnAskFor(words, raw, known) || AskInCommandWords.AsksHowToGet(words, raw, known) || AskInCommandWords.HelpThenNeed(words, raw, known))
        {
            return null;
        }

        var browse = BrowsePhrases.FirstOrDefault(Has) ?? StartsAnAsk(raw);
        if (browse is not null || raw is ["new"] or ["request"] or ["order"] or ["catalog"] or ["ticket"])
        {
            return (ChatCommand.Browse, browse is not null && OnlySays(browse) ? CommandStrength.Strong : CommandStrength.Weak);
        }

        if (BotHelpPhrases.FirstOrDefault(Has) is { } botHelp)
        {
            return (ChatCommand.Help, OnlySays(botHelp) || AboutTheBot(botHelp) ? CommandStrength.Strong : CommandStrength.Medium);
        }

        if (ThisBotQuestions.Any(q => said.Trim() == q || said.Trim() == $"{q} bot" || said.Trim() == $"{q} chat"))
        {
            return (ChatCommand.Help, CommandStrength.Strong);
        }

        if (AsksHowToTalk(raw) || AsksWhatTheBotHandles(raw) || (raw.Any(HelpNouns.Contains) && raw.All(w => HelpNouns.Contains(w) || FrameWords.Contains(w) || Greetings.Contains(w) || Fillers.Contains(w) || BotWords.Contains(w) || w is "need" or "user" or "some" or "any" or "give" or "there" or "got")
            && !(raw.Contains("help") && !AskedForHelp(words, raw, known))))
        {
            return (ChatCommand.Help, CommandStrength.Strong);
        }

        // "I'm a deputy stage manager and frankly lost, help": the person lost, whatever word the catalog knows before "help".
        if (raw.Contains("help") && SaysTheyAreLost(raw))
        {
            return (ChatCommand.Help, CommandStrength.Strong);
        }

        var help = HelpPhrases.FirstOrDefault(p => p == "help" ? AskedForHelp(words, raw, known) : Has(p));
        if (help is not null || (raw.Length > 0 && raw.All(Greetings.Contains)))
        {
            // "help pls, I'm stuck, never done this before": what the person says of themselves says nothing of a thing.
            return (ChatCommand.Help, help is not null && (OnlySays(help) || OnlySays(help, PersonAsides)) ? CommandStrength.Strong : CommandStrength.Weak);
        }

        return null;

        // "I'm a locum, how do I use this bot", "how does this thing work, first day here": the bot named as what is asked
        // about (the phrase names it, or nothing but the bot follows it), whatever the person says of themselves around it.
        bool AboutTheBot(string phrase)
        {
            var at = padded.IndexOf($" {phrase} ", StringComparison.Ordinal);
            var after = padded[(at + phrase.Length + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return phrase.Split(' ').Any(w => w is "bot" or "thing" or "chat") || TalkToTheBotPhrases.Contains(phrase)
                || (after.Length > 0 && after.All(w => BotWords.Contains(w) || FrameWords.Contains(w)) && after.Any(w => w is "bot" or "chat" or "you" or "u"));
        }

        // Nothing but the phrase and words that say nothing of their own ("tell me what you're for"): only the command.
        bool OnlySays(string phrase, HashSet<string>? asides = null)
        {
            var at = padded.IndexOf($" {phrase} ", StringComparison.Ordinal);
            var rest = padded[..at] + padded[(at + phrase.Length + 1)..];
            return rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => FrameWords.Contains(w) || Greetings.Contains(w) || asides?.Contains(w) == true);
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
            if (raw[i] == "my" && !(i + 1 < raw.Length && PersonNouns.Contains(raw[i + 1])) && raw.Skip(i + 1).Take(4).Any(w => w is "approved" or "authorised" or "authorized"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"my manager approved me as an issuer", "the boss signed it off": an approval someone else already gave.</summary>
    private static bool ApprovedByAnother(string[] raw) =>
        raw.Where((w, i) => w is "approved" or "authorised" or "authorized" or "okayed" or "signed" && raw.Take(i).TakeLast(2).Any(PersonNouns.Contains)).Any();

    /// <summary>"requests needing my go-ahead", "stuff waiting for my ok": asks that wait on the person's own say.</summary>
    private static bool AwaitMyOk(string[] raw) =>
        raw.Where((w, i) => ApprovalPlaces.Contains(w) && raw.Skip(i + 1).Take(4).Where((m, k) => m == "my" && i + k + 2 < raw.Length
            && raw[i + k + 2] is "ok" or "okay" or "go" or "approval" or "signature" or "say" or "decision" or "sign" or "review" or "green").Any()).Any();

    /// <summary>"anything to okay", "have I got anything to rubber stamp": approving nothing named, the person's approvals.</summary>
    private static bool AnythingToApprove(string[] raw) =>
        raw.Where((w, i) => w is "anything" or "something" && i + 2 < raw.Length && raw[i + 1] is "to" or "for"
            && raw.Skip(i + 2).SkipWhile(m => m is "me" or "to").Take(1).Any(m => m is "ok" or "okay" or "sign" or "rubber" or "approve" or "authorise" or "authorize")).Any();

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
                // "I requested some things two weeks ago, where are they": the question after the tale asks after them.
                var tail = $" {string.Join(' ', raw.Skip(verb + 1))} ";
                return ChaseOpeners.Contains(raw[0]) || WhereAreThey.Any(q => tail.Contains($" {q} ", StringComparison.Ordinal)) ? CommandStrength.Strong : CommandStrength.Weak;
            }
        }

        return null;
    }

    /// <summary>"list the services", "show me the catalogue", "give me the menu": the catalog, whatever an item calls itself.</summary>
    private static bool ShowsCatalog(string[] raw)
    {
        var said = raw.Where(w => !Fillers.Contains(w) && w is not ("me" or "us" or "full" or "whole" or "complete")).ToArray();
        // "may I see the full catalogue", "could you show me the menu": the same asked politely.
        if (said.Length > 2 && said[0] is "can" or "could" or "may" or "would" && said[1] is "i" or "you" or "we" or "u")
        {
            said = said[2..];
        }

        // "list of services please, for a ranger": the same with "of".
        if (said.Length >= 2 && ShowVerbs.Contains(said[0]) && (CatalogNouns.Contains(said[1]) || (said.Length > 2 && said[1] == "of" && said[2] is not ("list" or "menu") && CatalogNouns.Contains(said[2]))))
        {
            return true;
        }

        // "show the kit and services I can request": the catalog's things as a whole, then only what the person may ask for.
        var whole = said.Skip(1).TakeWhile(w => WholeCatalogWords.Contains(w) && w is not ("it" or "requests")).ToArray();
        var rest = said.Skip(1 + whole.Length).ToArray();
        // "list of things I can book or order": the things as a whole, when what follows says the person may ask for them.
        return said.Length >= 2 && ShowVerbs.Contains(said[0])
            && (whole.Any(CatalogNouns.Contains) || (rest.Length > 0 && whole.Any(w => w is "things" or "stuff")))
            && rest is [] or ["i" or "we", "can" or "could" or "may", _, ..] && (rest.Length == 0 || OfferVerbs.Contains(rest[2]) || rest[2] is "book" or "borrow");
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

    /// <summary>"I'm ... lost", "I am new and stuck": the person says how they are, and names nothing of theirs that could be.</summary>
    private static bool SaysTheyAreLost(string[] raw)
    {
        var i = Array.FindIndex(raw, w => w == "im" || w == "i");
        return i >= 0 && raw.Skip(i + 1).Take(7).Any(w => w is "lost" or "stuck" or "confused")
            && !raw.Any(w => w is "my" or "our" or "his" or "her" or "their" or "its" or "it" or "is" or "was" or "been");
    }

    /// <summary>"the orders", "our requests": a request noun, not the verb of "could we order a laptop".</summary>
    private static bool RequestNoun(string[] raw, int i) =>
        RequestNouns.Contains(raw[i])
        && (raw[i].EndsWith('s') || (i > 0 && raw[i - 1] is "our" or "the" or "team" or "teams" or "any" or "open" or "your" or "their"))
        // "what can the nursery team order": the verb of what a team may ask for, not the team's orders.
        && !(raw[i] is "order" or "request" && raw.Take(i).Any(w => w is "can" or "could" or "may" or "might"));

    /// <summary>
    /// "help" is the command unless it is a kind of help a catalog offers ("AV help for the graduation"): a word the
    /// catalog knows just before it.
    /// </summary>
    private static bool AskedForHelp(IReadOnlyList<Word> words, string[] raw, Func<string, bool> known)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == "help" && !(i > 0 && words[i - 1].IsContent && known(words[i - 1].Term)) && !HelpsToGet(raw, i))
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
    private static bool MyRequest(string[] raw, Func<int, bool> compound)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            // "cancel my old notebook and order me a macbook": a request noun followed by whom it is for is the verb (ADR 0090).
            if (raw[i] == "my" && Enumerable.Range(i + 1, Math.Min(4, raw.Length - i - 1)).Any(j => RequestNouns.Contains(raw[j]) && !compound(j)
                && !(j + 1 < raw.Length && raw[j + 1] is "me" or "us" or "him" or "her" or "them")))
            {
                return true;
            }

            // "the tickets I raised", "requests we've logged"; not "raise purchase orders, I keep having to ask".
            if (RequestNouns.Contains(raw[i]) && i + 1 < raw.Length
                && (raw[i + 1] is "ive" or "id" or "weve" || (raw[i + 1] is "i" or "we" && i + 2 < raw.Length && (AskedVerbs.Contains(raw[i + 2]) || raw[i + 2] is "have" or "made" or "put" or "placed" or "sent" or "opened" or "already" or "just"))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"everything I've got open with you", "what do I still have outstanding": the person's open asks.</summary>
    private static bool HaveOpen(string[] raw)
    {
        for (var i = 0; i + 1 < raw.Length; i++)
        {
            if (raw[i] is not ("i" or "ive" or "we" or "weve"))
            {
                continue;
            }

            var j = i + 1;
            while (j < raw.Length - 1 && raw[j] is "still" or "have" or "got" or "currently" or "already")
            {
                j++;
            }

            if (j > i + 1 && raw[j] is "open" or "outstanding" or "pending" or "waiting" && raw.Skip(j + 1).All(w => w is not ("for" or "to")) )
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"two requests from Dortmund", "3 tickets": a count of asks in the message, not the team's requests.</summary>
    private static bool Counted(string[] raw, int i) =>
        i > 0 && (char.IsAsciiDigit(raw[i - 1][0]) || Lexicon.Numbers.ContainsKey(raw[i - 1]) || raw[i - 1] is "couple" or "few" or "several");

    /// <summary>
    /// "cancel my Adobe licence" where the catalog itself speaks of cancelling (a licence removal, a permit cancellation):
    /// the verb's object is a thing the catalog knows and no request noun is said ("cancel my laptop order" is the order).
    /// Where no item speaks of cancelling, the words are the person's Cancel as before.
    /// </summary>
    private static bool CancelsAThing(IReadOnlyList<Word> words, string[] raw, Func<string, bool> known)
    {
        var verb = Array.FindIndex(raw, w => w is "cancel" or "cancelled" or "canceled");
        if (verb < 0 || !known(words[verb].Term) || raw.Skip(verb + 1).Any(RequestNouns.Contains))
        {
            return false;
        }

        var next = verb + 1;
        while (next < raw.Length && (Fillers.Contains(raw[next]) || raw[next] is "my" or "our" or "his" or "her" or "their"))
        {
            next++;
        }

        return next < raw.Length && raw[next] is not ("it" or "that" or "this" or "everything") && known(words[next].Term) && !OneOfMine(raw, next);
    }

    /// <summary>
    /// "I need to withdraw the files from archive": "withdraw" with a thing the catalog knows as its object and no request
    /// noun said, which an item may be for (a retrieval); a form wins. "withdraw my request", "withdraw it" stay the Cancel.
    /// </summary>
    private static bool WithdrawsAThing(IReadOnlyList<Word> words, string[] raw, Func<string, bool> known)
    {
        var verb = Array.FindIndex(raw, w => w is "withdraw" or "withdrawn");
        if (verb < 0 || raw.Any(RequestNouns.Contains))
        {
            return false;
        }

        var next = verb + 1;
        while (next < raw.Length && (Fillers.Contains(raw[next]) || raw[next] is "my" or "our" or "his" or "her" or "their" or "some"))
        {
            next++;
        }

        return next < raw.Length && raw[next] is not ("it" or "that" or "this" or "everything") && known(words[next].Term) && !OneOfMine(raw, next);
    }

    /// <summary>"cancel the headset one", "withdraw the badge ones": a thing named for the request of it, one of the person's.</summary>
    private static bool OneOfMine(string[] raw, int thing) =>
        raw.Skip(thing + 1).Take(2).Select((w, k) => (w, k)).Any(p => p.w is "one" or "ones" && raw.Skip(thing + 1).Take(p.k).All(w => w is not ("a" or "another" or "new" or "for" or "and")));

    /// <summary>"the cancel button", "cancel option": the word names a control on a screen.</summary>
    private static bool NamesAControl(string[] raw) =>
        raw.Where((w, i) => w is "cancel" && i + 1 < raw.Length && ControlNouns.Contains(raw[i + 1])).Any();

    /// <summary>"no need to send", "irish keyboard not needed": what the ask leaves out, not the ask taken back.</summary>
    private static bool DescribesTheAsk(string padded, string phrase)
    {
        if (phrase is not ("no need" or "not needed"))
        {
            return false;
        }

        var at = padded.IndexOf($" {phrase} ", StringComparison.Ordinal);
        var after = padded[(at + phrase.Length + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var before = padded[..at].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return phrase == "no need"
            ? after.Length > 0 && after[0] is "to" or "for"
            : before.Length > 0 && before[^1] is not ("it" or "its" or "is" or "request" or "ticket" or "order" or "that" or "this" or "anymore" or "longer")
                && !(after.Length > 0 && after[0] is "anymore" or "any");
    }

    /// <summary>"sign off defects", "approve it": an approving verb with a thing of its own, not the person's approvals.</summary>
    private static bool ApprovesAnObject(string[] raw)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            var pair = (raw[i] == "sign" && i + 1 < raw.Length && raw[i + 1] == "off") || (raw[i] == "rubber" && i + 1 < raw.Length && raw[i + 1] == "stamp");
            var verb = raw[i] is "approve" or "authorise" or "authorize" || pair;
            if (!verb)
            {
                continue;
            }

            var next = raw.Skip(i + (pair ? 2 : 1)).Where(w => w is not ("the" or "a" or "all" or "any" or "those" or "these" or "some")).FirstOrDefault();
            if (next is not null && !ApprovalPlaces.Contains(next) && !RequestNouns.Contains(next)
                && next is not ("for" or "me" or "anything" or "something" or "now" or "today" or "please" or "pls" or "yet" or "so" or "on" or "in" or "stuff" or "things" or "from" or "my" or "our"
                    or "as" or "by" or "at" or "before" or "after" or "here" or "there" or "when" or "if" or "and" or "or" or "but" or "this" or "that" or "asap" or "quickly"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"help me get a monitor", "help me with booking a flight": help to get a thing, which is asking for it.</summary>
    private static bool HelpsToGet(string[] raw, int help) =>
        raw.Skip(help + 1).Where(w => w is not ("me" or "us" or "him" or "her" or "them" or "with" or "to" or "in" or "on" or "out")).Take(1).Any(AcquireVerbs.Contains);

    /// <summary>"how do I talk to you", "what can I type here": how to talk to the bot, with nothing else said after the verb.</summary>
    private static bool AsksHowToTalk(string[] raw)
    {
        var wh = Array.FindIndex(raw, w => w is "how" or "what" or "whats");
        if (wh < 0)
        {
            return false;
        }

        var verb = wh + 1;
        while (verb < raw.Length && TalkAsides.Contains(raw[verb]))
        {
            verb++;
        }

        return verb > wh + 1 && verb < raw.Length && TalkVerbs.Contains(raw[verb]) && raw.Skip(verb + 1).All(w => BotWords.Contains(w) || Fillers.Contains(w));
    }

    /// <summary>"what things does it handle", "can it do other stuff too": what the bot itself is for.</summary>
    private static bool AsksWhatTheBotHandles(string[] raw)
    {
        for (var i = 0; i + 2 < raw.Length; i++)
        {
            if (raw[i] is "does" or "do" or "can" or "will" or "could" && raw[i + 1] is "it" or "this" or "bot" && HandleVerbs.Contains(raw[i + 2])
                && raw.Skip(i + 3).All(w => OtherThings.Contains(w) || Fillers.Contains(w) || BotWords.Contains(w)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"make a new order", "lodge a ticket": a making verb and a request noun; the phrase, for how much else is said.</summary>
    private static string? StartsAnAsk(string[] raw)
    {
        var said = raw.Where(w => !Fillers.Contains(w)).ToArray();
        for (var i = 0; i + 1 < said.Length; i++)
        {
            if (MakeVerbs.Contains(said[i]) && said[i + 1] is "request" or "ticket" or "order" or "case")
            {
                return $"{said[i]} {said[i + 1]}";
            }
        }

        return null;
    }

    /// <summary>"how to ask for something", "how do I order stuff": how to ask the bot at all, no thing named.</summary>
    private static bool AsksHowToAskAtAll(string[] raw)
    {
        var how = Array.IndexOf(raw, "how");
        if (how < 0)
        {
            return false;
        }

        var verb = Array.FindIndex(raw, how + 1, w => w is "ask" or "request" or "order" or "get");
        if (verb < 0 || verb - how > 4)
        {
            return false;
        }

        var rest = raw.Skip(verb + 1).Where(w => w is not ("for" or "a" or "some")).ToArray();
        // "how I'm supposed to ask for things through this": the bot named after it says no more.
        return rest.Length > 0 && AnyThing.Contains(rest[0]) && rest.Skip(1).All(w => FrameWords.Contains(w) || Greetings.Contains(w) || Fillers.Contains(w) || BotWords.Contains(w) || w is "through" or "via");
    }

    /// <summary>"status of the payments system": how a thing the catalog knows stands, not the person's own request.</summary>
    private static bool StatusOfAThing(IReadOnlyList<Word> words, string[] raw, Func<string, bool> known)
    {
        for (var i = 0; i + 2 < raw.Length; i++)
        {
            if (raw[i] != "status" || raw[i + 1] is not ("of" or "on" or "for"))
            {
                continue;
            }

            var next = i + 2;
            while (next < raw.Length && Fillers.Contains(raw[next]))
            {
                next++;
            }

            return next < raw.Length && words[next].IsContent && known(words[next].Term) && raw[next] is not ("my" or "mine" or "our")
                && !RequestNouns.Contains(raw[next]);
        }

        return false;
    }

    /// <summary>"the state of my demand", "situation with my order": how the person's own thing stands.</summary>
    private static bool StatusOfMine(string[] raw)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            if (StatusNouns.Contains(raw[i]) && raw.Skip(i + 1).Where(w => w is not ("of" or "on" or "with" or "for" or "the" or "about")).Take(1).Any(w => w is "my" or "mine"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"can I order one", "still need that webcam", "I need a new one": a new thing asked for beside the question.</summary>
    private static bool AsksForANewThing(string[] raw)
    {
        for (var i = 0; i + 2 < raw.Length; i++)
        {
            var modal = raw[i] is "can" or "could" or "may" && raw[i + 1] is "i" or "we";
            if (modal && raw[i + 2] is "order" or "get" or "have" or "request" && (i + 3 >= raw.Length || raw[i + 3] is not ("my" or "it" or "update" or "an" or "status" or "any")))
            {
                return true;
            }
        }

        // "still need that webcam", "they need accounts on ...", "needs an MES login".
        return raw.Where((w, i) => (w == "still" && i + 1 < raw.Length && raw[i + 1] is "need" or "want")
            || (w is "need" or "needs" or "want" or "wants" && raw.Skip(i + 1).Take(2).Any(n => n is "a" or "an" or "access" or "account" or "accounts" or "login" or "logins" or "another"))).Any();
    }

    /// <summary>
    /// "we'd like a machine where ...", "need one more tablet to sign off defects": the person says they want or need
    /// something; a team's queue or approvals found beside it are the thing's setting, not what is asked (ADR 0097).
    /// </summary>
    public static bool WantsSomething(IReadOnlyList<Word> words) =>
        words.Where((w, i) => w.Raw is "want" or "wants" or "need" or "needs"
            || (w.Raw == "like" && i > 0 && words[i - 1].Raw is "would" or "d" or "wed" or "id" or "theyd")).Any();

    /// <summary>"who approves holiday requests": a question about approvers, not the person's approvals.</summary>
    private static bool AsksWhoApproves(string[] raw) =>
        raw.Where((w, i) => w == "who" && raw.Skip(i + 1).Take(2).Any(n => n.StartsWith("approv", StringComparison.Ordinal) || n.StartsWith("authori", StringComparison.Ordinal) || n is "signs")).Any();

    /// <summary>"my manager is waiting for me to set it up": someone waits on the person for something else than an approval.</summary>
    private static bool WaitsForMeToDo(string[] raw)
    {
        for (var i = 0; i + 4 < raw.Length; i++)
        {
            if (raw[i] is "waiting" or "waits" && raw[i + 1] is "for" or "on" && raw[i + 2] == "me" && raw[i + 3] == "to"
                && !(raw[i + 4].StartsWith("approv", StringComparison.Ordinal) || raw[i + 4].StartsWith("authori", StringComparison.Ordinal)
                    || raw[i + 4] is "sign" or "ok" or "okay" or "review" or "check" or "decide"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"add me to the sales call queue", "join the support phone queue": a joining verb before the queue.</summary>
    private static bool JoinsAQueue(string[] raw)
    {
        var queue = Array.FindIndex(raw, w => w is "queue" or "queues");
        return queue > 0 && raw.Take(queue).Any(JoinVerbs.Contains);
    }

    /// <summary>"anything new for our team", "what's new in our inbox": a question about what has come in.</summary>
    private static bool AsksWhatIsNew(string[] raw)
    {
        var at = Array.IndexOf(raw, "new");
        return at > 0 && WorkOpeners.Contains(raw[0]) && (at + 1 == raw.Length || raw[at + 1] is "for" or "in" or "come" or "came" or "today" or "since" or "on");
    }

    /// <summary>"anything to pick up?", "what should I work on": a question about the work waiting, asked by an agent.</summary>
    private static bool AsksForWork(string[] raw)
    {
        var padded = $" {WithoutFillers(raw)} ";
        return raw.Length > 1 && WorkOpeners.Contains(raw[0]) && !raw.Contains("my")
            && PickUpPhrases.Any(p => padded.Contains($" {p} ", StringComparison.Ordinal));
    }

    /// <summary>"please remove my ticket", "can you retract my request for the dock": a withdrawing verb on a request of theirs.</summary>
    private static bool WithdrawsARequest(string[] raw)
    {
        for (var i = 0; i + 1 < raw.Length; i++)
        {
            // "get rid of my last request": the same said in three words.
            var rid = raw[i] == "rid" && i > 0 && raw[i - 1] == "get" && i + 1 < raw.Length && raw[i + 1] == "of" && raw.Take(i - 1).All(ImperativeOpeners.Contains);
            if (!rid && (!WithdrawOnARequest.Contains(raw[i]) || !raw.Take(i).All(ImperativeOpeners.Contains)))
            {
                continue;
            }

            // The request itself, not a thing named after one ("remove the ticket scanner"); "kill off", "forget about" alike.
            // "forget the laptop request I made": one word naming what it was for may come before the request noun.
            var after = raw.Skip(i + (rid ? 2 : 1)).Where(w => w is not ("my" or "the" or "that" or "this" or "our" or "last" or "old" or "previous" or "a" or "an" or "off" or "about")).Take(3).ToArray();
            var noun = after.Length > 1 && !RequestNouns.Contains(after[0]) && after[0] is not ("up" or "out" or "back" or "in" or "on" or "down" or "over") && RequestNouns.Contains(after[1]) ? 1 : 0;
            // "scrap my last request, keeper found one": the last one made is a request, whatever follows it.
            var last = raw.Skip(i + 1).TakeWhile(w => !RequestNouns.Contains(w)).LastOrDefault() is "last" or "previous" or "latest";
            if (after.Length > noun && RequestNouns.Contains(after[noun])
                && (after.Length == noun + 1 || last || AfterRequestNoun.Contains(after[noun + 1]) || char.IsAsciiDigit(after[noun + 1][0])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"I don't need the monitor anymore", "no longer need it": a need taken back.</summary>
    private static bool NoLongerWanted(string[] raw)
    {
        for (var i = 0; i + 1 < raw.Length; i++)
        {
            var negated = raw[i] is "dont" or "nolonger" || (raw[i] == "not" && i > 0 && raw[i - 1] is "do" or "dont")
                || (raw[i] == "longer" && i > 0 && raw[i - 1] == "no");
            var need = i + 1 < raw.Length && raw[i + 1] is "need" or "want" or "require" or "needed" or "wanted" or "required";
            if (!negated || !need)
            {
                continue;
            }

            var rest = $" {string.Join(' ', raw.Skip(i + 2))} ";
            if (raw[i] is "nolonger" or "longer" || rest.Contains(" anymore ", StringComparison.Ordinal) || rest.Contains(" any more ", StringComparison.Ordinal)
                || rest.Contains(" after all ", StringComparison.Ordinal) || rest.Contains(" no more ", StringComparison.Ordinal))
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

        if (raw.Length < 4 || known(word.Term) || Keys.Contains(raw) || NotTypos.Contains(raw))
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
                return Lexicon.Spellings.GetValueOrDefault(key, key);
            }
        }

        return raw;
    }
}
