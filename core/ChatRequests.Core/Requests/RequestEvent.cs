using System.Text.Json.Serialization;

namespace ChatRequests.Core.Requests;

/// <summary>What happened to a request that the world outside the document must hear about.</summary>
public enum RequestEventType
{
    ApprovalRequested,
    StageApproved,
    /// <summary>One approver of a stage that needs them all approved; the others still decide.</summary>
    StagePartlyApproved,
    Approved,
    Rejected,
    Assigned,
    StatusChanged,
    QuestionAsked,
    QuestionAnswered,
    Resolved,
    Reopened,
    Cancelled,
    Closed,
    /// <summary>The approvers of the pending stage have not decided within the reminder time.</summary>
    ApprovalReminder,
    /// <summary>Three quarters of the time to the target date have passed and the request is still worked.</summary>
    SlaAtRisk,
    /// <summary>The target date has passed: the request is escalated to the team lead.</summary>
    SlaBreached,
    /// <summary>The request is approved and its catalog item provisions automatically: run the provisioning.</summary>
    ProvisioningRequested,
    /// <summary>The automatic provisioning was refused for good: the team must do it by hand.</summary>
    ProvisioningFailed,
    /// <summary>An approver could not be reached, so the stage went to someone else: the requester is told who.</summary>
    ApprovalRerouted,
    /// <summary>No approver of the stage can be reached and nobody else can decide it: the requester is told it is stuck.</summary>
    ApprovalStuck,
    /// <summary>The approvers of a stage did not answer in its timeout (<see cref="ApprovalStage.Late"/>): their cards say where it went.</summary>
    ApprovalTimedOut,
    /// <summary>The supplier's expected date passed while the request still awaits parts: the assignee is alerted (once per date).</summary>
    SupplierOverdue,
    /// <summary>The item is out of stock: the requester gets the alternatives to choose from.</summary>
    AlternativesOffered,
    /// <summary>The requester chose an alternative, or kept waiting: the team card shows it.</summary>
    ItemChosen,
    /// <summary>A physical item is out for delivery: the requester gets the tracking reference and "I received it".</summary>
    OutForDelivery,
    /// <summary>The request is still unassigned after its team's re-announce period: it is posted in the channel again.</summary>
    Reannounced,
    /// <summary>
    /// A level of the escalation ladder fired other than at the at-risk instant (<see cref="SlaAtRisk"/>, level 1) or the
    /// breach (<see cref="SlaBreached"/>, level 2): a follow-up, P1 or a VIP, a long breach, a second reopen.
    /// </summary>
    Escalated,
    /// <summary>The request was resolved or cancelled: its standing escalations are resolved and their cards say so.</summary>
    Deescalated,
    /// <summary>The work was resolved and waits for a reviewer's quality check: the team card offers Pass / Fail.</summary>
    ReviewRequested,
    /// <summary>The quality check failed: the work is back with the assignee, who is told the reason.</summary>
    ReviewFailed,
    /// <summary>The requester has not confirmed or reopened a fulfilled request: they are reminded, with the buttons.</summary>
    ConfirmationReminder,
    /// <summary>No answer from the requester within the closing time: the system closed the request.</summary>
    AutoClosed,
    /// <summary>The requester changed their request (<see cref="ServiceRequest.Edits"/>): approval and team cards show the new answers.</summary>
    RequestEdited,
    /// <summary>A delivered item is not acknowledged yet: the requester is reminded, with "I received it".</summary>
    ReceiptReminder,
    /// <summary>Still not acknowledged later: the assignee is told on the team card's thread.</summary>
    ReceiptOverdue,
    /// <summary>A quality check waited past the team's reminder time: the team lead is told (or the thread, without a lead).</summary>
    ReviewWaiting,
    /// <summary>
    /// The request was anonymised under the retention policy: nobody is told, but the reporting projection replaces its
    /// row (which held the requester and the reasons people typed) with the anonymised document's.
    /// </summary>
    Anonymised,
    /// <summary>
    /// Another event of the request was parked, retried or dismissed (<see cref="ServiceRequest.Parkings"/>): the card of
    /// that parking in the owning team's channel is posted or brought up to date. Its comment is the parking's id. When
    /// this event itself is parked, no further notice is raised (it is logged and counted, and stays on /status).
    /// </summary>
    ParkedNotice,
}

/// <summary>
/// An event in the request's outbox. It is written in the same atomic save as the change that caused it
/// and removed once every handler has run; delivery is at least once, so handlers key their effects by
/// <see cref="Id"/>.
/// </summary>
public sealed record OutboxEvent(
    string Id,
    RequestEventType Type,
    DateTimeOffset CreatedAt,
    PersonRef Actor,
    string? Comment)
{
    public int Attempts { get; init; }
    public DateTimeOffset NextAttemptAt { get; init; } = CreatedAt;
    public string? LastError { get; init; }
    public DateTimeOffset? ParkedAt { get; init; }

    /// <summary>
    /// How many times a person retried the event after it was parked (<see cref="ServiceRequest.RetryParked"/>): a relay
    /// that deduplicates deliveries by the event id (the Functions app's queue) sends a retried event under a new id.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Retries { get; init; }

    public bool IsParked => ParkedAt is not null;
}
