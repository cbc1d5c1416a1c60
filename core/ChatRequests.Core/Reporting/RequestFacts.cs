using System.Text.Json.Serialization;
using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Reporting;

/// <summary>
/// One row of the reporting projection: what reports need of one request, read from its document by
/// <see cref="From"/>. <see cref="Version"/> is the document version it was built from, so a store
/// keeps only the newest row (a redelivered or out-of-order event never moves it backwards).
/// </summary>
public sealed partial record RequestFacts
{
    public required string RequestId { get; init; }
    public required long Version { get; init; }
    public required string SubmissionKey { get; init; }
    public required string TeamId { get; init; }
    public required string Category { get; init; }
    public required string CatalogItemId { get; init; }
    public required string ItemName { get; init; }
    /// <summary>The catalog item was marked restricted when the request was logged.</summary>
    public bool Restricted { get; init; }
    public required PersonRef Requester { get; init; }
    public required RequestState State { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    /// <summary>The document's last change: a row not changed since before a period cannot have anything in it but its backlog.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>The first time approval was asked for; null when none was needed.</summary>
    public DateTimeOffset? ApprovalAskedAt { get; init; }
    /// <summary>The last final approval (or the skip of approval when none was needed); null while not approved.</summary>
    public DateTimeOffset? ApprovedAt { get; init; }
    /// <summary>Whether approval was needed (an approver decided it) rather than skipped.</summary>
    public bool NeededApproval { get; init; }
    public IReadOnlyList<StageFacts> Stages { get; init; } = [];
    /// <summary>The first assignment to an agent; null when nobody was assigned.</summary>
    public DateTimeOffset? AssignedAt { get; init; }
    /// <summary>The last time it was fulfilled, while it stays fulfilled or closed; null otherwise (a reopened request is open again).</summary>
    public DateTimeOffset? FulfilledAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }
    public string? CancelReason { get; init; }
    public DateTimeOffset? RejectedAt { get; init; }
    public string? RejectReason { get; init; }
    /// <summary>The target date, moved by the pauses of its clock.</summary>
    public DateTimeOffset DueAt { get; init; }
    /// <summary>Fulfilled by its target date; null while not fulfilled.</summary>
    public bool? SlaMet { get; init; }
    public int ReopenCount { get; init; }
    /// <summary>Failed quality checks.</summary>
    public int QcFailures { get; init; }
    /// <summary>Fulfilled by automatic provisioning with no manual step: nobody assigned, no quality check, never reopened.</summary>
    public bool Automated { get; init; }
    public int? Rating { get; init; }
    public DateTimeOffset? RatedAt { get; init; }
    /// <summary>Time spent in each state up to <see cref="FulfilledAt"/> (empty when not fulfilled).</summary>
    public IReadOnlyList<StateTime> TimeInStates { get; init; } = [];

    /// <summary>When it stopped being open work: fulfilled, cancelled or rejected; null while open.</summary>
    [JsonIgnore] public DateTimeOffset? EndedAt => FulfilledAt ?? CancelledAt ?? RejectedAt;
}

/// <summary>One approval stage: asked when, and each decision on it (one, or one per approver of an "all" stage).</summary>
public sealed record StageFacts(string Name, DateTimeOffset AskedAt, IReadOnlyList<DecisionFacts> Decisions)
{
    /// <summary>When the stage ended (the deciding decision); null while it waits.</summary>
    public DateTimeOffset? DecidedAt { get; init; }
    public bool? Approved { get; init; }
}

/// <summary>One approver's decision: who, when, and whether approved.</summary>
public sealed record DecisionFacts(PersonRef By, DateTimeOffset At, bool Approved);

/// <summary>How long a request spent in one state.</summary>
public sealed record StateTime(RequestState State, TimeSpan Time);

/// <summary>
/// A request form shown to someone (the intake's form with its submission key); <see cref="SubmittedAt"/> is set when a
/// request was logged from it. Shown and never submitted, after a grace period, counts as abandoned.
/// </summary>
public sealed record FormShown(string FormKey, string CatalogItemId, string Category, string? TeamId, PersonRef Person, DateTimeOffset ShownAt)
{
    public DateTimeOffset? SubmittedAt { get; init; }
}
