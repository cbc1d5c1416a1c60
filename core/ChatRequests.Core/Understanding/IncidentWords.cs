namespace ChatRequests.Core.Understanding;

/// <summary>
/// Fault reports ("VPN keeps dropping", "my laptop won't boot", "Outlook crashes"): something that stopped working,
/// not something asked for. Words that ask for a thing ("need a new one", "replacement") make it a request again,
/// and so does a catalog keyword that says the fault ("slow laptop" on a laptop item). Damage alone ("the scroll
/// wheel came off", "my headset broke") is a fault only when no catalog item fits: a broken thing is replaced.
/// </summary>
internal static class IncidentWords
{
    private static readonly string[] FaultPhrases =
    [
        "stopped working", "stop working", "wont work", "not work", "doesnt work", "dont work", "didnt work", "wont start",
        "wont boot", "wont turn on", "wont load", "wont open", "wont connect", "wont print", "wont charge", "wont sync",
        "wont switch on", "wont let me", "doesnt turn on", "cant connect", "cannot connect", "unable to connect", "cant print",
        "cant open", "cannot open", "unable to open", "not found", "not available", "unavailable", "blue screen", "is down",
        "are down", "went down", "gone down", "is dead", "went dead", "something wrong", "gone wrong", "went wrong",
        "is wrong", "are wrong", "is slow", "so slow", "running slow", "really slow", "very slow", "too slow", "wont stop",
        "cuts out", "cutting out", "cut out", "drops out", "dropping out", "came up with", "comes up with", "says error",
        "keeps asking", "anymore", "any more", "no longer works", "isnt there", "has disappeared", "disappeared", "gone missing",
        "acting up", "playing up", "acting weird", "acting strange", "acting odd", "behaving oddly", "behaving strangely",
        "strange noise", "weird noise", "doesnt hold", "wont hold", "not holding", "out of order", "is broken",
        "are broken", "seems broken", "is faulty",
        // It turns itself off, or goes quiet.
        "shuts down", "shuts off", "shuts itself", "shutting down", "shutting off", "keeps shutting", "turns itself off",
        "switches itself off", "turns off by itself", "switches off by itself", "restarts itself", "reboots itself",
        "is silent", "are silent", "gone silent", "went silent", "goes silent", "gone quiet", "went quiet",
        // It shows nothing, or shows it wrong.
        "gone black", "went black", "goes black", "turned black", "been black", "is black", "are black", "stays black",
        "flashing red", "blinking red", "flashing amber", "blinking amber", "red light", "red lights", "error light",
        "super slow", "painfully slow", "extremely slow", "slow since", "cant be right", "isnt right", "doesnt look right", "doesnt seem right", "isnt correct",
        // It takes too long, or gives up waiting.
        "timing out", "times out", "timed out", "take forever", "takes forever", "taking forever", "took forever", "takes ages",
        "taking ages", "took ages", "not responding", "stopped responding", "no response", "cant be reached", "not loading",
        // It does something by itself, or throws the person out.
        "going off", "goes off", "went off", "by itself", "on its own", "all over the screen", "all over the place",
        "logs me out", "logging me out", "logged me out", "kicks me out", "kicked me out", "kicking me out", "throws me out",
        "signs me out", "signed me out", "hangs up", "lost connection", "loses connection", "losing connection", "no connection",
        // It shows or prints it wrong, or nothing.
        "upside down", "shifted to the", "out of range", "out of sync", "is empty", "are empty", "comes up empty", "came back empty",
        "spinning wheel", "been dead", "dead since", "has a dead", "have a dead", "has died on", "keeps dying",
        // It is too hot or too loud.
        "not accessible", "isnt accessible", "not reachable", "isnt reachable", "not responsive", "dead pixels", "dead pixel",
        "nothing happens", "nothing happened", "flashing orange", "blinking orange", "flashing yellow", "blinking yellow",
        "closes itself", "closed itself", "closing itself", "locks itself", "logs itself", "quits itself",
        "is gone", "are gone", "has lines", "have lines", "lines across", "lines on it", "lines on the screen",
        // It went off or read-only, or shows nothing; nobody on a call.
        "gone off", "kicks me off", "kicked me off", "kicking me off", "throws me off", "boots me off", "boots me out", "black screen", "blank screen", "white screen", "frozen screen", "nobody on the line", "no one on the line",
        "noone on the line", "went read only", "gone read only", "turned read only", "become read only", "is read only",
        // A status board or a queue that says it is failing ("the payments system is red, nothing going through").
        "is red", "are red", "gone red", "went red", "turned red", "showing red", "nothing going through", "not going through",
        "nothing getting through", "nothing goes through",
        "burning hot", "too hot", "really hot", "very hot", "so hot", "super loud", "really loud", "very loud", "so loud", "too loud",
    ];

    private static readonly HashSet<string> FaultTerms =
    [
        .. new[]
        {
            "crash", "crashed", "crashes", "crashing", "freeze", "freezes", "freezing", "froze", "frozen", "hangs", "error",
            "errors", "fault", "faulty", "fail", "fails", "failed", "failing", "failure", "glitch", "glitching", "bug", "buggy",
            "outage", "offline", "flicker", "flickering", "flickers", "jammed", "stuck", "disconnect", "disconnects",
            "disconnecting", "disconnected", "dropping", "drops", "unresponsive", "corrupt", "corrupted", "bsod", "problem",
            "problems", "issue", "issues", "trouble", "malfunctioning", "lagging", "laggy", "rebooting", "restarting",
            "overheating", "overheats", "beeping", "blank", "garbled", "distorted", "buzzing", "intermittent", "timeout",
            "drains", "draining", "weird", "glitchy", "crackling", "crackles", "crackly", "hissing", "muffled", "stuttering",
            "swollen", "swelling", "swells", "bulging", "faded", "fading", "smudged", "smudging", "streaky", "streaks", "smeared", "illegible", "unreadable",
            "leaking", "leaks", "leaky", "unreachable", "inaccessible", "unusable", "jumps", "jumpy", "erratic", "dies", "sparking",
            "squeaking", "squeaks", "lags", "overheated", "choppy", "patchy", "spotty", "dodgy", "flaky", "flakey", "sluggish",
            "unstable", "declining", "declines", "terrible", "awful", "horrible", "rubbish", "reloads", "looping", "echo", "echoes", "echoing", "dump",
        }.Select(Tokens.Term),
    ];

    // Damage: a fault only when nothing in the catalog fits (then it is a replacement).
    private static readonly HashSet<string> DamageTerms =
        [.. new[] { "broken", "broke", "cracked", "smashed", "snapped", "died", "dead", "damaged", "bent", "dying" }.Select(Tokens.Term)];

    // Fault words that catalogs use in keywords of things asked for.
    private static readonly HashSet<string> CatalogFaults = [.. new[] { "slow", "wrong", "old", "lost", "forgot", "expired", "locked" }.Select(Tokens.Term)];

    private static readonly HashSet<string> Negations =
    [
        "not", "isnt", "arent", "wasnt", "werent", "wont", "doesnt", "dont", "didnt", "cant", "cannot", "stopped", "keeps", "keep", "kept",
        "hasnt", "havent", "hadnt",
        "nobody", "nobodys", "noone", "nothing", "nothings", "nolonger",
    ];

    // A thing's negation ("the clicker doesn't advance"), not a person's ("my manager doesn't have access").
    private static readonly HashSet<string> ThingNegations = ["doesnt", "wont", "didnt"];
    private static readonly HashSet<string> People = ["i", "we", "you", "he", "she", "they", "manager", "boss", "someone", "somebody", "user", "starter", "colleague", "staff", "team", "person"];
    private static readonly HashSet<string> NotFaultVerbs =
    [
        "have", "need", "want", "know", "like", "get", "matter", "mind", "seem", "fit", "include", "come", "cover", "apply", "belong",
        "exist", "support", "go", "suit", "match", "be", "look", "allow", "care", "make", "take", "cost", "let", "use", "require",
        "mean", "count", "expire", "last", "arrive", "ship", "say", "offer", "help", "cut", "feel", "sound",
    ];

    private static readonly HashSet<string> StrangeSounds = ["strange", "weird", "funny", "odd", "loud", "horrible", "awful", "grinding", "clicking", "buzzing", "beeping", "rattling", "whining", "scraping"];

    // Noises made on purpose ("noise cancelling headset") are asked for, not reported.
    private static readonly HashSet<string> WantedNoise = ["cancelling", "canceling", "reducing", "isolating"];

    // What a device or system does; "doesn't detect", "won't print": it stopped doing it. ("can't log in" is a password reset.)
    private static readonly HashSet<string> Functions =
    [
        "detect", "recognise", "recognize", "charge", "print", "connect", "load", "open", "start", "boot", "work", "respond",
        "show", "sync", "turn", "switch", "save", "send", "receive", "display", "play", "ring", "scan", "update", "run",
        "come", "pick", "register", "stay", "hold", "hear", "type", "click", "accept", "mount", "put", "sent", "reach", "read",
        "pair", "dial", "record", "take", "upload", "download", "wake",
    ];

    // How a device or system tells or shows something: "says no line", "shows the wrong flight", "prints it upside down".
    private static readonly HashSet<string> ShowingVerbs =
    [
        "shows", "showing", "show", "shown", "displays", "displaying", "says", "saying", "said", "prints", "printing",
        "tells", "telling", "gives", "giving", "returns", "returning", "throws", "throwing", "plays", "playing", "records",
        "recorded", "recording", "types", "typing", "loads", "comes", "picks", "hears", "scans", "reads",
    ];

    // What a device shows when it fails: "says no line", "shows invalid", "shows the wrong flight", "types every letter twice".
    private static readonly HashSet<string> FailedShowing =
    [
        "wrong", "no", "nothing", "blank", "empty", "invalid", "offline", "unavailable", "unreachable", "declined", "denied",
        "expired", "failed", "error", "twice", "double", "sideways", "backwards", "shifted", "garbage", "gibberish", "black", "half",
        "partial", "faint", "disabled", "not", "unauthorised", "unauthorized", "rejected", "refused",
    ];

    // What a device shows when its data is old: "shows yesterday's flights", "only shows static", "last week's prices".
    private static readonly HashSet<string> Stale = ["yesterday", "yesterdays", "stale", "outdated", "static"];

    // "since" of a time or an event ("since 7am", "since the update", "since monday"): a fault that began then and goes on.
    private static readonly HashSet<string> SinceWhen =
    [
        "yesterday", "lunch", "lunchtime", "morning", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "weekend", "earlier", "update", "upgrade", "patch", "migration", "outage", "reboot", "restart", "install", "installation",
        "release", "holidays", "break", "updating", "upgrading", "rebooting", "restarting", "last", "this", "then", "overnight",
    ];

    // A new thing a fault is about ("won't sync the new charts", "all over the new wing", "since the new update"), not asked for.
    private static readonly HashSet<string> PlaceWords = ["in", "on", "at", "over", "across", "around", "throughout", "since", "after"];

    // "network down since lunch", "MES down in Brno": down as out of service, not "shut down", "wipe down", "locked down".
    private static readonly HashSet<string> NotOutOfService =
    [
        "shut", "shutting", "turn", "turned", "turning", "slow", "slowed", "scale", "calm", "write", "put", "sit", "back", "cut",
        "track", "wipe", "locked", "lock", "upside", "count", "knocked", "take", "bring", "narrow", "drop", "pull", "scroll", "step",
        "upgrade", "set", "settle", "note", "jot",
    ];

    private static readonly HashSet<string> AfterDown =
    [
        "since", "again", "for", "in", "at", "across", "everywhere", "today", "now", "all", "completely", "on", "this", "right",
        "and", "but", "so", "or", "since", "here", "there", "as",
    ];

    private static readonly HashSet<string> NotVerbs =
    [
        "thing", "nothing", "anything", "something", "everything", "morning", "evening", "building", "meeting", "ceiling",
        "training", "during", "bring", "ring", "king", "spring", "string", "wing", "sing", "booking", "funding", "wedding", "having",
    ];

    private static readonly HashSet<string> Missing =
    [
        "sound", "signal", "internet", "connection", "network", "power", "dial", "audio", "picture", "display", "video",
        "wifi", "tone", "response", "reception", "data", "service", "image", "images", "results", "email", "emails",
    ];

    private static readonly string[] RequestPhrases =
    [
        "new", "replace", "replacement", "replacing", "spare", "another", "order a", "order me", "to order", "buy",
        "upgrade", "instead", "need a", "get a", "want a", "swap", "exchange", "requesting", "switch to", "change to",
        "please reset", "reset it", "reset my", "unlock it", "unlock my", "be replaced", "be swapped",
        // Asking for it better: "can we get better coverage back there", "improve the signal".
        "get better", "need better", "want better", "have better", "improve", "improved", "extend",
        // Asking for it put in: "can you put access points in".
        "can you put", "could you put", "please put", "can you install", "could you install", "please install",
        // Work done by hand for want of the thing: "doing them by hand takes forever".
        "by hand", "manually",
    ];

    // Asking for a thing by how it is asked and what follows (ADR 0053): "we need an access point", "can we have 3 portable
    // handsets", "I'd like a standard issue laptop", "could you send me one", "can we get one of those boxes". Said
    // beside a fault, the fault is why the thing is asked for.
    private static readonly string[] AskOpeners =
    [
        "id like", "wed like", "would like", "can i have", "could i have", "may i have", "can we have", "could we have",
        "can i get", "could i get", "can we get", "could we get", "can you get me", "could you get me", "please get me",
        "can you get us", "could you get us", "can you send me", "could you send me", "please send me", "can you send us",
        "could you send us", "can we put", "could we put",
    ];

    // The openers as words, split once: they are looked for at every word of a message the fault rules read.
    private static readonly string[][] AskOpenerWords = [.. AskOpeners.Select(o => o.Split(' '))];

    // What "need" and "want" ask for when a thing follows: "need an", "need 2", "needs one more", "need proper".
    private static readonly HashSet<string> NeedVerbs = ["need", "needs", "want", "wants"];
    private static readonly HashSet<string> AThing = ["an", "one", "some", "more", "extra", "proper", "another", "several", "few"];

    // Not a thing asked for, but someone to fix the fault or a look at it: "can I get some help", "need an engineer".
    private static readonly HashSet<string> NotAThing =
    [
        "help", "assistance", "support", "advice", "look", "engineer", "technician", "tech", "someone", "somebody", "anyone",
        "person", "hand", "word", "chat", "call", "answer", "fix", "update", "reply", "response", "idea", "clue", "it", "this",
        "that", "to", "back", "in", "into", "on", "onto", "through", "rid", "logged", "signed", "restart", "reboot", "explanation",
        "time", "urgent", "urgently", "asap", "you",
    ];

    // The fault put right, not a thing asked for: "can we get the printer fixed", "could I get my laptop looked at".
    internal static readonly HashSet<string> PutRight = ["fixed", "sorted", "repaired", "looked", "working", "resolved", "checked", "serviced", "restored", "investigated", "fix", "sort", "repair", "solved"];

    // What people do again and again, not a thing failing: "residents keep asking for a computer", "crew keep ringing ops".
    private static readonly HashSet<string> PeopleKeepDoing = ["asking", "ringing", "calling", "phoning", "emailing", "messaging", "chasing", "requesting"];

    /// <summary>Words that open an aside after the main ask ("..., also the printer is playing up again").</summary>
    private static readonly HashSet<string> Asides = ["also", "btw", "ps", "plus"];

    /// <summary>An aside needs this many words before it to leave a main ask behind.</summary>
    private const int MainAskWords = 8;

    // What was tried, not asked for: "even with a new ribbon" is still a fault.
    private static readonly string[] TriedPhrases = ["even with a new", "with a new", "even a new", "tried a new", "even after a new"];

    // A fault the thing asked for is to look into ("the service tech needs to dial in to look at a fault"): why, not a report.
    private static readonly string[] LookIntoPhrases = ["look at", "look into", "fix", "investigate", "diagnose", "troubleshoot", "debug", "repair"];

    // A thing lost or stolen is replaced, like a broken one: "gone missing" says where it went, not that it fails.
    private static readonly HashSet<string> LossWords = ["lost", "stolen", "theft", "misplaced", "nicked", "left"];

    private static readonly string[] MissingPhrases = ["gone missing", "has disappeared", "disappeared", "isnt there"];

    /// <param name="matched">Whether any catalog item fits the words (as a form, a choice or a question).</param>
    /// <param name="winner">The phrases of the item the words name clearly, if one.</param>
    public static bool IsFault(IReadOnlyList<Word> words, bool matched, IReadOnlyList<ItemPhrase>? winner)
    {
        // A fault mentioned as an aside after a longer ask is not what the message is for: the ask is.
        var aside = words.Select((w, i) => (w, i)).FirstOrDefault(x => x.i >= MainAskWords && Asides.Contains(x.w.Raw)).i;
        if (aside > 0 && matched)
        {
            words = [.. words.Take(aside)];
        }

        var asked = AskedText(words);
        foreach (var tried in TriedPhrases)
        {
            asked = asked.Replace($" {tried} ", " ", StringComparison.Ordinal);
        }

        // A message that opens on a thing named indefinitely ("a proper CAD workstation, my laptop dies on big assemblies")
        // asks for it: a fault report names its thing ("the printer", "my laptop").
        var opensOnAThing = matched && words.Count > 1 && words[0].Raw is "a" or "an" or "another";
        // "Altea is down, we check in manually": work done by hand because the thing is down is a fault, not an ask.
        var down = OutOfService(words) || words.Zip(words.Skip(1)).Any(p => p.First.Raw is "is" or "are" or "went" or "gone" && p.Second.Raw == "down");
        if (opensOnAThing || RequestPhrases.Any(p => asked.Contains($" {p} ", StringComparison.Ordinal) && !(down && p is "by hand" or "manually"))
            || AsksForAThing(asked) || AskThroughAFault.Asks(asked) || (matched && AskBeforeAFault.Opens(words, asked, winner)))
        {
            return false;
        }

        words = WithoutStillLacking(WithoutWhatIsLookedInto(words));
        var damage = words.Any(w => DamageTerms.Contains(w.Term));
        if (!Faulty(words))
        {
            return damage && !matched;
        }

        // The catalog says this fault is asked for as an item: "slow laptop", "wrong number listed", "expired password".
        // A fault's noun inside a name is no such state, though ("self issue" of a kiosk): another fault said beside it is
        // still a fault ("self-issue machine won't read library cards").
        var asItem = FaultsAskedForAsAnItem(words, winner);
        return asItem.Count == 0
            || (asItem.All(t => !CatalogFaults.Contains(t) && !DamageTerms.Contains(t)) && Faulty([.. words.Where(w => !asItem.Contains(w.Term))]));

        bool Faulty(IReadOnlyList<Word> these)
        {
            var padded = $" {string.Join(' ', these.Select(w => w.Raw))} ";
            bool Has(string phrase) => padded.Contains($" {phrase} ", StringComparison.Ordinal);
            var lost = these.Any(w => LossWords.Contains(w.Raw));
            return FaultPhrases.Any(p => Has(p) && !(lost && MissingPhrases.Contains(p)) && !(p == "acting up" && Has("acting up as")))
                || these.Where((w, i) => FaultTerms.Contains(w.Term) && !IssuedOrStandardIssue(these, i)).Any() || NegatedVerb(these) || NothingComes(these) || MakesANoise(these)
                || ShowsAFailure(these) || OngoingSince(these) || OutOfService(these);
        }
    }

    /// <summary>
    /// The fault words said that the winning item's own name or keyword holds, with at least two thirds of that phrase
    /// said ("slow" of "slow laptop" in "my laptop is so slow"): the catalog asks for that state as an item. A choice's
    /// words do not count.
    /// </summary>
    private static HashSet<string> FaultsAskedForAsAnItem(IReadOnlyList<Word> words, IReadOnlyList<ItemPhrase>? winner)
    {
        var said = words.Select(w => w.Term).ToHashSet(StringComparer.Ordinal);
        bool SaidFault(string term) => said.Contains(term) && IsFaultTerm(term);
        return [.. (winner ?? [])
            .Where(p => p.Kind != PhraseKind.Choice && p.Terms.Any(SaidFault) && p.Terms.Count(said.Contains) * 3 >= p.Terms.Length * 2)
            .SelectMany(p => p.Terms)
            .Where(SaidFault)];
    }

    private static bool IsFaultTerm(string term) => FaultTerms.Contains(term) || DamageTerms.Contains(term) || CatalogFaults.Contains(term);

    /// <summary>
    /// An ask for a thing (ADR 0053): an asking opener ("I'd like", "can we have", "could you send me") or "need"/"want"
    /// before a quantity ("an", "2", "one more", "proper"), followed by a thing, not by help, someone to fix it or "it".
    /// </summary>
    private static bool AsksForAThing(string asked)
    {
        var said = asked.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < said.Length; i++)
        {
            var after = -1;
            if (NeedVerbs.Contains(said[i]) && i + 1 < said.Length && (AThing.Contains(said[i + 1]) || IsQuantity(said[i + 1])))
            {
                after = i + 1;
            }
            else if (AskOpenerWords.FirstOrDefault(o => StartsAt(said, i, o)) is { } opener)
            {
                after = i + opener.Length;
            }

            if (after < 0 || after >= said.Length)
            {
                continue;
            }

            // Past a quantity or an article to the thing itself: "some help" is no thing, "one of those boxes" is.
            var thing = after;
            while (thing < said.Length - 1 && (AThing.Contains(said[thing]) || IsQuantity(said[thing])
                || said[thing] is "a" or "the" or "me" or "us" or "them" or "of" or "those" or "these" or "my" or "our" or "your"))
            {
                thing++;
            }

            if (!NotAThing.Contains(said[after]) && !NotAThing.Contains(said[thing]) && !said.Skip(thing).Take(6).Any(PutRight.Contains))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsQuantity(string word) => (word.Length > 0 && word.All(char.IsAsciiDigit)) || Lexicon.Numbers.ContainsKey(word);

    private static bool StartsAt(string[] said, int at, string[] phrase) =>
        at + phrase.Length <= said.Length && said.AsSpan(at, phrase.Length).SequenceEqual(phrase);

    /// <summary>"issue" as a verb ("to issue loadsheets", "can issue summonses") or in "standard issue": no fault.</summary>
    private static bool IssuedOrStandardIssue(IReadOnlyList<Word> words, int i) =>
        words[i].Raw == "issue" && i > 0 && words[i - 1].Raw is "to" or "standard" or "can" or "cant" or "will" or "i" or "we" or "they" or "and";

    /// <summary>
    /// The words as said, with those that look like asking but are not blanked: "the new" thing a fault is about ("won't sync
    /// the new charts"), "get" of an error ("I get a certificate error"), "instead" of what a screen shows ("a spinning wheel
    /// instead of images").
    /// </summary>
    private static string AskedText(IReadOnlyList<Word> words)
    {
        var said = words.Select(w => w.Raw).ToArray();
        for (var i = 0; i < words.Count; i++)
        {
            var notAsked = said[i] switch
            {
                "new" => i >= 2 && words[i - 1].Raw is "the" or "our"
                    && (PlaceWords.Contains(words[i - 2].Raw) || Functions.Contains(words[i - 2].Term) || ShowingVerbs.Contains(words[i - 2].Raw)),
                "get" or "getting" => words.Skip(i + 1).Take(4).Any(w => FaultTerms.Contains(w.Term)),
                "instead" => words.Take(i).Any(w => ShowingVerbs.Contains(w.Raw)),
                // "since the upgrade": the change the fault dates from, not one asked for.
                "upgrade" or "update" or "upgraded" or "updated" => (i >= 1 && words[i - 1].Raw is "since" or "after")
                    || (i >= 2 && words[i - 1].Raw is "the" or "an" or "that" && words[i - 2].Raw is "since" or "after"),
                // "log in to order comms": the system logged into, whatever its name says.
                "to" => i >= 1 && words[i - 1].Raw is "in" or "on" or "login",
                _ => false,
            };
            if (notAsked)
            {
                said[i] = "_";
            }
        }

        return $" {string.Join(' ', said)} ";
    }

    /// <summary>
    /// A device that says or shows what it should not: "says no line", "shows the wrong flight", "shows 503", "says head
    /// open all the time", "tells me my session has ended every 5 minutes".
    /// </summary>
    private static bool ShowsAFailure(IReadOnlyList<Word> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (!ShowingVerbs.Contains(words[i].Raw))
            {
                continue;
            }

            var next = words.Skip(i + 1).Take(4).ToList();
            // "comes into orders@, no need to send": "no need" says nothing of what it shows.
            var failed = next.Where((w, k) => FailedShowing.Contains(w.Raw) && !(w.Raw is "no" or "not" && k + 1 < next.Count && next[k + 1].Raw is "need" or "needed" or "rush"));
            if (failed.Any() || next.Any(w => w.IsNumber && w.Raw.Length == 3 && w.Raw[0] is '4' or '5')
                || words.Skip(i + 1).Take(6).Any(w => Stale.Contains(w.Raw))
                || next.Zip(next.Skip(1)).Any(p => p.First.Raw == "last" && p.Second.Raw is "week" or "weeks" or "month" or "months" or "night" or "year" or "years")
                || (i > 0 && words[i - 1].Raw == "still")
                || Recurring(words, i + 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"every time", "every 5 minutes", "all the time", "constantly": it happens again and again.</summary>
    private static bool Recurring(IReadOnlyList<Word> words, int from)
    {
        for (var i = from; i < words.Count; i++)
        {
            var next = i + 1 < words.Count ? words[i + 1] : default;
            if ((words[i].Raw == "every" && next.Raw is not null && (next.IsNumber || next.Raw is "time" or "few" or "couple" or "other" or "single" or "half" || Lexicon.Numbers.ContainsKey(next.Raw)))
                || words[i].Raw is "constantly" or "repeatedly"
                || (words[i].Raw == "all" && next.Raw == "the" && i + 2 < words.Count && words[i + 2].Raw == "time"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"since 7am", "since the update", "since monday": a state that began then and goes on, which a fault is.</summary>
    private static bool OngoingSince(IReadOnlyList<Word> words)
    {
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (words[i].Raw != "since")
            {
                continue;
            }

            var when = words[i + 1].Raw is "the" or "about" or "around" && i + 2 < words.Count ? words[i + 2].Raw : words[i + 1].Raw;
            if (SinceWhen.Contains(when) || char.IsAsciiDigit(when[0]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"network down in the Venlo office", "MES down again": a thing out of service, not shut or wiped down.</summary>
    private static bool OutOfService(IReadOnlyList<Word> words)
    {
        for (var i = 1; i < words.Count; i++)
        {
            if (words[i].Raw == "down" && words[i - 1].IsContent && !NotOutOfService.Contains(words[i - 1].Raw)
                && (i + 1 == words.Count || AfterDown.Contains(words[i + 1].Raw)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"I still can't open the box office": without the negation, since it is an access not given yet, not a fault.</summary>
    private static IReadOnlyList<Word> WithoutStillLacking(IReadOnlyList<Word> words) =>
        [.. words.Where((w, i) => !(i >= 2 && Negations.Contains(w.Raw) && words[i - 1].Raw == "still" && words[i - 2].Raw is "i" or "we"))];

    /// <summary>The words without the few after "to look at", "to fix": the fault a request is for.</summary>
    private static IReadOnlyList<Word> WithoutWhatIsLookedInto(IReadOnlyList<Word> words)
    {
        var kept = new List<Word>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            var phrase = i > 0 && words[i - 1].Raw == "to" ? LookIntoPhrases.FirstOrDefault(p => StartsAt(words, i, p)) : null;
            if (phrase is null)
            {
                kept.Add(words[i]);
                continue;
            }

            i += phrase.Count(c => c == ' ') + 3;
        }

        return kept;
    }

    private static bool StartsAt(IReadOnlyList<Word> words, int at, string phrase)
    {
        var parts = phrase.Split(' ');
        return at + parts.Length <= words.Count && parts.Select((p, k) => words[at + k].Raw == p).All(x => x);
    }

    /// <summary>"aren't coming through", "not showing", "keeps dropping", "never arrived".</summary>
    private static bool NegatedVerb(IReadOnlyList<Word> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].Raw == "never" && i + 1 < words.Count && words[i + 1].Raw is "got" or "arrived" or "came" or "worked" or "received" or "loaded" or "published" or "showed" or "appeared")
            {
                return true;
            }

            if (!Negations.Contains(words[i].Raw))
            {
                continue;
            }

            // "nothing to take calls with": a lack, which is asked for, not a thing that stopped.
            if (words[i].Raw is "nothing" or "nobody" or "noone" && i + 1 < words.Count && words[i + 1].Raw == "to")
            {
                continue;
            }

            for (var j = i + 1; j < Math.Min(words.Count, i + 3); j++)
            {
                var next = words[j].Raw;
                var keeps = words[i].Raw is "keeps" or "keep" or "kept";
                if (keeps && PeopleKeepDoing.Contains(next))
                {
                    break;
                }

                // "excel isn't cutting it": not enough, not broken.
                if (next == "cutting" && j + 1 < words.Count && words[j + 1].Raw == "it")
                {
                    break;
                }

                if (next.Length > (keeps ? 4 : 5) && next.EndsWith("ing", StringComparison.Ordinal) && !NotVerbs.Contains(next))
                {
                    return true;
                }

                // "the clicker doesn't advance the slides": a thing that does not do what it does, whatever the verb.
                if (j == i + 1 && ThingNegations.Contains(words[i].Raw) && i > 0 && words[i - 1].IsContent && !People.Contains(words[i - 1].Raw)
                    && next.Length > 2 && next.All(char.IsAsciiLetter) && !NotFaultVerbs.Contains(next))
                {
                    return true;
                }

                // "doesn't detect", "won't print"; "can't get onto the vpn" but not "I can't work" (urgency) or "dont need".
                if ((Functions.Contains(next) || Functions.Contains(words[j].Term)) && !keeps && words[i].Raw != "stopped" && !(next == "work" && words[i].Raw is "cant" or "cannot"))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>"makes a grinding noise", "clicking noises", "making noise": a sound it should not make.</summary>
    private static bool MakesANoise(IReadOnlyList<Word> words)
    {
        for (var i = 1; i < words.Count; i++)
        {
            // "strange sounds", "a weird sound": a sound it should not make (a sound alone may be asked for).
            // "doing strange things", "weird stuff going on": behaviour it should not have.
            if (words[i].Raw is "sound" or "sounds" or "things" or "stuff" or "behaviour" or "behavior" && StrangeSounds.Contains(words[i - 1].Raw))
            {
                return true;
            }

            if (words[i].Raw is not ("noise" or "noises") || (i + 1 < words.Count && WantedNoise.Contains(words[i + 1].Raw)))
            {
                continue;
            }

            var before = words[i - 1].Raw;
            var maker = before is "a" or "some" && i > 1 ? words[i - 2].Raw : before;
            if (maker is "make" or "makes" or "making" or "made" || (before.EndsWith("ing", StringComparison.Ordinal) && !WantedNoise.Contains(before)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"no sound", "no dial tone", "no internet".</summary>
    private static bool NothingComes(IReadOnlyList<Word> words) =>
        words.Zip(words.Skip(1)).Any(p => p.First.Raw is "no" or "zero" && Missing.Contains(p.Second.Raw));
}
