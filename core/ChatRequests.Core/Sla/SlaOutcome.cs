namespace ChatRequests.Core.Sla;

/// <summary>What one SLA check did to a request (each at most once per request, or per approval stage for reminders).</summary>
public sealed record SlaOutcome(bool RemindedApprovers, bool WarnedAtRisk, bool Escalated)
{
    public static SlaOutcome None { get; } = new(false, false, false);

    /// <summary>The pending stage was not answered in its approval timeout and went to its fallback (once per stage).</summary>
    public bool TimedOutApproval { get; init; }

    /// <summary>The supplier's expected date passed while the request awaits parts: the assignee was alerted (once per date).</summary>
    public bool AlertedSupplierLate { get; init; }

    /// <summary>The request, still unassigned, is to be posted in the team's channel again (once per period).</summary>
    public bool Reannounced { get; init; }

    /// <summary>The requester of a fulfilled request was reminded to confirm or reopen it (once).</summary>
    public bool RemindedRequester { get; init; }

    /// <summary>The requester did not answer in the closing time: the system closed the request (once).</summary>
    public bool AutoClosed { get; init; }

    /// <summary>A delivery not acknowledged was followed up: its requester reminded, or its assignee told (each once).</summary>
    public bool ChasedReceipt { get; init; }

    /// <summary>A quality check waited past the team's reminder time: the lead was told (once).</summary>
    public bool RemindedReviewers { get; init; }

    /// <summary>The retention policy's time came: the final request's personal data was removed (once).</summary>
    public bool Anonymised { get; init; }

    /// <summary>The anonymised request's audit was kept as long as the policy says: its document is to be deleted (nothing changed in it).</summary>
    public bool Expired { get; init; }

    public bool DidAnything =>
        RemindedApprovers || WarnedAtRisk || Escalated || TimedOutApproval || AlertedSupplierLate || Reannounced || RemindedRequester || AutoClosed
        || ChasedReceipt || RemindedReviewers || Anonymised;

    /// <summary>This outcome with the follow-up flags of <paramref name="followUp"/> set as well.</summary>
    public SlaOutcome Also(SlaOutcome followUp) => this with
    {
        ChasedReceipt = ChasedReceipt || followUp.ChasedReceipt,
        RemindedReviewers = RemindedReviewers || followUp.RemindedReviewers,
    };
}
