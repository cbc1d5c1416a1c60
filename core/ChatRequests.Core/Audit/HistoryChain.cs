using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Audit;

/// <summary>
/// The hash chain over a request's audit history (ADR 0016): each line's <see cref="AuditEntry.Digest"/> fingerprints its
/// content, and its <see cref="AuditEntry.Hash"/> links that to the line before it, the first line to a genesis value
/// naming the request. Editing, removing, inserting or reordering a line breaks the chain at that line, unless every
/// hash after it is recomputed as well (what an external anchor would catch; not built).
/// </summary>
public static class HistoryChain
{
    private const string Version = "chatrequests-audit-v1";

    /// <summary>What the first line of <paramref name="requestId"/>'s history chains from.</summary>
    public static string Genesis(string requestId) => Sha256($"{Version}|genesis|{Field(requestId)}");

    /// <summary>
    /// The fingerprint of a line's content: when (UTC, to the tick), who (id and name), what (the stored action and
    /// state names) and the comment, each length-prefixed so no two contents read the same.
    /// </summary>
    public static string DigestOf(AuditEntry entry)
    {
        var content = new StringBuilder(Version).Append('|')
            .Append(Field(entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)))
            .Append(Field(entry.Actor.Id))
            .Append(Field(entry.Actor.Name))
            .Append(Field(entry.Action.Name))
            .Append(Field(entry.From.ToString()))
            .Append(Field(entry.To.ToString()))
            .Append(Field(entry.Comment));
        return Sha256(content.ToString());
    }

    /// <summary>The hash of a line whose digest is <paramref name="digest"/>, after the line whose hash is <paramref name="previousHash"/>.</summary>
    public static string Link(string previousHash, string digest) => Sha256(previousHash + digest);

    /// <summary>The line with its digest and its link to <paramref name="previousHash"/>.</summary>
    public static AuditEntry Chain(AuditEntry entry, string previousHash)
    {
        var digest = DigestOf(entry);
        return entry with { Digest = digest, Hash = Link(previousHash, digest) };
    }

    /// <summary>Checks every line of the request's history: intact, broken (the first broken line and how) or never chained.</summary>
    public static ChainVerdict Verify(ServiceRequest request) => Verify(request.Id, request.History);

    public static ChainVerdict Verify(string requestId, IReadOnlyList<AuditEntry> history)
    {
        if (history.Count == 0 || history.All(h => h.Hash is null && h.Digest is null))
        {
            return ChainVerdict.Unsealed(history.Count);
        }

        var previous = Genesis(requestId);
        for (var i = 0; i < history.Count; i++)
        {
            var entry = history[i];
            if (Problem(requestId, history, i, previous) is { } problem)
            {
                return ChainVerdict.Broken(history.Count, i, problem);
            }

            previous = entry.Hash!;
        }

        var seal = history.ToList().FindIndex(h => h.Action == AuditAction.SealHistory);
        return ChainVerdict.Intact(history.Count, Math.Max(seal, 0));
    }

    private static ChainBreak? Problem(string requestId, IReadOnlyList<AuditEntry> history, int index, string previous)
    {
        var entry = history[index];
        if (entry.Digest is null || entry.Hash is null)
        {
            return ChainBreak.NotChained;
        }

        if (entry.Redacted)
        {
            if (entry.Actor != AuditEntry.RedactedActor || entry.Comment is not (null or AuditEntry.RedactedText))
            {
                return ChainBreak.RedactedHoldsContent;
            }
        }
        else if (DigestOf(entry) != entry.Digest)
        {
            return ChainBreak.ContentChanged;
        }

        if (Link(previous, entry.Digest) == entry.Hash)
        {
            return null;
        }

        // The line is whole but does not follow the one before it: find the line it was written after.
        for (var j = -1; j < history.Count; j++)
        {
            var before = j < 0 ? Genesis(requestId) : history[j].Hash;
            if (j != index - 1 && j != index && before is not null && Link(before, entry.Digest) == entry.Hash)
            {
                return j > index ? ChainBreak.Reordered : ChainBreak.Inserted;
            }
        }

        return ChainBreak.LinkBroken;
    }

    private static string Field(string? value) => value is null ? "~;" : $"{value.Length}:{value};";

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
