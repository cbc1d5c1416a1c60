using System.Text.Json.Serialization;

namespace ChatRequests.Core.Requests;

/// <summary>A person as the request remembers them (a snapshot: names survive directory changes).</summary>
public sealed record PersonRef(string Id, string Name)
{
    /// <summary>Who the audit history names for what the bot does by itself (SLA sweep, automatic provisioning).</summary>
    public static PersonRef System { get; } = new("system", "ChatRequests");
}

/// <summary>How the catalog labelled a field when the request was logged ("sharePath" is "Folder path"), so every card says it as the form did.</summary>
public sealed record FieldLabel(string Id, string Label)
{
    /// <summary>
    /// Whether the catalog marked the field sensitive when the request was logged, so a later catalog change does not
    /// unmask it; false in documents written before it was kept (and not written while false).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Sensitive { get; init; }

    /// <summary>The labels of <paramref name="item"/>'s fields, in catalog order, as a request logged now keeps them.</summary>
    public static IReadOnlyList<FieldLabel> Of(Catalog.CatalogItem item) =>
        [.. item.Fields.Select(f => new FieldLabel(f.Id, f.Label) { Sensitive = f.Sensitive })];
}

/// <summary>
/// One line of a request's audit history, chained to the line before it (<see cref="Audit.HistoryChain"/>, ADR 0016):
/// <see cref="Digest"/> fingerprints its content, <see cref="Hash"/> that and the previous line's hash.
/// </summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    PersonRef Actor,
    AuditAction Action,
    RequestState From,
    RequestState To,
    string? Comment)
{
    /// <summary>Who a redacted line names instead of its actor.</summary>
    public static PersonRef RedactedActor { get; } = new("redacted", "(redacted)");

    /// <summary>What a redacted line says instead of its comment.</summary>
    public const string RedactedText = "(redacted)";

    /// <summary>Hex SHA-256 of the line's canonical content as it was written; null in lines written before the chain.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Digest { get; init; }

    /// <summary>Hex SHA-256 of the previous line's hash and this <see cref="Digest"/>; null in lines written before the chain.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Hash { get; init; }

    /// <summary>Its actor and comment were replaced by the placeholders (anonymisation); its digest and hash are the original ones.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Redacted { get; init; }
}

/// <summary>A decision taken on an approval stage, by <see cref="ById"/>, for <see cref="OnBehalfOf"/> when they stood in for someone.</summary>
public sealed record ApprovalDecision(bool Approved, string ById, string ByName, DateTimeOffset At, string? Comment)
{
    /// <summary>The approver a delegate decided for; null when the approver decided themself (and not written then).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PersonRef? OnBehalfOf { get; init; }

    /// <summary>Who decided, as people read it: "Grace Liu on behalf of Tomás Ortega".</summary>
    [JsonIgnore]
    public string ByWhom => StandIn.Describe(ByName, OnBehalfOf);
}

/// <summary>
/// Someone deciding a stage for an approver: the approver's delegate, or their manager while they are away.
/// <see cref="Why"/> is the history's explanation ("delegated until 31 Dec 2026").
/// </summary>
public sealed record StandIn(PersonRef Delegate, PersonRef For, string Why)
{
    public static string Describe(string name, PersonRef? onBehalfOf) => onBehalfOf is null ? name : $"{name} on behalf of {onBehalfOf.Name}";
}

/// <summary>How the approvers of one stage decide it.</summary>
public enum ApprovalMode
{
    /// <summary>The first decision of any approver decides the stage (documents written before modes were kept read as this).</summary>
    Any,
    /// <summary>Every approver must approve; the first rejection ends the stage and the request.</summary>
    All,
}

/// <summary>
/// Who a stage goes to instead when none of its approvers may decide it (segregation of duties: they decided an
/// earlier stage), worked out when the request was logged; <see cref="Why"/> is the history's explanation.
/// </summary>
public sealed record StageRoute(string Why, IReadOnlyList<PersonRef> Approvers);

/// <summary>
/// One approval stage: its approvers, asked at once, decide it as <see cref="Mode"/> says. The approvers may change
/// after the request was logged (a stage rerouted, with the reason in the history), so a decision names who took it.
/// </summary>
public sealed record ApprovalStage(string Name, IReadOnlyList<PersonRef> Approvers)
{
    /// <summary>How the stage ended: the deciding approval or rejection; null while it waits.</summary>
    public ApprovalDecision? Decision { get; init; }

    // What stages of older documents lack is not written while it has its default, so such a document is saved back unchanged.
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ApprovalMode Mode { get; init; } = ApprovalMode.Any;

    /// <summary>In an <see cref="ApprovalMode.All"/> stage, the approvals given so far (the last one is also <see cref="Decision"/>).</summary>
    [JsonIgnore]
    public IReadOnlyList<ApprovalDecision> ApprovedBy { get; init; } = [];

    /// <summary>Where the stage goes, in order, when none of its approvers may decide it; empty when that cannot happen.</summary>
    [JsonIgnore]
    public IReadOnlyList<StageRoute> Fallbacks { get; init; } = [];

    [JsonInclude, JsonPropertyName("approvedBy"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    internal IReadOnlyList<ApprovalDecision>? StoredApprovedBy
    {
        get => ApprovedBy.Count == 0 ? null : ApprovedBy;
        init => ApprovedBy = value ?? [];
    }

    [JsonInclude, JsonPropertyName("fallbacks"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    internal IReadOnlyList<StageRoute>? StoredFallbacks
    {
        get => Fallbacks.Count == 0 ? null : Fallbacks;
        init => Fallbacks = value ?? [];
    }

    /// <summary>Approvers Teams refused to reach for good (not found, bot blocked); the stage is never put to them again.</summary>
    [JsonIgnore]
    public IReadOnlyList<PersonRef> Unreachable { get; init; } = [];

    [JsonInclude, JsonPropertyName("unreachable"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    internal IReadOnlyList<PersonRef>? StoredUnreachable
    {
        get => Unreachable.Count == 0 ? null : Unreachable;
        init => Unreachable = value ?? [];
    }

    /// <summary>When the stage was put to its approvers; null in documents written before it was recorded.</summary>
    public DateTimeOffset? RequestedAt { get; init; }

    /// <summary>When its approvers were reminded (once per stage); null while they were not.</summary>
    public DateTimeOffset? RemindedAt { get; init; }

    /// <summary>
    /// Hours the approvers have to answer before the stage goes to its first fallback (the catalog item's approval
    /// timeout, as of submission); null: no timeout. Not written while null, so older documents read as before.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? TimeoutHours { get; init; }

    /// <summary>When the stage timed out (once per stage: the fallback it went to is not timed out again).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? TimedOutAt { get; init; }

    /// <summary>
    /// When its approvers are reminded, counted in the team's working time when the stage was put to them; null when
    /// every hour counts (and in older documents): then 24 hours after <see cref="RequestedAt"/>.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? ReminderDueAt { get; init; }

    /// <summary>When the stage times out, in the team's working time as <see cref="ReminderDueAt"/>; null: computed from <see cref="TimeoutHours"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? TimeoutDueAt { get; init; }

    /// <summary>Who the stage was taken from for not answering in time: their cards say where it went, and no route puts it back to them.</summary>
    [JsonIgnore]
    public IReadOnlyList<PersonRef> Late { get; init; } = [];

    [JsonInclude, JsonPropertyName("late"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    internal IReadOnlyList<PersonRef>? StoredLate
    {
        get => Late.Count == 0 ? null : Late;
        init => Late = value ?? [];
    }

    public bool WasLate(string personId) => Late.Any(p => p.Id == personId);

    /// <summary>The approvers of the stage who stand in for someone (a delegate, a manager while the approver is away).</summary>
    [JsonIgnore]
    public IReadOnlyList<StandIn> StandIns { get; init; } = [];

    [JsonInclude, JsonPropertyName("standIns"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    internal IReadOnlyList<StandIn>? StoredStandIns
    {
        get => StandIns.Count == 0 ? null : StandIns;
        init => StandIns = value ?? [];
    }

    /// <summary>Who passed the stage on to someone else ("Ask someone else"): their cards say to whom, and they may still view it.</summary>
    [JsonIgnore]
    public IReadOnlyList<Handover> Handovers { get; init; } = [];

    [JsonInclude, JsonPropertyName("handovers"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    internal IReadOnlyList<Handover>? StoredHandovers
    {
        get => Handovers.Count == 0 ? null : Handovers;
        init => Handovers = value ?? [];
    }

    /// <summary>Whom <paramref name="approverId"/> decides this stage for; null when they decide for themself.</summary>
    public PersonRef? OnBehalfOf(string approverId) => StandIns.FirstOrDefault(s => s.Delegate.Id == approverId)?.For;

    public bool IsApprover(string personId) => Approvers.Any(a => a.Id == personId);

    /// <summary>
    /// Whether the stage was put to <paramref name="personId"/>, so that they hold its card: an approver now, one who
    /// passed it on ("Ask someone else"), or one it was taken from for not answering in time.
    /// </summary>
    public bool WasPutTo(string personId) => IsApprover(personId) || WasLate(personId) || Handovers.Any(h => h.From.Id == personId);

    /// <summary>The approvers whose decision the stage still waits for: none once decided.</summary>
    [JsonIgnore]
    public IReadOnlyList<PersonRef> Awaiting =>
        Decision is not null ? [] : [.. Approvers.Where(a => !ApprovedBy.Any(d => d.ById == a.Id))];

    /// <summary>The approvers still awaited as people read them: a stand-in is "Grace Liu on behalf of Tomás Ortega".</summary>
    [JsonIgnore]
    public IReadOnlyList<PersonRef> AwaitingNamed =>
        [.. Awaiting.Select(a => OnBehalfOf(a.Id) is { } of ? a with { Name = StandIn.Describe(a.Name, of) } : a)];

    /// <summary>Waiting only for people who cannot be reached: nobody can decide it until the service desk steps in.</summary>
    [JsonIgnore]
    public bool IsStuck => Awaiting.Count > 0 && Awaiting.All(a => Unreachable.Any(u => u.Id == a.Id));

    /// <summary>Whether <paramref name="personId"/> took part in deciding this stage.</summary>
    public bool WasDecidedBy(string personId) => Decision?.ById == personId || ApprovedBy.Any(d => d.ById == personId);
}

/// <summary>An approver of a pending stage asked someone else to decide it in their place ("Ask someone else").</summary>
public sealed record Handover(PersonRef From, PersonRef To, DateTimeOffset At);

/// <summary>A question an agent asked the requester, and the answer once given.</summary>
public sealed record RequesterQuestion(PersonRef AskedBy, string Text, DateTimeOffset AskedAt)
{
    public string? Answer { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }
}

/// <summary>The requester's closing feedback.</summary>
public sealed record Feedback(int Rating, string? Comment, DateTimeOffset At);

/// <summary>What became of a stage whose approver could not be reached (<see cref="ServiceRequest.RerouteUnreachable"/>).</summary>
public enum RerouteOutcome
{
    /// <summary>The person was no longer awaited: nothing changed.</summary>
    Unchanged,
    /// <summary>The person left the stage; others of it are still asked.</summary>
    Dropped,
    /// <summary>The stage went to its next fallback.</summary>
    Rerouted,
    /// <summary>Nobody who may decide the stage can be reached.</summary>
    Stuck,
}
