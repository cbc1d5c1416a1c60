namespace ChatRequests.Core.Requests;

/// <summary>A person as the request remembers them (a snapshot: names survive directory changes).</summary>
public sealed record PersonRef(string Id, string Name)
{
    /// <summary>Who the audit history names for what the bot does by itself (SLA sweep, automatic provisioning).</summary>
    public static PersonRef System { get; } = new("system", "ChatRequests");
}

/// <summary>How the catalog labelled a field when the request was logged ("sharePath" is "Folder path"), so every card says it as the form did.</summary>
public sealed record FieldLabel(string Id, string Label);

/// <summary>One line of a request's audit history.</summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    PersonRef Actor,
    AuditAction Action,
    RequestState From,
    RequestState To,
    string? Comment);

/// <summary>A decision taken on an approval stage.</summary>
public sealed record ApprovalDecision(bool Approved, string ById, string ByName, DateTimeOffset At, string? Comment);

/// <summary>One approval stage: any one of its approvers decides for the stage.</summary>
public sealed record ApprovalStage(string Name, IReadOnlyList<PersonRef> Approvers)
{
    public ApprovalDecision? Decision { get; init; }

    /// <summary>When the stage was put to its approvers; null in documents written before it was recorded.</summary>
    public DateTimeOffset? RequestedAt { get; init; }

    /// <summary>When its approvers were reminded (once per stage); null while they were not.</summary>
    public DateTimeOffset? RemindedAt { get; init; }

    public bool IsApprover(string personId) => Approvers.Any(a => a.Id == personId);
}

/// <summary>A question an agent asked the requester, and the answer once given.</summary>
public sealed record RequesterQuestion(PersonRef AskedBy, string Text, DateTimeOffset AskedAt)
{
    public string? Answer { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }
}

/// <summary>The requester's closing feedback.</summary>
public sealed record Feedback(int Rating, string? Comment, DateTimeOffset At);
