namespace ChatRequests.Core.Audit;

/// <summary>How a line of the history breaks the chain.</summary>
public enum ChainBreak
{
    /// <summary>The line's content (time, actor, action, states or comment) is not what was written.</summary>
    ContentChanged,
    /// <summary>The line does not follow the line before it: a line before it is missing, or that line was rewritten with its hash.</summary>
    LinkBroken,
    /// <summary>The line follows a line that comes after it: lines were swapped.</summary>
    Reordered,
    /// <summary>The line follows an earlier line than the one before it: a line was inserted before it.</summary>
    Inserted,
    /// <summary>A redacted line holds something other than the placeholders.</summary>
    RedactedHoldsContent,
    /// <summary>A line of a chained history has no digest or hash.</summary>
    NotChained,
}

/// <summary>Where the chain of a history stands.</summary>
public enum ChainStatus
{
    /// <summary>Every line verifies and links to the one before it.</summary>
    Intact,
    /// <summary>A line does not verify (<see cref="ChainVerdict.BrokenAt"/>, <see cref="ChainVerdict.Break"/>).</summary>
    Broken,
    /// <summary>No line carries a hash: the whole history was written before the chain and not yet sealed.</summary>
    Unsealed,
}

/// <summary>
/// What <see cref="HistoryChain.Verify(ChatRequests.Core.Requests.ServiceRequest)"/> found: <see cref="Entries"/> lines, of which
/// <see cref="Predating"/> were written before the chain and sealed into it; when broken, the first broken line (0-based) and how.
/// </summary>
public sealed record ChainVerdict(ChainStatus Status, int Entries, int Predating, int? BrokenAt, ChainBreak? Break)
{
    public bool IsIntact => Status == ChainStatus.Intact;

    public static ChainVerdict Intact(int entries, int predating) => new(ChainStatus.Intact, entries, predating, null, null);

    public static ChainVerdict Broken(int entries, int index, ChainBreak how) => new(ChainStatus.Broken, entries, 0, index, how);

    public static ChainVerdict Unsealed(int entries) => new(ChainStatus.Unsealed, entries, entries, null, null);

    /// <summary>The verdict as people read it: "The history of REQ-000042 is intact: 12 entries, chain verified."</summary>
    public string Describe(string requestId) => Status switch
    {
        ChainStatus.Intact when Predating > 0 =>
            $"The history of {requestId} is intact: {Entries} entries, chain verified ({Predating} written before the chain were sealed into it).",
        ChainStatus.Intact => $"The history of {requestId} is intact: {Entries} entries, chain verified.",
        ChainStatus.Unsealed =>
            $"The history of {requestId} was written before the chain ({Entries} entries) and cannot be verified yet; it is sealed with its next entry.",
        _ => $"The history of {requestId} is broken at entry {BrokenAt + 1} of {Entries}: {Explain(Break)}",
    };

    private static string Explain(ChainBreak? how) => how switch
    {
        ChainBreak.ContentChanged => "its content was changed after it was written.",
        ChainBreak.LinkBroken => "it does not follow the entry before it (an entry is missing, or the one before it was rewritten).",
        ChainBreak.Reordered => "it was moved: it follows an entry that now comes after it.",
        ChainBreak.Inserted => "an entry was inserted before it.",
        ChainBreak.RedactedHoldsContent => "it is marked redacted but still holds content.",
        _ => "it carries no hash although the history is chained.",
    };
}
