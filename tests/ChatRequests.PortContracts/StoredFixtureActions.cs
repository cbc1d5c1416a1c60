using ChatRequests.Core.Requests;

namespace ChatRequests.PortContracts;

/// <summary>
/// The audit actions first written after the stored-document fixtures were (the SQLite rows and the Cosmos documents of
/// an earlier version): every other action is in them, so that each loads typed and is saved back unchanged.
/// </summary>
public static class StoredFixtureActions
{
    public static IReadOnlyList<AuditAction> WrittenSince { get; } =
    [
        // The parts of an "all" approval, a rerouted stage.
        AuditAction.ApprovePart, AuditAction.Reroute,
        // Issue 12: the target clock, suppliers and delivery, assignment, the escalation ladder, the quality check and closing.
        AuditAction.ClockPaused, AuditAction.ClockResumed,
        AuditAction.OfferAlternatives, AuditAction.ChangeItem, AuditAction.RequestReapproval, AuditAction.SendForDelivery,
        AuditAction.AcknowledgeReceipt, AuditAction.KeepWaiting, AuditAction.SupplierOverdue,
        AuditAction.Reassign, AuditAction.NotAssigned, AuditAction.Reannounce,
        AuditAction.Deescalate,
        AuditAction.SubmitForReview, AuditAction.PassReview, AuditAction.FailReview, AuditAction.AutoClose, AuditAction.WorkNote,
        AuditAction.RemindRequester,
        // Issue 11: the requester's change of a logged request.
        AuditAction.Edit,
        // Where the quality check meets delivery and provisioning, and the follow-ups of receipts and waiting checks.
        AuditAction.ReleaseForDelivery, AuditAction.SubmitProvisioningForReview, AuditAction.RemindReceipt, AuditAction.ReceiptOverdue,
        AuditAction.RemindReviewers,
        // Issue 13: the hash chain's seal over older histories, and redaction.
        AuditAction.SealHistory, AuditAction.Redact,
        // Issue 13: anonymisation (retention policy).
        AuditAction.Anonymise,
        // Issue 13: access reviews.
        AuditAction.AccessKept, AuditAction.AccessRemoved, AuditAction.AccessRemovalFailed,
        // Issue 13: a data-subject export, recorded on each request it held.
        AuditAction.DataExported,
        // Issue 15: parked steps reach the team, who retry or dismiss them.
        AuditAction.EventParked, AuditAction.EventRetried, AuditAction.EventDismissed,
    ];
}
