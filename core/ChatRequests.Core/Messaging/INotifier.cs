using ChatRequests.Core.AccessReviews;
using ChatRequests.Core.Assignment;
using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Messaging;

/// <summary>What a requester is told, one kind per step of the process.</summary>
public enum NoticeKind
{
    StageApproved,
    Approved,
    Rejected,
    Assigned,
    StatusChanged,
    QuestionAsked,
    Resolved,
    /// <summary>The request missed its target date and was escalated (level 2: the supervisor, or the team lead).</summary>
    SlaBreached,
    /// <summary>The approval could not reach an approver and went to someone else (the event's comment says who).</summary>
    ApprovalRerouted,
    /// <summary>Nobody who can approve the request can be reached: it waits for the service desk.</summary>
    ApprovalStuck,
    /// <summary>The item is out of stock: the alternatives offered, to pick one or keep waiting.</summary>
    AlternativesOffered,
    /// <summary>The item is out for delivery: carrier, tracking reference and "I received it".</summary>
    OutForDelivery,
    /// <summary>The request was fulfilled some working days ago and the requester has not confirmed or reopened it.</summary>
    ConfirmationReminder,
    /// <summary>No answer in the closing time: the system closed the request (reopening stays possible for a while).</summary>
    AutoClosed,
    /// <summary>The item went out some working days ago and the requester has not said they received it: "I received it" again.</summary>
    ReceiptReminder,
}

/// <summary>
/// Teams refused for good to deliver to a person (not found, the bot blocked or not installed and not installable):
/// retrying cannot help. Transient failures are never this exception.
/// </summary>
public sealed class RecipientUnreachableException(string personId, string reason, Exception? innerException = null)
    : Exception($"{personId} could not be reached: {reason}", innerException)
{
    public string PersonId { get; } = personId;

    /// <summary>Why, in words for the audit history ("403 BotNotInConversationRoster").</summary>
    public string Reason { get; } = reason;
}

/// <summary>
/// The notifier port: how fulfilment reaches people in chat. Every method is idempotent for its key:
/// showing a card posts it once and updates it in place afterwards.
/// </summary>
public interface INotifier
{
    /// <summary>
    /// Posts or updates the approval card of the current stage in each approver's personal chat; throws
    /// <see cref="RecipientUnreachableException"/> when the approver cannot be reached (as do the other methods that
    /// post to a person).
    /// </summary>
    Task ShowApprovalCardAsync(ServiceRequest request, PersonRef approver, int stage, CancellationToken cancellationToken = default);

    /// <summary>Posts or updates the request's card in the owning team's channel.</summary>
    Task ShowTeamCardAsync(ServiceRequest request, CancellationToken cancellationToken = default);

    /// <summary>Tells the requester what happened, once per event (<paramref name="cause"/>).</summary>
    Task NotifyRequesterAsync(ServiceRequest request, NoticeKind kind, OutboxEvent cause, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reminds an approver of the pending stage, in their personal chat, that the request still waits for them;
    /// once per (<paramref name="cause"/>, approver).
    /// </summary>
    Task RemindApproverAsync(ServiceRequest request, PersonRef approver, OutboxEvent cause, CancellationToken cancellationToken = default);

    /// <summary>
    /// Tells an approver, in their personal chat, that <paramref name="stage"/> went to someone else because they did not
    /// answer in its timeout, so they no longer need to decide it; once per (<paramref name="cause"/>, approver).
    /// </summary>
    Task TellLateApproverAsync(ServiceRequest request, PersonRef approver, int stage, OutboxEvent cause, CancellationToken cancellationToken = default);

    /// <summary>Replies in the team card's thread that the request is at risk of missing its target; once per <paramref name="cause"/>.</summary>
    Task WarnTeamAtRiskAsync(ServiceRequest request, OutboxEvent cause, CancellationToken cancellationToken = default);

    /// <summary>
    /// Posts the escalation card of <paramref name="escalation"/> to each person it went to, in their personal chat, once
    /// per level and person, and updates those cards in place afterwards: a resolved escalation's cards say so (and are
    /// only updated, never posted new). An escalation that names nobody (a team without a lead; a document from before
    /// the ladder) goes to the team lead of the directory as before, else into the team card's thread, once per
    /// <paramref name="cause"/>.
    /// </summary>
    Task EscalateAsync(ServiceRequest request, Escalation escalation, OutboxEvent cause, CancellationToken cancellationToken = default);

    /// <summary>Posts the requester's answer as a reply in the team card's thread, once per <paramref name="cause"/>.</summary>
    Task ReplyInTeamThreadAsync(ServiceRequest request, OutboxEvent cause, CancellationToken cancellationToken = default);

    /// <summary>
    /// Alerts the assignee, in their personal chat, that the supplier's expected date has passed while the request still
    /// awaits parts; once per <paramref name="cause"/>.
    /// </summary>
    Task AlertSupplierOverdueAsync(ServiceRequest request, PersonRef assignee, OutboxEvent cause, CancellationToken cancellationToken = default);

    /// <summary>
    /// Tells <paramref name="assignee"/>, in their personal chat with the request's card, that it was given to them (by the
    /// system or a colleague); once per (<paramref name="cause"/>, assignee).
    /// </summary>
    Task TellAssigneeAsync(ServiceRequest request, PersonRef assignee, OutboxEvent cause, CancellationToken cancellationToken = default);

    /// <summary>Posts the still-unassigned request in the team's channel again (a new message); once per <paramref name="cause"/>.</summary>
    Task ReannounceAsync(ServiceRequest request, OutboxEvent cause, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends <paramref name="agent"/> their daily digest for <paramref name="day"/> (their team's date) in their personal
    /// chat: their overdue and due-today requests. Once per agent and day, whichever host or run sends it.
    /// </summary>
    Task SendDigestAsync(PersonRef agent, DateOnly day, AgentDigest digest, CancellationToken cancellationToken = default);

    /// <summary>
    /// Tells the assignee, in their personal chat, that the quality check of their work failed and why (the reason is
    /// <paramref name="cause"/>'s comment); once per <paramref name="cause"/>.
    /// </summary>
    Task TellAssigneeReviewFailedAsync(ServiceRequest request, OutboxEvent cause, CancellationToken cancellationToken = default);

    /// <summary>
    /// Tells the team, as a reply in the team card's thread naming the assignee, that the requester has not acknowledged
    /// receipt of the delivered item; once per <paramref name="cause"/>.
    /// </summary>
    Task TellTeamReceiptOverdueAsync(ServiceRequest request, OutboxEvent cause, CancellationToken cancellationToken = default);

    /// <summary>
    /// Tells the team lead, in their personal chat, that the request's quality check still waits (a team without a lead:
    /// a reply in the team card's thread); once per <paramref name="cause"/>.
    /// </summary>
    Task RemindReviewersAsync(ServiceRequest request, OutboxEvent cause, CancellationToken cancellationToken = default);

    /// <summary>
    /// Posts the access review's card in <paramref name="to"/>'s personal chat (the reviewer, or the person it was
    /// escalated to), once per review and person, and updates it in place afterwards.
    /// </summary>
    Task ShowAccessReviewAsync(AccessReview review, PersonRef to, CancellationToken cancellationToken = default);

    /// <summary>
    /// Tells what <paramref name="notice"/> says: the reviewer that their review was escalated, the person that their
    /// access was removed (personal chat), or the team, in its channel, that a removal must be done by hand; once per
    /// review, kind and line.
    /// </summary>
    Task TellAccessReviewAsync(AccessReviewNotice notice, CancellationToken cancellationToken = default);

    /// <summary>
    /// Posts the card of <paramref name="parking"/> (a step of the request given up on, with Retry and Dismiss) in the
    /// channel of the team that owns the request, or of the organisation's operations team when that team is gone from the
    /// directory; once per parking, updated in place afterwards (retried or dismissed, by whom).
    /// </summary>
    Task ShowParkedStepAsync(ServiceRequest request, ParkedStep parking, CancellationToken cancellationToken = default);
}
