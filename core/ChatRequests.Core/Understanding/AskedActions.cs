namespace ChatRequests.Core.Understanding;

/// <summary>What the ask does to the thing it names, where a catalog has an item for the doing (ADR 0059).</summary>
[Flags]
internal enum AskedAction
{
    None = 0,
    /// <summary>Software put on a device: "put Notepad++ on my work pc", "get Zoom installed on the trainee's machine".</summary>
    Install = 1,
    /// <summary>A way in lost: "locked out of Maximo", "forgot my password to the crew portal", "reset my SCADA password".</summary>
    Unlock = 2,
    /// <summary>Someone leaving, their access to go: "Dave leaves on the 30th, remove his access", "the agent quit".</summary>
    Leave = 4,
    /// <summary>Someone joining, asked to be set up whole: "new brewer joining on the 3rd, needs a login and email and everything".</summary>
    Start = 8,
}

/// <summary>
/// The action a message asks for and the items that are that action (ADR 0059). People name the thing an action acts on
/// ("reset my SCADA password", "put Visio on my laptop", "switch off his NOMIS"), and an item that is only that thing then
/// outranks the item that is the action. Read from language alone: the message's verb and frame, and whether an item's own
/// words (name, synonyms, keywords) say the action; never a catalog's things.
/// </summary>
internal static class AskedActions
{
    private static readonly HashSet<string> Installing = ["install", "installed", "installing", "installation", "reinstall", "reinstalled", "uninstall"];
    private static readonly HashSet<string> Putting = ["put", "putting", "load", "loading", "loaded", "download", "downloaded", "deploy", "deployed", "push", "pushed"];
    private static readonly HashSet<string> OnDevice = ["on", "onto"];
    private static readonly HashSet<string> Persons = ["me", "us", "him", "her", "them", "myself", "everyone", "someone"];

    private static readonly HashSet<string> LostWayIn = ["locked", "lockout", "forgot", "forgotten", "unlock", "expired", "remember"];
    private static readonly HashSet<string> Credentials = ["password", "passwords", "pw", "pwd", "passcode", "pin", "login", "logon", "signon", "credentials"];

    private static readonly HashSet<string> Leaving =
        ["leaving", "leaves", "retires", "retiring", "retired", "quit", "quits", "quitting", "resigned", "resigns", "resigning", "departing", "offboarding"];

    private static readonly HashSet<string> Starting = ["starting", "starts", "joining", "joins", "hired", "onboard", "onboarding"];
    private static readonly HashSet<string> Newcomers = ["starter", "starters", "joiner", "joiners", "hire", "hires"];

    /// <summary>What a newcomer is set up with as a whole, not one system's way in: "accounts", "email", "everything".</summary>
    private static readonly HashSet<string> Whole = ["email", "mailbox", "accounts", "everything", "setup", "lot", "teams", "outlook"];

    // What an item's own words say it does.
    private static readonly HashSet<string> InstallItemWords = ["install", "installation", "installs"];
    private static readonly HashSet<string> UnlockItemWords = ["password", "unlock"];
    private static readonly HashSet<string> LeaveItemWords = ["leaver", "leavers", "offboarding"];
    private static readonly HashSet<string> StartItemWords = ["starter", "joiner", "onboarding"];

    private static readonly Lazy<(HashSet<string> Install, HashSet<string> Unlock, HashSet<string> Leave, HashSet<string> Start)> ItemTerms = new(() => (
        InstallItemWords.Select(Tokens.Term).ToHashSet(StringComparer.Ordinal),
        UnlockItemWords.Select(Tokens.Term).ToHashSet(StringComparer.Ordinal),
        LeaveItemWords.Select(Tokens.Term).ToHashSet(StringComparer.Ordinal),
        StartItemWords.Select(Tokens.Term).ToHashSet(StringComparer.Ordinal)));

    /// <summary>The actions the message asks for, from its verbs and their frame.</summary>
    public static AskedAction Find(IReadOnlyList<Word> words)
    {
        var found = AskedAction.None;
        for (var i = 0; i < words.Count; i++)
        {
            var raw = words[i].Raw;
            if ((Installing.Contains(raw) && InstallsSoftware(words, i)) || (Putting.Contains(raw) && PutsOnADevice(words, i)))
            {
                found |= AskedAction.Install;
            }

            if (((LostWayIn.Contains(raw) || raw == "reset") && Near(words, i, 4, w => Credentials.Contains(w.Raw))) || LockedOutOfASystem(words, i))
            {
                found |= AskedAction.Unlock;
            }

            var next = i + 1 < words.Count ? words[i + 1].Raw : "";
            if (Leaving.Contains(raw) || (raw == "last" && next is "day" or "shift") || (raw is "finishing" or "finished" && next == "up"))
            {
                found |= AskedAction.Leave;
            }
        }

        return Joins(words) ? found | AskedAction.Start : found;
    }

    /// <summary>The actions the item's own words (name, synonyms, keywords) say it is.</summary>
    public static AskedAction Of(IEnumerable<ItemPhrase> phrases)
    {
        var (install, unlock, leave, start) = ItemTerms.Value;
        var found = AskedAction.None;
        foreach (var term in phrases.Where(p => p.Kind != PhraseKind.Choice).SelectMany(p => p.Terms))
        {
            found |= install.Contains(term) ? AskedAction.Install : AskedAction.None;
            found |= unlock.Contains(term) ? AskedAction.Unlock : AskedAction.None;
            found |= leave.Contains(term) ? AskedAction.Leave : AskedAction.None;
            found |= start.Contains(term) ? AskedAction.Start : AskedAction.None;
        }

        return found;
    }

    private static readonly HashSet<string> AThing = ["a", "an", "new", "another", "more", "extra", "some"];
    private static readonly HashSet<string> Wanting = ["need", "needs", "want", "wants", "like", "able", "have", "has", "how", "trying", "tried", "try"];

    // "install Zoom", "QGIS installed on my laptop"; not "installing a new camera on line 2" (a thing fitted, said with an
    // article) nor "needs admin to install its drivers" (what the thing asked for is for).
    private static bool InstallsSoftware(IReadOnlyList<Word> words, int verb)
    {
        if (verb + 1 < words.Count && (AThing.Contains(words[verb + 1].Raw) || words[verb + 1].IsNumber))
        {
            return false;
        }

        return !(verb >= 2 && words[verb - 1].Raw == "to" && words[verb - 2].IsContent && !Wanting.Contains(words[verb - 2].Raw));
    }

    // "put Notepad++ on my work pc", "7zip putting on the wing computer", not "put me on the rota" nor "put it on hold".
    private static bool PutsOnADevice(IReadOnlyList<Word> words, int verb)
    {
        if (verb + 1 >= words.Count || Persons.Contains(words[verb + 1].Raw))
        {
            return false;
        }

        for (var j = verb + 1; j < Math.Min(words.Count - 1, verb + 6); j++)
        {
            if (OnDevice.Contains(words[j].Raw))
            {
                return words[j + 1].Raw is "my" or "our" or "his" or "her" or "their" or "the" or "a" or "this" or "all";
            }
        }

        return false;
    }

    /// <summary>Places a person is shut out of by a door, not a sign-in: "locked out of the office", "of the bond warehouse".</summary>
    private static readonly HashSet<string> Places =
    [
        "room", "office", "building", "house", "home", "flat", "car", "van", "truck", "lorry", "cab", "door", "gate", "site", "yard", "warehouse",
        "store", "shop", "cabin", "locker", "lab", "laboratory", "depot", "garage", "hall", "theatre", "kitchen", "cellar", "bar", "pub", "cage",
        "compound", "vault", "stockroom", "storeroom", "wing", "block", "floor", "carpark", "gym", "shed", "hut", "bay",
    ];

    private static readonly HashSet<string> Determiners = ["the", "my", "our", "his", "her", "their", "a", "an", "this", "that"];

    /// <summary>What is signed in to: "the ward PC", "the warehouse scanner", "the office system".</summary>
    private static readonly HashSet<string> Signed =
        ["pc", "pcs", "computer", "computers", "system", "systems", "terminal", "laptop", "tablet", "app", "screen", "kiosk", "till", "account", "login", "scanner", "printer", "portal", "network", "wifi", "email"];

    // "locked out of the brewhouse control system", "locked out of OPERA", "locked out again": a sign-in lost, without a
    // credential's word; not "locked out of the office" (a door). The words after "of" say which.
    private static bool LockedOutOfASystem(IReadOnlyList<Word> words, int at)
    {
        if (!(words[at].Raw == "lockout" || (words[at].Raw == "locked" && at + 1 < words.Count && words[at + 1].Raw == "out")))
        {
            return false;
        }

        var j = words[at].Raw == "lockout" ? at + 1 : at + 2;
        if (j >= words.Count || words[j].Raw != "of")
        {
            return true;
        }

        j++;
        while (j < words.Count && Determiners.Contains(words[j].Raw))
        {
            j++;
        }

        // A place, unless a device or a sign-in of it follows ("the ward PC", "the warehouse scanner").
        for (var k = j; k < Math.Min(words.Count, j + 4) && words[k].IsContent; k++)
        {
            if (Places.Contains(words[k].Raw) && !(k + 1 < words.Count && Signed.Contains(words[k + 1].Raw)))
            {
                return false;
            }
        }

        return true;
    }

    // "new brewer joining us on the 3rd, needs a login and email and everything", "new receptionist starting Monday who needs
    // OPERA and email": someone joining, set up as a whole; not "nurse starting on maternity needs epr access" (one system's
    // way in, the system's item where a catalog has one).
    private static bool Joins(IReadOnlyList<Word> words)
    {
        var joining = false;
        var whole = false;
        for (var i = 0; i < words.Count; i++)
        {
            var raw = words[i].Raw;
            joining |= Starting.Contains(raw) || (raw == "new" && i + 1 < words.Count && Newcomers.Contains(words[i + 1].Raw))
                || (raw == "first" && i + 1 < words.Count && words[i + 1].Raw == "day");
            // "his accounts are already requested": what is there already is not asked.
            // "set her up on the electronic record" is one system's way in.
            var asked = raw == "setup" ? !OnASystem(words, i + 1) : Whole.Contains(raw) || (raw is "set" or "setting" && SetUpWhole(words, i));
            whole |= asked && !Near(words, i, 3, w => w.Raw == "already");
        }

        return joining && whole;
    }

    private static bool SetUpWhole(IReadOnlyList<Word> words, int at)
    {
        for (var j = at + 1; j < Math.Min(words.Count, at + 4); j++)
        {
            if (words[j].Raw == "up")
            {
                return !OnASystem(words, j + 1);
            }
        }

        return false;
    }

    private static bool OnASystem(IReadOnlyList<Word> words, int at) => at < words.Count && words[at].Raw is "on" or "in" or "for" or "with";

    private static bool Near(IReadOnlyList<Word> words, int at, int span, Func<Word, bool> test)
    {
        for (var j = Math.Max(0, at - span); j < Math.Min(words.Count, at + span + 1); j++)
        {
            if (j != at && test(words[j]))
            {
                return true;
            }
        }

        return false;
    }
}
