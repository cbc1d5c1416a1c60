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

    // What an item's own words say it does.
    private static readonly HashSet<string> InstallItemWords = ["install", "installation", "installs"];
    private static readonly HashSet<string> UnlockItemWords = ["password", "unlock"];
    private static readonly HashSet<string> LeaveItemWords = ["leaver", "leavers", "offboarding"];

    private static readonly Lazy<(HashSet<string> Install, HashSet<string> Unlock, HashSet<string> Leave)> ItemTerms = new(() => (
        InstallItemWords.Select(Tokens.Term).ToHashSet(StringComparer.Ordinal),
        UnlockItemWords.Select(Tokens.Term).ToHashSet(StringComparer.Ordinal),
        LeaveItemWords.Select(Tokens.Term).ToHashSet(StringComparer.Ordinal)));

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

            if ((LostWayIn.Contains(raw) || raw == "reset") && Near(words, i, 4, w => Credentials.Contains(w.Raw)))
            {
                found |= AskedAction.Unlock;
            }

            var next = i + 1 < words.Count ? words[i + 1].Raw : "";
            if (Leaving.Contains(raw) || (raw == "last" && next is "day" or "shift") || (raw is "finishing" or "finished" && next == "up"))
            {
                found |= AskedAction.Leave;
            }
        }

        return found;
    }

    /// <summary>The actions the item's own words (name, synonyms, keywords) say it is.</summary>
    public static AskedAction Of(IEnumerable<ItemPhrase> phrases)
    {
        var (install, unlock, leave) = ItemTerms.Value;
        var found = AskedAction.None;
        foreach (var term in phrases.Where(p => p.Kind != PhraseKind.Choice).SelectMany(p => p.Terms))
        {
            found |= install.Contains(term) ? AskedAction.Install : AskedAction.None;
            found |= unlock.Contains(term) ? AskedAction.Unlock : AskedAction.None;
            found |= leave.Contains(term) ? AskedAction.Leave : AskedAction.None;
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
