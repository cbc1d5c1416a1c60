using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Audit;

/// <summary>
/// One line of a request's history as a person reads it: when, who (a stand-in "on behalf of" whom), what
/// (<see cref="Action"/>, in the cards' words), the state it moved to when it moved, and what was said.
/// </summary>
public sealed record HistoryLine(DateTimeOffset At, string Who, AuditAction Action, RequestState? NowIn, string? Detail);

/// <summary>Which page of a history: its lines, and where it stands among <see cref="Pages"/> (0 is the oldest).</summary>
public sealed record HistoryPage(ServiceRequest Request, IReadOnlyList<HistoryLine> Lines, int Page, int Pages, int Total)
{
    public const int Size = 15;

    public bool HasOlder => Page > 0;

    public bool HasNewer => Page < Pages - 1;
}

/// <summary>
/// A request's whole history in words, in order, for one reader: the team's side (members, lead, auditors) reads the
/// internal lines (work notes, a failed check's reason); everyone else who may view it reads the rest.
/// </summary>
public static class RequestHistory
{
    /// <summary>
    /// The lines <paramref name="readerId"/> reads, oldest first: internal ones only when <paramref name="readsInternal"/>,
    /// sensitive values masked unless they may read them (<see cref="SensitiveFields.MayRead"/>; null: nobody in particular).
    /// </summary>
    public static IReadOnlyList<HistoryLine> For(ServiceRequest request, string? readerId, bool readsInternal) =>
        [.. request.History.Where(h => readsInternal || h.Action != AuditAction.WorkNote).Select(h => Line(request, h, readerId, readsInternal))];

    /// <summary>Page <paramref name="page"/> of <see cref="HistoryPage.Size"/> lines; null or out of range: the newest page.</summary>
    public static HistoryPage Page(ServiceRequest request, string? readerId, bool readsInternal, int? page)
    {
        var lines = For(request, readerId, readsInternal);
        var pages = Math.Max(1, (lines.Count + HistoryPage.Size - 1) / HistoryPage.Size);
        var shown = page is { } p && p >= 0 && p < pages ? p : pages - 1;
        return new HistoryPage(request, [.. lines.Skip(shown * HistoryPage.Size).Take(HistoryPage.Size)], shown, pages, lines.Count);
    }

    private static HistoryLine Line(ServiceRequest request, AuditEntry entry, string? readerId, bool readsInternal)
    {
        var detail = entry.Action == AuditAction.Submitted ? $"Justification: {request.Justification}" : entry.Comment;
        if (entry.Action.IsInternal && !readsInternal)
        {
            detail = null;
        }

        return new HistoryLine(
            entry.At,
            Shown(request, readerId, Who(request, entry)),
            entry.Action,
            entry.From == entry.To ? null : entry.To,
            detail is null ? null : Shown(request, readerId, detail));
    }

    /// <summary>A decision names whom a stand-in decided for ("Grace Liu on behalf of Tomás Ortega").</summary>
    private static string Who(ServiceRequest request, AuditEntry entry)
    {
        if (entry.Action.IsDecision && !entry.Redacted)
        {
            var decision = request.Approvals
                .SelectMany(s => s.ApprovedBy.Append(s.Decision))
                .FirstOrDefault(d => d is not null && d.ById == entry.Actor.Id && d.At == entry.At);
            if (decision is not null)
            {
                return decision.ByWhom;
            }
        }

        return entry.Actor.Name;
    }

    /// <summary>
    /// Every text of a line passes here before anyone reads it: values of sensitive fields are masked for readers who
    /// may not see them. The stored line keeps them (it is hash-chained); only what is shown is masked.
    /// </summary>
    private static string Shown(ServiceRequest request, string? readerId, string text) => SensitiveFields.MaskText(request, readerId, text);
}
