namespace ChatRequests.Core.Understanding;

/// <summary>
/// Fault reports ("VPN keeps dropping", "my laptop won't boot", "Outlook crashes"): something that stopped working,
/// not something asked for. Words that ask for a thing ("need a new one", "replacement") make it a request again,
/// and so does a catalog keyword that says the fault ("laptop broke" on a laptop item).
/// </summary>
internal static class IncidentWords
{
    private static readonly string[] FaultPhrases =
    [
        "not working", "isnt working", "arent working", "stopped working", "stop working", "doesnt work", "dont work",
        "didnt work", "wont work", "not work", "wont start", "wont boot", "wont turn on", "wont load", "wont open",
        "wont connect", "wont print", "wont charge", "wont sync", "wont switch on", "wont let me", "doesnt turn on",
        "not turning on", "cant connect", "cannot connect", "unable to connect", "cant print", "not connecting", "not loading",
        "not printing", "not charging", "not responding", "not syncing", "not showing", "no sound", "no signal", "no internet",
        "no connection", "no network", "no power", "blue screen", "is down", "are down", "went down", "gone down", "is dead",
        "went dead", "something wrong", "gone wrong", "went wrong", "is slow", "so slow", "running slow", "really slow",
        "very slow", "keeps asking", "wont stop",
    ];

    private static readonly HashSet<string> FaultTerms =
    [
        .. new[]
        {
            "crash", "crashed", "crashes", "crashing", "freeze", "freezes", "freezing", "froze", "frozen", "hangs", "error",
            "errors", "fault", "faulty", "fail", "fails", "failed", "failing", "failure", "glitch", "glitching", "bug", "buggy",
            "outage", "offline", "flicker", "flickering", "flickers", "broken", "broke", "cracked", "smashed", "jammed",
            "stuck", "disconnect", "disconnects", "disconnecting", "disconnected", "dropping", "drops", "unresponsive",
            "corrupt", "corrupted", "bsod", "problem", "problems", "issue", "issues", "trouble", "malfunctioning", "lagging",
            "laggy", "rebooting", "restarting", "dying", "died", "overheating", "beeping", "squeaking",
        }.Select(Tokens.Term),
    ];

    private static readonly string[] RequestPhrases =
    [
        "new", "replace", "replacement", "replacing", "spare", "another", "order", "buy", "upgrade", "instead",
        "need a", "get a", "want a", "swap", "exchange",
    ];

    /// <param name="namedBy">The catalog phrase that named the best item, if any.</param>
    public static bool IsFault(IReadOnlyList<Word> words, ItemPhrase? namedBy)
    {
        var padded = $" {string.Join(' ', words.Select(w => w.Raw))} ";
        bool Has(string phrase) => padded.Contains($" {phrase} ", StringComparison.Ordinal);
        var keepsFailing = words.Zip(words.Skip(1)).Any(p => p.First.Raw is "keeps" or "keep" or "kept" && p.Second.Raw.EndsWith("ing", StringComparison.Ordinal));
        var fault = keepsFailing || FaultPhrases.Any(Has) || words.Any(w => FaultTerms.Contains(w.Term));
        if (!fault || RequestPhrases.Any(Has))
        {
            return false;
        }

        // The catalog says this fault is asked for as an item ("headset broke", "slow laptop").
        return namedBy is null || !namedBy.Terms.Any(t => FaultTerms.Contains(t) || t == "slow");
    }
}
