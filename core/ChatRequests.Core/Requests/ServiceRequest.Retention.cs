using System.Text.Json.Serialization;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Sla;

namespace ChatRequests.Core.Requests;

// Retention (GDPR/SOX): a final request is anonymised a number of days after it became final, and its document deleted
// a number of years after that. Both instants derive from the document, so the SLA sweep's index finds them, and the
// anonymisation is marked in the document, so it happens once across restarts and with several sweepers.
public sealed partial class ServiceRequest
{
    /// <summary>Who an anonymised request names instead of its requester.</summary>
    public const string FormerEmployeeName = "Former employee";

    /// <summary>The retention rule the request is kept under; null: kept as it is (no policy).</summary>
    [JsonInclude, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public RetentionRule? Retention { get; internal set; }

    /// <summary>When the personal data was removed, by whom and why; null while it is kept.</summary>
    [JsonInclude, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Anonymisation? Anonymised { get; internal set; }

    /// <summary>When the request became final (closed, rejected, cancelled), from its history; null while open.</summary>
    [JsonIgnore]
    public DateTimeOffset? FinalAt =>
        State.IsFinal() ? _history.LastOrDefault(h => h.To.IsFinal() && !h.From.IsFinal())?.At ?? UpdatedAt : null;

    /// <summary>When the retention rule anonymises the request; null when it never does or already did.</summary>
    [JsonIgnore]
    public DateTimeOffset? AnonymiseDueAt =>
        Anonymised is null && FinalAt is { } final && Retention?.AnonymiseAfterDays is { } days ? final.AddDays(days) : null;

    /// <summary>
    /// When the anonymised request's document is deleted (its audit kept long enough): the rule's years after it became
    /// final, never before it was anonymised; null when it is kept.
    /// </summary>
    [JsonIgnore]
    public DateTimeOffset? DeleteDueAt =>
        Anonymised is { } done && FinalAt is { } final && Retention?.KeepAuditYears is { } years
            ? Max(final.AddYears(years), done.At)
            : null;

    /// <summary>The next instant of the retention rule (<see cref="SlaPolicy.NextCheckAt"/>).</summary>
    [JsonIgnore] internal DateTimeOffset? RetentionCheckAt => AnonymiseDueAt ?? DeleteDueAt;

    /// <summary>
    /// Takes the organisation's current retention settings; returns whether the rule changed (the sweep saves it then).
    /// Called on submission, and by the sweep for requests logged under other settings (or before there were any).
    /// </summary>
    public bool AdoptRetention(RetentionSettings? settings)
    {
        var rule = RetentionRule.From(settings);
        if (rule == Retention)
        {
            return false;
        }

        Retention = rule;
        return true;
    }

    /// <summary>The retention branch of <see cref="CheckSla"/>: anonymises a final request when its rule says so (once).</summary>
    private SlaOutcome? Retain(DateTimeOffset now)
    {
        if (AnonymiseDueAt is { } due && now >= due)
        {
            Anonymise(PersonRef.System, $"retention policy: {Retention!.Describe}", now);
            return SlaOutcome.None with { Anonymised = true };
        }

        return DeleteDueAt is { } delete && now >= delete ? SlaOutcome.None with { Expired = true } : null;
    }

    /// <summary>
    /// Removes the personal data of a final request: the requester becomes a <see cref="FormerEmployeeName"/> with a random
    /// id (stable from now on, never derived from the person); the justification, answers, notes, question and answer,
    /// feedback comment, approvers' comments and the requester's edits go. The figures stay (dates, states, item,
    /// category, team, priority, rating, SLA marks), and so do the approvers and agents, who acted in their role. The
    /// history says when, by whom and why.
    /// </summary>
    /// <summary>
    /// Records that the request went into a data-subject export of its requester's data, asked by <paramref name="auditor"/>:
    /// who saw a person's data is part of the audit. It changes nothing else (not the time of the last change either).
    /// </summary>
    public void RecordDataSubjectExport(PersonRef auditor, DateTimeOffset now) =>
        Record(now, auditor, AuditAction.DataExported, State, State, $"Included in an export of {Requester.Name}'s data asked by {auditor.Name}");

    public void Anonymise(PersonRef by, string why, DateTimeOffset now)
    {
        if (!State.IsFinal())
        {
            throw new RequestRuleException($"{Id} is still open: it can be anonymised once it is closed, rejected or cancelled.");
        }

        if (Anonymised is not null)
        {
            return;
        }

        var requesterId = Requester.Id;
        var former = new PersonRef("former-" + Guid.NewGuid().ToString("N"), FormerEmployeeName);
        Requester = former;
        Justification = "";
        _fields.Clear();
        StatusNote = null;
        ResolutionNotes = null;
        WorkNote = null;
        AssignmentNote = null;
        Question = null;
        Edits = [];
        Feedback = Feedback is null ? null : Feedback with { Comment = null };
        Offer = Offer is null ? null : Offer with { Note = null, ReapprovalReason = null };
        Review = Review is null ? null : Review with { Reason = null };
        Delivery = Delivery is { ReceivedBy: not null } delivery ? delivery with { ReceivedBy = former } : Delivery;
        _approvals = [.. _approvals.Select(WithoutComments)];
        _outbox = [.. _outbox.Select(e => e with { Actor = e.Actor.Id == requesterId ? former : e.Actor, Comment = null })];
        Anonymised = new Anonymisation(now, by, why);
        RedactPersonalHistory(requesterId, by, why, now);
        Raise(RequestEventType.Anonymised, by, now, null);
    }

    private static ApprovalStage WithoutComments(ApprovalStage stage) => stage with
    {
        Decision = stage.Decision is null ? null : stage.Decision with { Comment = null },
        ApprovedBy = [.. stage.ApprovedBy.Select(d => d with { Comment = null })],
    };

    /// <summary>
    /// The history's personal data, redacted through the chain (ADR 0016: the chain still verifies): every line the
    /// requester wrote and every line's free text. Then one line says the request was anonymised, by whom and why.
    /// </summary>
    private void RedactPersonalHistory(string requesterId, PersonRef by, string why, DateTimeOffset now)
    {
        RedactHistory(h => h.Actor.Id == requesterId || h.Comment is not null, by, why, now);
        UpdatedAt = now;
        Record(now, by, AuditAction.Anonymise, State, State, $"Personal data removed ({why})");
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
