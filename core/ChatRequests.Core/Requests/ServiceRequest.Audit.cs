using ChatRequests.Core.Audit;

namespace ChatRequests.Core.Requests;

/// <summary>The one way lines enter the audit history: chained to the line before (ADR 0016).</summary>
public sealed partial class ServiceRequest
{
    /// <summary>
    /// Lines matching <paramref name="which"/> (and not yet redacted) keep their digest and hash but lose their actor and
    /// comment to the placeholders, so the chain still verifies; a line naming <paramref name="by"/> and
    /// <paramref name="why"/> records it. Returns how many lines were redacted (none: nothing changes).
    /// </summary>
    public int RedactHistory(Func<AuditEntry, bool> which, PersonRef by, string why, DateTimeOffset now)
    {
        var targets = Enumerable.Range(0, _history.Count).Where(i => !_history[i].Redacted && which(_history[i])).ToList();
        if (targets.Count == 0)
        {
            return 0;
        }

        SealHistoryIfWrittenBeforeTheChain(now);
        foreach (var i in targets)
        {
            var entry = _history[i];
            _history[i] = entry with
            {
                Actor = AuditEntry.RedactedActor,
                Comment = entry.Comment is null ? null : AuditEntry.RedactedText,
                Redacted = true,
            };
        }

        UpdatedAt = now;
        Record(now, by, AuditAction.Redact, State, State, $"{targets.Count} history entries redacted: {why}");
        return targets.Count;
    }

    private void Record(DateTimeOffset at, PersonRef actor, AuditAction action, RequestState from, RequestState to, string? comment)
    {
        SealHistoryIfWrittenBeforeTheChain(at);
        AppendChained(new AuditEntry(at, actor, action, from, to, comment));
    }

    /// <summary>
    /// A document written before the chain has lines without hashes: they are chained as they stand, and a line says how
    /// many predate the seal (what happened to them before it cannot be told).
    /// </summary>
    private void SealHistoryIfWrittenBeforeTheChain(DateTimeOffset now)
    {
        // The last line answers it for every chained history; only one ending without a hash is looked at whole.
        if (_history.Count == 0 || _history[^1].Hash is not null || _history.Any(h => h.Hash is not null || h.Digest is not null))
        {
            return;
        }

        var earlier = _history.ToList();
        _history.Clear();
        earlier.ForEach(AppendChained);
        AppendChained(new AuditEntry(
            now, PersonRef.System, AuditAction.SealHistory, State, State,
            $"History sealed; {earlier.Count} earlier entries written before the chain"));
    }

    private void AppendChained(AuditEntry entry) =>
        _history.Add(HistoryChain.Chain(entry, _history.Count == 0 ? HistoryChain.Genesis(Id) : _history[^1].Hash ?? ""));
}
