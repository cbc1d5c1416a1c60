using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatRequests.Core.Requests;

/// <summary>
/// What one line of a request's audit history records: a command of the transition table, or something that changed
/// no state (the submission, an SLA reminder, warning or escalation, a provisioning outcome).
/// </summary>
/// <remarks>
/// Stored as its <see cref="Name"/>, spelled here once and never derived from a member name, so stored documents keep
/// their strings whatever the code is renamed to. A name this version does not know (a document written by a newer
/// one) still loads and is written back unchanged.
/// </remarks>
[JsonConverter(typeof(AuditActionJsonConverter))]
public readonly record struct AuditAction
{
    public static readonly AuditAction Submitted = new("Submitted");
    public static readonly AuditAction RequestApproval = new("RequestApproval");
    public static readonly AuditAction SkipApproval = new("SkipApproval");
    public static readonly AuditAction ApproveStage = new("ApproveStage");
    public static readonly AuditAction ApprovePart = new("ApprovePart");
    public static readonly AuditAction Approve = new("Approve");
    public static readonly AuditAction Reject = new("Reject");
    public static readonly AuditAction Assign = new("Assign");
    public static readonly AuditAction StartWork = new("StartWork");
    public static readonly AuditAction AwaitParts = new("AwaitParts");
    public static readonly AuditAction Schedule = new("Schedule");
    public static readonly AuditAction AskRequester = new("AskRequester");
    public static readonly AuditAction Answer = new("Answer");
    public static readonly AuditAction Resolve = new("Resolve");
    public static readonly AuditAction Confirm = new("Confirm");
    public static readonly AuditAction Reopen = new("Reopen");
    public static readonly AuditAction Cancel = new("Cancel");
    public static readonly AuditAction CompleteProvisioning = new("CompleteProvisioning");
    public static readonly AuditAction RemindApprovers = new("RemindApprovers");
    public static readonly AuditAction SlaAtRisk = new("SlaAtRisk");
    public static readonly AuditAction Escalate = new("Escalate");
    public static readonly AuditAction ProvisioningDone = new("ProvisioningDone");
    public static readonly AuditAction ProvisioningFailed = new("ProvisioningFailed");
    /// <summary>A stage went to other approvers than it was logged with; the comment says who and why.</summary>
    public static readonly AuditAction Reroute = new("Reroute");
    /// <summary>The fulfilment clock stopped: the request waits for its requester or for parts.</summary>
    public static readonly AuditAction ClockPaused = new("ClockPaused");
    /// <summary>The fulfilment clock runs again; the comment says the moved target.</summary>
    public static readonly AuditAction ClockResumed = new("ClockResumed");
    public static readonly AuditAction OfferAlternatives = new("OfferAlternatives");
    public static readonly AuditAction ChangeItem = new("ChangeItem");
    public static readonly AuditAction RequestReapproval = new("RequestReapproval");
    public static readonly AuditAction SendForDelivery = new("SendForDelivery");
    public static readonly AuditAction AcknowledgeReceipt = new("AcknowledgeReceipt");
    /// <summary>The requester kept waiting for the item out of stock rather than take an alternative.</summary>
    public static readonly AuditAction KeepWaiting = new("KeepWaiting");
    /// <summary>The supplier's expected date passed while the request still awaits parts; the assignee was alerted.</summary>
    public static readonly AuditAction SupplierOverdue = new("SupplierOverdue");
    /// <summary>A member of the team gave the assigned request to a colleague; the comment says who to whom.</summary>
    public static readonly AuditAction Reassign = new("Reassign");
    /// <summary>Automatic assignment found nobody available; the comment says why.</summary>
    public static readonly AuditAction NotAssigned = new("NotAssigned");
    /// <summary>The request, still unassigned, was posted in the team's channel again.</summary>
    public static readonly AuditAction Reannounce = new("Reannounce");
    /// <summary>The request's standing escalation levels were resolved with it; the comment names them.</summary>
    public static readonly AuditAction Deescalate = new("Deescalate");
    public static readonly AuditAction SubmitForReview = new("SubmitForReview");
    public static readonly AuditAction PassReview = new("PassReview");
    public static readonly AuditAction FailReview = new("FailReview");
    public static readonly AuditAction AutoClose = new("AutoClose");
    /// <summary>The agent's internal note of the work done (never shown to the requester); the comment is the note.</summary>
    public static readonly AuditAction WorkNote = new("WorkNote");
    /// <summary>The requester was reminded to confirm or reopen a fulfilled request.</summary>
    public static readonly AuditAction RemindRequester = new("RemindRequester");
    /// <summary>The requester changed their request's answers (the state does not change).</summary>
    public static readonly AuditAction Edit = new("Edit");
    /// <summary>A reviewer verified a physical item held for the check, and it went out for delivery.</summary>
    public static readonly AuditAction ReleaseForDelivery = new("ReleaseForDelivery");
    /// <summary>The automatic provisioning was done and waits for a quality check; the comment lists what was done.</summary>
    public static readonly AuditAction SubmitProvisioningForReview = new("SubmitProvisioningForReview");
    /// <summary>The requester was reminded to acknowledge receipt of a delivered item.</summary>
    public static readonly AuditAction RemindReceipt = new("RemindReceipt");
    /// <summary>The requester still had not acknowledged receipt: the assignee was told on the team card's thread.</summary>
    public static readonly AuditAction ReceiptOverdue = new("ReceiptOverdue");
    /// <summary>The quality check waited past the team's reminder time: the lead (or the team's thread) was told.</summary>
    public static readonly AuditAction RemindReviewers = new("RemindReviewers");
    /// <summary>The history, written before it was chained, was chained from here on; the comment says how many lines predate it.</summary>
    public static readonly AuditAction SealHistory = new("SealHistory");
    /// <summary>Lines of the history had their actor and comment replaced by placeholders; the comment says how many and why.</summary>
    public static readonly AuditAction Redact = new("Redact");
    /// <summary>An access review kept the access the request granted; the actor is the reviewer.</summary>
    public static readonly AuditAction AccessKept = new("AccessKept");
    /// <summary>An access review's removal was done (out of the group); the actor is the reviewer who decided it.</summary>
    public static readonly AuditAction AccessRemoved = new("AccessRemoved");
    /// <summary>An access review's removal failed for good; the comment names who decided and asks the team to do it by hand.</summary>
    public static readonly AuditAction AccessRemovalFailed = new("AccessRemovalFailed");
    /// <summary>The request went into a data-subject export of its requester's data; the actor is the auditor who asked.</summary>
    public static readonly AuditAction DataExported = new("DataExported");

    /// <summary>The request's personal data was removed (retention policy or erasure); the comment says under which rule or at whose request.</summary>
    public static readonly AuditAction Anonymise = new("Anonymise");

    /// <summary>A background step was given up on (parked); the comment says which step, after how many attempts and why, in plain words.</summary>
    public static readonly AuditAction EventParked = new("EventParked");
    /// <summary>A person had a parked step tried again; the actor is who clicked Retry, the comment names the step.</summary>
    public static readonly AuditAction EventRetried = new("EventRetried");
    /// <summary>A person dismissed a parked step, which will not be done; the actor is who dismissed it, the comment names the step.</summary>
    public static readonly AuditAction EventDismissed = new("EventDismissed");

    private AuditAction(string name) => Name = name;

    /// <summary>The stored spelling ("Approve", "SlaAtRisk").</summary>
    public string Name { get; }

    /// <summary>Every action this version writes.</summary>
    public static IReadOnlyList<AuditAction> All { get; } =
    [
        Submitted, RequestApproval, SkipApproval, ApproveStage, ApprovePart, Approve, Reject, Assign, StartWork, AwaitParts,
        Schedule, AskRequester, Answer, Resolve, Confirm, Reopen, Cancel, CompleteProvisioning, RemindApprovers, SlaAtRisk,
        Escalate, ProvisioningDone, ProvisioningFailed, Reroute, ClockPaused, ClockResumed,
        OfferAlternatives, ChangeItem, RequestReapproval, SendForDelivery, AcknowledgeReceipt, KeepWaiting, SupplierOverdue,
        Reassign, NotAssigned, Reannounce,
        Deescalate,
        SubmitForReview, PassReview, FailReview, AutoClose, WorkNote, RemindRequester,
        Edit,
        ReleaseForDelivery, SubmitProvisioningForReview, RemindReceipt, ReceiptOverdue, RemindReviewers,
        SealHistory, Redact,
        Anonymise,
        AccessKept, AccessRemoved, AccessRemovalFailed,
        DataExported,
        EventParked, EventRetried, EventDismissed,
    ];

    /// <summary>The line a command of the transition table writes.</summary>
    public static AuditAction Of(RequestCommand command) => command switch
    {
        RequestCommand.RequestApproval => RequestApproval,
        RequestCommand.SkipApproval => SkipApproval,
        RequestCommand.ApproveStage => ApproveStage,
        RequestCommand.ApprovePart => ApprovePart,
        RequestCommand.Approve => Approve,
        RequestCommand.Reject => Reject,
        RequestCommand.Assign => Assign,
        RequestCommand.StartWork => StartWork,
        RequestCommand.AwaitParts => AwaitParts,
        RequestCommand.Schedule => Schedule,
        RequestCommand.AskRequester => AskRequester,
        RequestCommand.Answer => Answer,
        RequestCommand.Resolve => Resolve,
        RequestCommand.Confirm => Confirm,
        RequestCommand.Reopen => Reopen,
        RequestCommand.Cancel => Cancel,
        RequestCommand.CompleteProvisioning => CompleteProvisioning,
        RequestCommand.OfferAlternatives => OfferAlternatives,
        RequestCommand.ChangeItem => ChangeItem,
        RequestCommand.RequestReapproval => RequestReapproval,
        RequestCommand.SendForDelivery => SendForDelivery,
        RequestCommand.AcknowledgeReceipt => AcknowledgeReceipt,
        RequestCommand.SubmitForReview => SubmitForReview,
        RequestCommand.PassReview => PassReview,
        RequestCommand.FailReview => FailReview,
        RequestCommand.AutoClose => AutoClose,
        RequestCommand.ReleaseForDelivery => ReleaseForDelivery,
        RequestCommand.SubmitProvisioningForReview => SubmitProvisioningForReview,
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "A command without an audit action."),
    };

    /// <summary>An approver's decision on a stage (the stage also keeps the decision and its comment).</summary>
    public bool IsDecision => this == ApproveStage || this == ApprovePart || this == Approve || this == Reject;

    /// <summary>
    /// A line whose comment is for the team only (a work note, a failed quality check's reason, resolution notes not yet
    /// checked): the requester never reads it.
    /// </summary>
    public bool IsInternal => this == WorkNote || this == FailReview || this == SubmitForReview
        || this == EventParked || this == EventRetried || this == EventDismissed;

    public override string ToString() => Name ?? "";

    /// <summary>A stored name, known or not.</summary>
    internal static AuditAction FromStored(string name) => new(name);
}

/// <summary>Reads and writes an <see cref="AuditAction"/> as its bare name, the JSON string documents have always held.</summary>
internal sealed class AuditActionJsonConverter : JsonConverter<AuditAction>
{
    public override AuditAction Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? AuditAction.FromStored(reader.GetString()!)
            : throw new JsonException($"An audit action is a string, not {reader.TokenType}.");

    public override void Write(Utf8JsonWriter writer, AuditAction value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Name);
}
