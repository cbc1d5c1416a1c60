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
        "nobody", "nobodys", "noone", "nothing", "nothings", "nolonger",
    ];

    // Noises made on purpose ("noise cancelling headset") are asked for, not reported.
    private static readonly HashSet<string> WantedNoise = ["cancelling", "canceling", "reducing", "isolating"];

    // What a device or system does; "doesn't detect", "won't print": it stopped doing it. ("can't log in" is a password reset.)
    private static readonly HashSet<string> Functions =
    [
        "detect", "recognise", "recognize", "charge", "print", "connect", "load", "open", "start", "boot", "work", "respond",
        "show", "sync", "turn", "switch", "save", "send", "receive", "display", "play", "ring", "scan", "update", "run",
        "come", "pick", "register", "stay", "hold", "hear", "type", "click",
    ];

    private static readonly HashSet<string> NotVerbs =
    [
        "thing", "nothing", "anything", "something", "everything", "morning", "evening", "building", "meeting", "ceiling",
        "training", "during", "bring", "ring", "king", "spring", "string", "wing", "sing", "booking", "funding", "wedding",
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
        "please reset", "reset it", "reset my", "unlock it", "unlock my",
        // Asking for it better: "can we get better coverage back there", "improve the signal".
        "get better", "need better", "want better", "have better", "improve", "improved", "extend",
    ];

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

        var asked = $" {string.Join(' ', words.Select(w => w.Raw))} ";
        foreach (var tried in TriedPhrases)
        {
            asked = asked.Replace($" {tried} ", " ", StringComparison.Ordinal);
        }

        if (RequestPhrases.Any(p => asked.Contains($" {p} ", StringComparison.Ordinal)))
        {
            return false;
        }

        words = WithoutWhatIsLookedInto(words);
        var padded = $" {string.Join(' ', words.Select(w => w.Raw))} ";
        bool Has(string phrase) => padded.Contains($" {phrase} ", StringComparison.Ordinal);
        var lost = words.Any(w => LossWords.Contains(w.Raw));
        var fault = FaultPhrases.Any(p => Has(p) && !(lost && MissingPhrases.Contains(p))) || words.Any(w => FaultTerms.Contains(w.Term)) || NegatedVerb(words) || NothingComes(words) || MakesANoise(words);
        var damage = words.Any(w => DamageTerms.Contains(w.Term));
        if (!fault)
        {
            return damage && !matched;
        }

        // The catalog says this fault is asked for as an item: "slow laptop", "wrong number listed".
        var said = words.Select(w => w.Term).ToHashSet(StringComparer.Ordinal);
        return winner is null || !winner.Any(p => p.Kind != PhraseKind.Choice
            && p.Terms.Any(t => said.Contains(t) && (FaultTerms.Contains(t) || DamageTerms.Contains(t) || CatalogFaults.Contains(t)))
            && p.Terms.Count(said.Contains) * 3 >= p.Terms.Length * 2);
    }

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

            for (var j = i + 1; j < Math.Min(words.Count, i + 3); j++)
            {
                var next = words[j].Raw;
                var keeps = words[i].Raw is "keeps" or "keep" or "kept";
                // "excel isn't cutting it": not enough, not broken.
                if (next == "cutting" && j + 1 < words.Count && words[j + 1].Raw == "it")
                {
                    break;
                }

                if (next.Length > (keeps ? 4 : 5) && next.EndsWith("ing", StringComparison.Ordinal) && !NotVerbs.Contains(next))
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
