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
    /// <summary>The work was resolved and waits for a reviewer's quality check: the team card offers Pass / Fail.</summary>
    ReviewRequested,
    /// <summary>The quality check failed: the work is back with the assignee, who is told the reason.</summary>
    ReviewFailed,
    /// <summary>The requester has not confirmed or reopened a fulfilled request: they are reminded, with the buttons.</summary>
    ConfirmationReminder,
    /// <summary>No answer from the requester within the closing time: the system closed the request.</summary>
    AutoClosed,
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

    public bool IsParked => ParkedAt is not null;
}
