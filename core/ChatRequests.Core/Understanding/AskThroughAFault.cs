namespace ChatRequests.Core.Understanding;

/// <summary>
/// A request made through what broke (ADR 0088): "my licence expired, need it renewed", "lost my role when I moved, need
/// reviewer access", "can you set me up again", "need the phone replaced". The fault says why; the words ask for a thing,
/// an access or a change, not for the thing to work again ("need it fixed", "need my internet back" stay faults).
/// </summary>
internal static class AskThroughAFault
{
    // What a person holds and is given, not what works: "need editor access", "need team leader rights back".
    private static readonly HashSet<string> Grants =
    [
        "access", "rights", "right", "permission", "permissions", "role", "roles", "licence", "license", "licences", "licenses",
        "seat", "subscription",
    ];

    // Done to a thing asked for, not to a fault: "need it renewed", "need the phone replaced", "need the course booked".
    private static readonly HashSet<string> AskedDone =
    [
        "replaced", "replacing", "renewed", "renewing", "booked", "booking", "added", "adding", "ordered", "ordering", "issued",
        "issuing", "reissued", "reinstated", "reinstating", "enabled", "reenabled", "granted", "upgraded", "extended", "picked",
        "exported", "transferred", "installed", "fitted", "fitting", "setup",
    ];

    // Asked of someone: "can you set me up", "can someone export a copy", "could you add me back", "can we book one".
    private static readonly HashSet<string> AskedVerbs =
    [
        "set", "setup", "add", "readd", "export", "book", "order", "renew", "reissue", "issue", "give", "grant", "enable", "reenable",
        "reinstate", "replace", "swap", "switch", "reset", "send", "extend", "transfer", "move",
    ];

    private static readonly HashSet<string> Fixers = ["someone", "somebody", "anyone", "engineer", "technician", "tech", "help", "support"];

    private static readonly HashSet<string> Hurry = ["urgently", "urgent", "asap", "now", "quickly", "immediately", "today"];

    private static readonly HashSet<string> Askers = ["you", "someone", "somebody", "anyone", "we", "i", "u"];

    // Words that open what a person needs without naming a new thing: the thing is theirs or the fault's.
    private static readonly HashSet<string> NotANewThing =
    [
        "my", "the", "our", "your", "his", "her", "their", "it", "this", "that", "them", "these", "those", "to", "a", "an",
        "some", "someone", "somebody", "anyone", "help", "assistance", "support", "advice", "fix", "look", "urgent", "urgently",
        "asap", "you", "is", "was", "be", "more", "of", "in", "on", "at", "for", "and", "or", "so", "but", "now", "again",
        "back", "up", "working", "sorted", "fixed", "answer", "answers", "reply", "response", "engineer", "technician", "tech",
        "time", "info", "information", "update", "explanation", "idea", "clue", "call", "restart", "reboot", "printing", "done",
        "somewhere", "something", "anything", "anywhere", "everything", "nothing", "one",
    ];

    // Things that come back when the fault is put right: "need my internet back" is a fault ("it", "them", "everything":
    // no new thing either, in NotANewThing).
    private static readonly HashSet<string> Working =
    [
        "sound", "signal", "internet", "connection", "network", "power", "dial", "audio", "picture", "display", "video", "wifi",
        "tone", "reception", "data", "service", "email", "emails", "screen", "phone", "phones", "printer", "laptop", "pc",
        "computer", "system", "things",
    ];

    // A licence or access that ran out ("lapsed", "expired", "has ended", "ran out"): renewed, not repaired.
    private static readonly HashSet<string> Lapses = ["lapsed", "expired", "ended", "expiring", "expires", "ran", "run"];

    private static readonly HashSet<string> NeedVerbs = ["need", "needs", "needed", "want", "wants", "require", "requires"];

    /// <summary>Whether the words, as said (blanked where they only look like asking), ask for a thing through a fault.</summary>
    public static bool Asks(string asked)
    {
        var said = asked.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var grantSaid = said.Any(Grants.Contains);
        for (var i = 0; i < said.Length; i++)
        {
            if (NeedVerbs.Contains(said[i]) && (NeedsANewThing(said, i + 1, grantSaid) || NeedsAGrant(said, i + 1) || NeedsItDone(said, i + 1)))
            {
                return true;
            }

            if (AsksSomeone(said, i) || GrantPlease(said, i) || AddedBack(said, i) || (grantSaid && GrantBack(said, i))
                || AddMePlease(said, i) || ChangePlease(said, i) || (grantSaid && LapsedThenNeeded(said, i)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "need investigator", "need full e3", "need playback again": a bare thing, not "my laptop", "help" or "it"; not the
    /// thing that failed, said before ("qlab keeps crashing, need qlab for the show"), unless what was lost is an access or
    /// a licence ("my playback access went, need playback again"); not work done for want of it ("need tickets printed").
    /// </summary>
    private static bool NeedsANewThing(string[] said, int at, bool grantSaid) =>
        at < said.Length && said[at].Length > 1 && !NotANewThing.Contains(said[at]) && !Working.Contains(said[at]) && !Grants.Contains(said[at])
        && !said[at].All(char.IsAsciiDigit) && (grantSaid || !said.Take(at - 1).Contains(said[at]))
        && !(at + 1 < said.Length && said[at + 1].EndsWith("ed", StringComparison.Ordinal) && !AskedDone.Contains(said[at + 1]))
        && !PutRightAfter(said, at);

    /// <summary>
    /// "need reviewer access", "need access set up at the new site", "need team supervisor rights back"; not access wanted
    /// in a hurry, which is the thing working again ("keeps logging me out, need access urgently").
    /// </summary>
    private static bool NeedsAGrant(string[] said, int at)
    {
        var window = said.Skip(at).Take(4).TakeWhile(w => w is not "and" and not "but" and not "so").ToArray();
        var grant = Array.FindIndex(window, Grants.Contains);
        return grant >= 0 && !(grant + 1 < window.Length && Hurry.Contains(window[grant + 1])) && !PutRightAfter(said, at);
    }

    /// <summary>"need it renewed", "need the on-call phone replaced", "need the refresher booked", "need it set up again".</summary>
    private static bool NeedsItDone(string[] said, int at)
    {
        var window = said.Skip(at).Take(5).TakeWhile(w => w is not "and" and not "but" and not "so" and not "because").ToArray();
        return window.Any(AskedDone.Contains) && !window.Any(IsPutRight);
    }

    /// <summary>"can you set me up again", "can someone just export a copy", "could you add me back", "can we book a collection".</summary>
    private static bool AsksSomeone(string[] said, int i)
    {
        // Not "please order 500 labels": a plain order names no fault and is the match decision's to read.
        if (said[i] is not ("can" or "could" or "would") || i + 2 >= said.Length || !Askers.Contains(said[i + 1]))
        {
            return false;
        }

        var next = i + 2;

        while (next < said.Length && said[next] is "just" or "please" or "pls" or "quickly" or "also")
        {
            next++;
        }

        // "can you send someone", "could you send an engineer": someone to put it right, not a thing.
        return next < said.Length && AskedVerbs.Contains(said[next]) && !said.Skip(next).Take(5).Any(IsPutRight)
            && !said.Skip(next + 1).Take(2).Any(Fixers.Contains);
    }

    /// <summary>"employee access pls", "editor rights please".</summary>
    private static bool GrantPlease(string[] said, int i) =>
        Grants.Contains(said[i]) && i + 1 < said.Length && said[i + 1] is "please" or "pls" or "plz";

    /// <summary>"add me back", "give me back my role", "put me back on the rota": a place or access given back, not a repair.</summary>
    private static bool AddedBack(string[] said, int i) =>
        said[i] is "add" or "readd" or "give" or "reinstate" && i + 2 < said.Length && said[i + 1] is "me" or "us" or "him" or "her" or "them"
        && said[i + 2] is "back" or "again" or "access";

    /// <summary>"my role was taken off, need it back", "the licence got pulled, can I have it back": a grant given back.</summary>
    private static bool GrantBack(string[] said, int i) =>
        said[i] is "need" or "want" or "have" or "get" && i + 2 < said.Length && said[i + 1] is "it" or "them" && said[i + 2] == "back";

    /// <summary>"I can't open the HR drive, please add me", "add us please": a place given, never a repair.</summary>
    private static bool AddMePlease(string[] said, int i) =>
        said[i] is "add" or "readd" && i + 1 < said.Length && said[i + 1] is "me" or "us"
        && ((i > 0 && said[i - 1] is "please" or "pls" or "plz") || (i + 2 < said.Length && said[i + 2] is "please" or "pls" or "plz"));

    /// <summary>"the on call list is wrong for cardiology, please update it": what it says changed, not put right.</summary>
    private static bool ChangePlease(string[] said, int i) =>
        said[i] is "please" or "pls" or "plz" && i + 2 < said.Length && said[i + 1] is "update" or "change" or "correct" or "amend"
        && said[i + 2] is "it" or "this" or "that" or "them" or "the" or "our";

    /// <summary>
    /// "IES licence lapsed, study due friday, need it sorted", "says my subscription has ended, need it for the boards": a
    /// licence, subscription or access that ran out is renewed, whatever the words for it ("my laptop won't boot, need it
    /// sorted" stays a fault: nothing ran out).
    /// </summary>
    private static bool LapsedThenNeeded(string[] said, int i) =>
        NeedVerbs.Contains(said[i]) && i + 1 < said.Length && said[i + 1] is "it" or "them" or "one"
        && Enumerable.Range(0, i).Any(at => Lapsed(said, at, i) && said.Skip(Math.Max(0, at - 4)).Take(8).Any(Grants.Contains));

    // "ran" and "run" only as "ran out", "run out": "need it to run the reports" is no lapse.
    private static bool Lapsed(string[] said, int at, int before) =>
        Lapses.Contains(said[at]) && (said[at] is not ("ran" or "run") || (at + 1 < before && said[at + 1] == "out"));

    /// <summary>Things that come back when a fault is put right ("wifi", "signal", "the phone"): no new thing asked for.</summary>
    internal static bool ComesBackWhenPutRight(string word) => Working.Contains(word);

    private static bool PutRightAfter(string[] said, int at) => said.Skip(at).Take(6).Any(IsPutRight);

    // The fault put right (ADR 0053's words), or the thing back up: "need it back up and running", "can you look at it".
    private static bool IsPutRight(string word) =>
        IncidentWords.PutRight.Contains(word) || word is "running" or "online" or "reconnected" or "look" or "check";
}
