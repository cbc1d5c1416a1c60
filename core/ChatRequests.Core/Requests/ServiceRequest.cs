using System.Text.Json.Serialization;
using ChatRequests.Core.BusinessHours;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Provisioning;
using ChatRequests.Core.Sla;

namespace ChatRequests.Core.Requests;

/// <summary>
/// A service request: the unit of consistency. State, approvals, audit history and the outbox of pending
/// events live in this one document and are saved atomically with a version check.
/// </summary>
public sealed partial class ServiceRequest
{
    private List<ApprovalStage> _approvals = [];
    private List<AuditEntry> _history = [];
    private List<OutboxEvent> _outbox = [];
    private Dictionary<string, string> _fields = [];

    // The stored members are internal, not private, so that the document's generated writer (RequestDocumentWriter) sees
    // them; reads still go through reflection (RequestJson.Options).
    [JsonConstructor]
    internal ServiceRequest()
    {
    }

    /// <summary>The human-readable number, e.g. REQ-000042; also the document id.</summary>
    [JsonInclude] public string Id { get; internal set; } = "";
    /// <summary>Set by the store only: incremented on every save, the optimistic concurrency token.</summary>
    [JsonInclude] public long Version { get; set; }
    /// <summary>The id of the form that created it: a second submit of the same form finds this request.</summary>
    [JsonInclude] public string SubmissionKey { get; internal set; } = "";
    [JsonInclude] public PersonRef Requester { get; internal set; } = null!;
    [JsonInclude] public string CatalogItemId { get; internal set; } = "";
    [JsonInclude] public string ItemName { get; internal set; } = "";
    [JsonInclude] public string Category { get; internal set; } = "";
    [JsonInclude] public string? CostText { get; internal set; }
    [JsonInclude] public string Justification { get; internal set; } = "";
    [JsonInclude] public PriorityAssessment Priority { get; internal set; } = null!;
    [JsonInclude] public string TeamId { get; internal set; } = "";
    [JsonInclude] public string TeamName { get; internal set; } = "";
    [JsonInclude] public RequestState State { get; internal set; }
    [JsonInclude] public int CurrentStage { get; internal set; }
    [JsonInclude] public PersonRef? Assignee { get; internal set; }
    [JsonInclude] public string? StatusNote { get; internal set; }
    [JsonInclude] public RequesterQuestion? Question { get; internal set; }
    [JsonInclude] public string? ResolutionNotes { get; internal set; }
    [JsonInclude] public Feedback? Feedback { get; internal set; }
    [JsonInclude] public DateTimeOffset SubmittedAt { get; internal set; }
    [JsonInclude] public DateTimeOffset DueAt { get; internal set; }
    [JsonInclude] public DateTimeOffset UpdatedAt { get; internal set; }
    /// <summary>
    /// When the request becomes at risk (3/4 of its target in the team's working time), fixed at submission; null in
    /// documents written before it was stored, which compute it from <see cref="SubmittedAt"/> and <see cref="DueAt"/>.
    /// </summary>
    [JsonInclude, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateTimeOffset? AtRiskAt { get; internal set; }
    /// <summary>When the team was told the request is at risk of missing its target (once).</summary>
    [JsonInclude] public DateTimeOffset? SlaWarnedAt { get; internal set; }
    /// <summary>When the breached target was escalated to the team lead (once).</summary>
    [JsonInclude] public DateTimeOffset? SlaEscalatedAt { get; internal set; }
    /// <summary>The catalog item's automatic provisioning as it was when the request was logged; null when there is none.</summary>
    [JsonInclude] public ProvisioningPlan? Provisioning { get; internal set; }
    /// <summary>Where that provisioning stands; null when there is none.</summary>
    [JsonInclude] public ProvisioningStatus? ProvisioningStatus { get; internal set; }
    /// <summary>Why no approval was needed although the item has some ("pre-authorised: Engineering gets ..."); null otherwise.</summary>
    [JsonInclude, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? PreAuthorisation { get; internal set; }

    /// <summary>
    /// The next instant the SLA sweep has something to do for this request (<see cref="SlaPolicy.NextCheckAt"/>), null
    /// when nothing. Derived from the document on every read, so it can never lag behind a change; it is written into
    /// the stored document for the stores' "SLA check due" query, and ignored when a document is read back.
    /// </summary>
    public DateTimeOffset? SlaCheckAt => SlaPolicy.NextCheckAt(this);

    /// <summary>
    /// The labels of the catalog item's fields, in catalog order, as they were when the request was logged; empty in
    /// documents written before they were kept.
    /// </summary>
    [JsonInclude] public IReadOnlyList<FieldLabel> FieldLabels { get; internal set; } = [];

    [JsonInclude]
    public IReadOnlyDictionary<string, string> Fields
    {
        get => _fields;
        internal set => _fields = new Dictionary<string, string>(value);
    }

    [JsonInclude]
    public IReadOnlyList<ApprovalStage> Approvals
    {
        get => _approvals;
        internal set => _approvals = [.. value];
    }

    [JsonInclude]
    public IReadOnlyList<AuditEntry> History
    {
        get => _history;
        internal set => _history = [.. value];
    }

    [JsonInclude]
    public IReadOnlyList<OutboxEvent> Outbox
    {
        get => _outbox;
        internal set => _outbox = [.. value];
    }

    [JsonIgnore] public ApprovalStage? PendingStage =>
        State == RequestState.AwaitingApproval && CurrentStage < _approvals.Count ? _approvals[CurrentStage] : null;

    /// <summary>Everything needed to log a new request.</summary>
    public sealed record Draft(
        string Id,
        string SubmissionKey,
        PersonRef Requester,
        string CatalogItemId,
        string ItemName,
        string Category,
        string? CostText,
        string Justification,
        IReadOnlyDictionary<string, string> Fields,
        PriorityAssessment Priority,
        string TeamId,
        string TeamName,
        DateTimeOffset DueAt,
        IReadOnlyList<ApprovalStage> Approvals,
        ProvisioningPlan? Provisioning = null,
        IReadOnlyList<FieldLabel>? FieldLabels = null,
        string? PreAuthorisation = null,
        IReadOnlyDictionary<string, StandIn>? StandIns = null,
        DateTimeOffset? AtRiskAt = null,
        WorkingCalendar? Calendar = null,
        bool DeliversItem = false,
        bool Restricted = false);

    /// <summary>Logs a request and sends it on: to its first approval stage, or straight to approved when none is needed.</summary>
    public static ServiceRequest Submit(Draft draft, DateTimeOffset now)
    {
        var request = new ServiceRequest
        {
            Id = draft.Id,
            SubmissionKey = draft.SubmissionKey,
            Requester = draft.Requester,
            CatalogItemId = draft.CatalogItemId,
            ItemName = draft.ItemName,
            Category = draft.Category,
            CostText = draft.CostText,
            Justification = draft.Justification,
            _fields = new Dictionary<string, string>(draft.Fields),
            FieldLabels = [.. draft.FieldLabels ?? []],
            Priority = draft.Priority,
            TeamId = draft.TeamId,
            TeamName = draft.TeamName,
            DueAt = draft.DueAt,
            AtRiskAt = draft.AtRiskAt,
            DeliversItem = draft.DeliversItem,
            Restricted = draft.Restricted,
            _approvals = [.. draft.Approvals],
            Provisioning = draft.Provisioning,
            ProvisioningStatus = draft.Provisioning is null ? null : Core.Provisioning.ProvisioningStatus.Pending,
            PreAuthorisation = draft.Approvals.Count == 0 ? draft.PreAuthorisation : null,
            State = RequestState.Submitted,
            SubmittedAt = now,
            UpdatedAt = now,
        };
        request.Record(now, draft.Requester, AuditAction.Submitted, RequestState.Submitted, RequestState.Submitted, null);

        if (request._approvals.Count == 0)
        {
            request.Apply(RequestCommand.SkipApproval, draft.Requester, now, request.PreAuthorisation ?? "No approval needed for this item");
            request.Raise(RequestEventType.Approved, draft.Requester, now, null);
            request.RequestProvisioning(draft.Requester, now);
        }
        else
        {
            request.Apply(RequestCommand.RequestApproval, draft.Requester, now, null);
            request.PutStage(0, now, draft.StandIns, draft.Calendar);
            request.Raise(RequestEventType.ApprovalRequested, draft.Requester, now, null);
        }

        return request;
    }

    /// <summary>
    /// An approver decides the current stage. <paramref name="stage"/> is the stage the approver's card was
    /// for, so a click on an old card is told it was already decided rather than deciding a later stage. A delegate's
    /// decision names whom it was taken for; <paramref name="standIns"/> (by the id of the person they stand in for) are
    /// who decides the next stage instead of its approvers (<see cref="PutStage"/>); the next stage's reminder counts on
    /// the team's <paramref name="calendar"/>.
    /// </summary>
    public void Decide(
        PersonRef approver, bool approve, string? comment, int stage, DateTimeOffset now, IReadOnlyDictionary<string, StandIn>? standIns = null,
        WorkingCalendar? calendar = null)
    {
        if (stage < 0 || stage >= _approvals.Count)
        {
            throw new RequestRuleException("That approval does not belong to this request.");
        }

        if (approver.Id == Requester.Id)
        {
            throw new NotPermittedException("You cannot approve or reject your own request.");
        }

        var target = _approvals[stage];
        if (!target.IsApprover(approver.Id))
        {
            throw new NotPermittedException("You are not an approver of this request.");
        }

        if ((target.Decision ?? target.ApprovedBy.FirstOrDefault(d => d.ById == approver.Id)) is { } earlier)
        {
            throw new AlreadyDecidedException(earlier, now);
        }

        if (State != RequestState.AwaitingApproval || stage != CurrentStage)
        {
            throw new RequestTransitionException(State, approve ? RequestCommand.Approve : RequestCommand.Reject);
        }

        comment = Normalise(comment);
        if (!approve && comment is null)
        {
            throw new RequestRuleException("Please give a reason when you reject a request.");
        }

        var onBehalfOf = target.OnBehalfOf(approver.Id);
        var decision = new ApprovalDecision(approve, approver.Id, approver.Name, now, comment) { OnBehalfOf = onBehalfOf };
        // The history and the notices name both people: "Grace Liu on behalf of Tomás Ortega".
        approver = approver with { Name = decision.ByWhom };
        if (!approve)
        {
            _approvals[stage] = target with { Decision = decision };
            Apply(RequestCommand.Reject, approver, now, comment);
            Raise(RequestEventType.Rejected, approver, now, comment);
            return;
        }

        var approvedBy = target.Mode == ApprovalMode.All ? [.. target.ApprovedBy, decision] : target.ApprovedBy;
        if (target.Mode == ApprovalMode.All && target.Awaiting.Count > 1)
        {
            _approvals[stage] = target with { ApprovedBy = approvedBy };
            Apply(RequestCommand.ApprovePart, approver, now, comment);
            Raise(RequestEventType.StagePartlyApproved, approver, now, comment);
            return;
        }

        _approvals[stage] = target with { Decision = decision, ApprovedBy = approvedBy };
        if (stage + 1 < _approvals.Count)
        {
            Apply(RequestCommand.ApproveStage, approver, now, comment);
            CurrentStage = stage + 1;
            PutStage(CurrentStage, now, standIns, calendar);
            Raise(RequestEventType.StageApproved, approver, now, comment);
            Raise(RequestEventType.ApprovalRequested, approver, now, null);
        }
        else
        {
            Apply(RequestCommand.Approve, approver, now, comment);
            Raise(RequestEventType.Approved, approver, now, comment);
            RequestProvisioning(approver, now);
        }
    }

    /// <summary>
    /// Puts a stage to its approvers. Segregation of duties: nobody decides two stages of one request, so whoever decided
    /// an earlier stage is left out; a stage left with nobody goes to its first fallback with someone else in it (the
    /// approver's manager, then the item's approver group). Then an approver someone stands in for (their delegate, their
    /// manager while they are away: <paramref name="standIns"/>) is replaced by them (<see cref="WithStandIns"/>). Each
    /// change is written in the history with the reason.
    /// </summary>
    private void PutStage(int index, DateTimeOffset now, IReadOnlyDictionary<string, StandIn>? standIns = null, WorkingCalendar? calendar = null)
    {
        var stage = _approvals[index];
        var decidedBefore = DecidedEarlierInRound(index);
        bool MayDecide(PersonRef p) => !decidedBefore.Contains(p.Id) && p.Id != Requester.Id;
        var left = stage.Approvers.Where(MayDecide).ToList();
        if (left.Count < stage.Approvers.Count)
        {
            var excluded = string.Join(", ", stage.Approvers.Where(p => !MayDecide(p)).Select(p => p.Name));
            var route = left.Count > 0
                ? new StageRoute($"the rest of {stage.Name}", left)
                : stage.Fallbacks.Select(r => r with { Approvers = [.. r.Approvers.Where(MayDecide)] }).FirstOrDefault(r => r.Approvers.Count > 0);
            if (route is not null)
            {
                stage = stage with { Approvers = route.Approvers };
                Note(AuditAction.Reroute, now,
                    $"{excluded} decided an earlier step and may not decide {stage.Name} too: it goes to {string.Join(", ", route.Approvers.Select(p => p.Name))} ({route.Why})");
            }
            else
            {
                Note(AuditAction.Reroute, now, $"{excluded} decided an earlier step, but nobody else can decide {stage.Name}: it stays with them");
            }
        }

        _approvals[index] = Timed(WithStandIns(stage, standIns, MayDecide, now), now, calendar);
    }

    /// <summary>
    /// Teams could not reach <paramref name="approver"/> of the pending stage for good (<paramref name="reason"/>): the
    /// stage is taken from them at once, the same way <see cref="PutStage"/> reroutes. While others of the stage are still
    /// awaited it goes on with them; otherwise it goes to its first fallback with someone who may decide and was not found
    /// unreachable, and the requester is told where it went; with no one left it is stuck, and the requester is told so.
    /// Nothing changes when the person is no longer awaited (a redelivered event, a decision meanwhile).
    /// </summary>
    public RerouteOutcome RerouteUnreachable(
        PersonRef approver, string reason, DateTimeOffset now, IReadOnlyDictionary<string, StandIn>? standIns = null, WorkingCalendar? calendar = null)
    {
        if (PendingStage is not { } stage || !stage.Awaiting.Any(a => a.Id == approver.Id)
            || stage.Unreachable.Any(u => u.Id == approver.Id))
        {
            return RerouteOutcome.Unchanged;
        }

        var unreachable = new List<PersonRef>([.. stage.Unreachable, approver]);
        var unreachableIds = unreachable.Select(u => u.Id).ToHashSet();
        var stillAwaited = stage.Awaiting.Where(a => !unreachableIds.Contains(a.Id)).ToList();
        if (stillAwaited.Count > 0)
        {
            _approvals[CurrentStage] = stage with { Approvers = [.. stage.Approvers.Where(a => a.Id != approver.Id)], Unreachable = unreachable };
            Note(AuditAction.Reroute, now,
                $"{approver.Name} could not be reached ({reason}): {stage.Name} goes on with {string.Join(", ", stillAwaited.Select(p => p.Name))}");
            return RerouteOutcome.Dropped;
        }

        var decidedBefore = DecidedEarlierInRound(CurrentStage);
        var approvedHere = stage.ApprovedBy.Select(d => d.ById).ToHashSet();
        bool MayDecide(PersonRef p) =>
            !decidedBefore.Contains(p.Id) && !approvedHere.Contains(p.Id) && !unreachableIds.Contains(p.Id) && !stage.WasLate(p.Id) && p.Id != Requester.Id;
        var route = stage.Fallbacks.Select(r => r with { Approvers = [.. r.Approvers.Where(MayDecide)] }).FirstOrDefault(r => r.Approvers.Count > 0);
        if (route is null)
        {
            _approvals[CurrentStage] = stage with { Unreachable = unreachable };
            var stuck = $"{approver.Name} could not be reached ({reason}), and nobody else can decide {stage.Name}: it waits for the service desk";
            Note(AuditAction.Reroute, now, stuck);
            Raise(RequestEventType.ApprovalStuck, PersonRef.System, now, $"Your approval could not reach {approver.Name}, and nobody else can approve it. The service desk has been alerted.");
            return RerouteOutcome.Stuck;
        }

        // Those of an "all" stage who approved already keep their approval; the new approvers give the rest.
        var keep = stage.Approvers.Where(a => approvedHere.Contains(a.Id));
        Note(AuditAction.Reroute, now,
            $"{approver.Name} could not be reached ({reason}): {stage.Name} goes to {string.Join(", ", route.Approvers.Select(p => p.Name))} ({route.Why})");
        var rerouted = Timed(WithStandIns(stage with
        {
            Approvers = [.. keep, .. route.Approvers], Unreachable = unreachable, RequestedAt = now, RemindedAt = null,
        }, standIns, MayDecide, now), now, calendar);
        _approvals[CurrentStage] = rerouted;
        var to = string.Join(", ", rerouted.AwaitingNamed.Where(a => !approvedHere.Contains(a.Id)).Select(p => p.Name));
        Raise(RequestEventType.ApprovalRerouted, PersonRef.System, now, $"Your approval could not reach {approver.Name}; it went to {to}.");
        Raise(RequestEventType.ApprovalRequested, PersonRef.System, now, null);
        return RerouteOutcome.Rerouted;
    }

    /// <summary>
    /// The pending stage was not answered in <paramref name="hours"/>: it goes to its first fallback with someone who may
    /// decide (the approver's manager, then the item's group), through the same reroute line as <see cref="PutStage"/>;
    /// the requester is told, the new approvers get the card and the late ones' cards say where it went. With nobody
    /// else it stays with them and the history says so.
    /// </summary>
    private void TimeOut(ApprovalStage stage, int hours, DateTimeOffset now, IReadOnlyDictionary<string, StandIn>? standIns, WorkingCalendar? calendar)
    {
        var late = stage.Awaiting;
        var lateNames = string.Join(", ", late.Select(a => a.Name));
        // Counted on a team calendar when the stage stored its timeout instant: then the hours are working hours.
        var waited = stage.TimeoutDueAt is null ? $"{hours} hours" : $"{hours} working hours";
        var route = TimeoutRoute();
        if (route is null)
        {
            _approvals[CurrentStage] = stage with { TimedOutAt = now };
            Note(AuditAction.Reroute, now, $"{lateNames} did not answer in {waited}, and nobody else can decide {stage.Name}: it stays with them");
            return;
        }

        var keep = stage.Approvers.Where(a => stage.ApprovedBy.Any(d => d.ById == a.Id));
        Note(AuditAction.Reroute, now,
            $"{lateNames} did not answer in {waited}: {stage.Name} goes to {string.Join(", ", route.Approvers.Select(p => p.Name))} ({route.Why})");
        var rerouted = Timed(WithStandIns(stage with
        {
            Approvers = [.. keep, .. route.Approvers], RequestedAt = now, RemindedAt = null, TimedOutAt = now, Late = late,
        }, standIns, MayTakeOverAfterTimeout(stage), now), now, calendar);
        _approvals[CurrentStage] = rerouted;
        var to = string.Join(", ", rerouted.AwaitingNamed.Where(a => !stage.ApprovedBy.Any(d => d.ById == a.Id)).Select(p => p.Name));
        Raise(RequestEventType.ApprovalRerouted, PersonRef.System, now, $"{lateNames} did not answer your approval in {waited}; it went to {to}.");
        Raise(RequestEventType.ApprovalTimedOut, PersonRef.System, now, null);
        Raise(RequestEventType.ApprovalRequested, PersonRef.System, now, null);
    }

    /// <summary>
    /// Where the pending stage goes if its approvers do not answer in time: its first fallback with someone who may
    /// decide (not the requester, nobody who decided an earlier stage or approved this one, nobody unreachable or
    /// awaited now); null when nobody else can decide it. The requester's "Next" line names it before it happens.
    /// </summary>
    public StageRoute? TimeoutRoute()
    {
        if (PendingStage is not { } stage)
        {
            return null;
        }

        var mayDecide = MayTakeOverAfterTimeout(stage);
        return stage.Fallbacks.Select(r => r with { Approvers = [.. r.Approvers.Where(mayDecide)] }).FirstOrDefault(r => r.Approvers.Count > 0);
    }

    /// <summary>Who may take <paramref name="stage"/> over when it times out (<see cref="TimeoutRoute"/>), and stand in there.</summary>
    private Func<PersonRef, bool> MayTakeOverAfterTimeout(ApprovalStage stage)
    {
        var decidedBefore = DecidedEarlierInRound(CurrentStage);
        var excluded = stage.ApprovedBy.Select(d => d.ById).Concat(stage.Awaiting.Select(a => a.Id)).Concat(stage.Unreachable.Select(u => u.Id)).ToHashSet();
        return p => !decidedBefore.Contains(p.Id) && !excluded.Contains(p.Id) && p.Id != Requester.Id;
    }

    private static IEnumerable<string> DecidersOf(ApprovalStage stage) =>
        stage.ApprovedBy.Select(d => d.ById).Concat(stage.Decision is { } d ? [d.ById] : []);

    /// <summary>Assigns the request; from awaiting parts this resumes its clock on the team's <paramref name="calendar"/>.</summary>
    public void Assign(PersonRef actor, PersonRef assignee, DateTimeOffset now, WorkingCalendar? calendar = null)
    {
        if (State == RequestState.Assigned && Assignee?.Id == assignee.Id)
        {
            throw new RequestRuleException($"{Id} is already assigned to {assignee.Name}.");
        }

        Apply(RequestCommand.Assign, actor, now, $"Assigned to {assignee.Name}", calendar);
        Assignee = assignee;
        StatusNote = null;
        Raise(RequestEventType.Assigned, actor, now, null);
    }

    /// <summary>
    /// An agent moves the work on: in progress, awaiting parts or scheduled, with an optional note. Awaiting parts stops
    /// the target clock; leaving it (or the requester's question) resumes it on the team's <paramref name="calendar"/>.
    /// </summary>
    public void SetStatus(PersonRef agent, RequestState status, string? note, DateTimeOffset now, WorkingCalendar? calendar = null)
    {
        var command = status switch
        {
            RequestState.InProgress => RequestCommand.StartWork,
            RequestState.AwaitingParts => RequestCommand.AwaitParts,
            RequestState.Scheduled => RequestCommand.Schedule,
            _ => throw new RequestRuleException("Choose a status: in progress, awaiting parts or scheduled."),
        };
        note = Normalise(note);
        Apply(command, agent, now, note, calendar);
        Assignee ??= agent;
        StatusNote = note;
        Raise(RequestEventType.StatusChanged, agent, now, note);
    }

    public void AskRequester(PersonRef agent, string question, DateTimeOffset now)
    {
        var text = Normalise(question) ?? throw new RequestRuleException("Please type the question for the requester.");
        Apply(RequestCommand.AskRequester, agent, now, text);
        Assignee ??= agent;
        Question = new RequesterQuestion(agent, text, now);
        Raise(RequestEventType.QuestionAsked, agent, now, text);
    }

    /// <summary>The requester answers the agent's question: the target clock resumes on the team's <paramref name="calendar"/>.</summary>
    public void Answer(PersonRef requester, string answer, DateTimeOffset now, WorkingCalendar? calendar = null)
    {
        EnsureRequester(requester, "answer questions on");
        var text = Normalise(answer) ?? throw new RequestRuleException("Please type your answer.");
        Apply(RequestCommand.Answer, requester, now, text, calendar);
        Question = Question! with { Answer = text, AnsweredAt = now };
        Raise(RequestEventType.QuestionAnswered, requester, now, text);
    }

    public void Confirm(PersonRef requester, int rating, string? comment, DateTimeOffset now)
    {
        EnsureRequester(requester, "confirm");
        if (rating is < 1 or > 5)
        {
            throw new RequestRuleException("Please rate from 1 to 5.");
        }

        comment = Normalise(comment);
        Apply(RequestCommand.Confirm, requester, now, $"Rated {rating}/5{(comment is null ? "" : ": " + comment)}");
        Feedback = new Feedback(rating, comment, now);
        Raise(RequestEventType.Closed, requester, now, comment);
    }

    public void Reopen(PersonRef requester, string? reason, DateTimeOffset now)
    {
        EnsureRequester(requester, "reopen");
        EnsureReopenable(now);
        reason = Normalise(reason);
        Apply(RequestCommand.Reopen, requester, now, reason);
        ResolutionNotes = null;
        StatusNote = reason;
        Raise(RequestEventType.Reopened, requester, now, reason);
    }

    public void Cancel(PersonRef requester, string? reason, DateTimeOffset now, WorkingCalendar? calendar = null)
    {
        EnsureRequester(requester, "cancel");
        reason = Normalise(reason);
        Apply(RequestCommand.Cancel, requester, now, reason, calendar);
        Raise(RequestEventType.Cancelled, requester, now, reason);
    }

    /// <summary>
    /// Does what the SLA policy says is due at <paramref name="now"/>: reminds the approvers of the pending stage,
    /// warns that the target is at risk, or escalates the breached target; each once, recorded in the audit history
    /// (the state does not change) and raised as an outbox event. A breach that is due is escalated without the
    /// warning that was skipped. Calling it again at the same time does nothing.
    /// </summary>
    /// <param name="standIns">Who stands in for the people the stage may time out to (<see cref="PutStage"/>).</param>
    /// <param name="calendar">The team's, on which the stage a timeout reroutes is reminded.</param>
    /// <param name="escalations">Who the escalation ladder's levels go to (<see cref="CheckEscalations"/>).</param>
    public SlaOutcome CheckSla(
        DateTimeOffset now, IReadOnlyDictionary<string, StandIn>? standIns = null, WorkingCalendar? calendar = null, EscalationContacts? escalations = null)
    {
        if (Retain(now) is { } retained)
        {
            return retained;
        }

        if (AlertSupplierOverdue(now))
        {
            return CheckSla(now, standIns, calendar, escalations) with { AlertedSupplierLate = true };
        }

        if (Reannounce(now) is { } reannounced)
        {
            return reannounced;
        }

        if (FollowUp(now) is { } followedUp)
        {
            return CheckSla(now, standIns, calendar, escalations).Also(followedUp);
        }

        if (State == RequestState.Fulfilled)
        {
            return CheckClosing(now);
        }

        if (State == RequestState.AwaitingApproval)
        {
            if (PendingStage is { Decision: null, RemindedAt: not null, TimedOutAt: null, TimeoutHours: { } hours } late
                && now >= SlaPolicy.TimeoutAt(this, hours))
            {
                TimeOut(late, hours, now, standIns, calendar);
                return SlaOutcome.None with { TimedOutApproval = true };
            }

            if (PendingStage is not { Decision: null, RemindedAt: null } stage
                || now < SlaPolicy.ReminderAt(this))
            {
                return SlaOutcome.None;
            }

            _approvals[CurrentStage] = stage with { RemindedAt = now };
            Note(AuditAction.RemindApprovers, now, $"Reminded {string.Join(", ", stage.Awaiting.Select(a => a.Name))} ({stage.Name})");
            Raise(RequestEventType.ApprovalReminder, PersonRef.System, now, null);
            return SlaOutcome.None with { RemindedApprovers = true };
        }

        // A paused clock (waiting for the requester or for parts) neither warns nor escalates until it runs again.
        return IsClockPaused ? SlaOutcome.None : CheckEscalations(now, escalations);
    }

    /// <summary>
    /// When the stage was put to its approvers. Documents written before that was recorded fall back to the history:
    /// the first stage was requested with the request for approval, a later one when the stage before it was decided.
    /// </summary>
    public DateTimeOffset StageRequestedAt(int stage)
    {
        if (_approvals[stage].RequestedAt is { } at)
        {
            return at;
        }

        return stage == 0
            ? _history.FirstOrDefault(h => h.Action == AuditAction.RequestApproval)?.At ?? SubmittedAt
            : _approvals[stage - 1].Decision?.At ?? SubmittedAt;
    }

    /// <summary>Marks an outbox event as handled: it leaves the outbox.</summary>
    public bool CompleteEvent(string eventId) => _outbox.RemoveAll(e => e.Id == eventId) > 0;

    /// <summary>
    /// Records a failed attempt; after <paramref name="maxAttempts"/> the event is parked with its reason, and the parking
    /// is kept, written in the history and announced to the owning team (<see cref="Park"/>).
    /// </summary>
    public void FailEvent(string eventId, string error, DateTimeOffset now, TimeSpan backoff, int maxAttempts)
    {
        var index = _outbox.FindIndex(e => e.Id == eventId);
        if (index < 0 || _outbox[index].IsParked)
        {
            return;
        }

        var failed = _outbox[index];
        var attempts = failed.Attempts + 1;
        var parks = attempts >= maxAttempts;
        _outbox[index] = failed with
        {
            Attempts = attempts,
            LastError = error,
            NextAttemptAt = now + backoff,
            ParkedAt = parks ? now : null,
        };
        if (parks)
        {
            Park(_outbox[index], now);
        }
    }

    /// <summary>Puts an event off until <paramref name="until"/> without counting an attempt (nothing was tried).</summary>
    public void PutOffEvent(string eventId, string reason, DateTimeOffset until)
    {
        var index = _outbox.FindIndex(e => e.Id == eventId);
        if (index >= 0)
        {
            _outbox[index] = _outbox[index] with { LastError = reason, NextAttemptAt = until };
        }
    }

    public bool IsRequester(string personId) => Requester.Id == personId;

    private void EnsureRequester(PersonRef person, string verb)
    {
        if (person.Id != Requester.Id)
        {
            throw new NotPermittedException($"Only {Requester.Name}, who asked for {Id}, can {verb} it.");
        }
    }

    /// <param name="calendar">The team's, to count a pause this change ends (<see cref="FollowClock"/>).</param>
    private void Apply(RequestCommand command, PersonRef actor, DateTimeOffset now, string? comment, WorkingCalendar? calendar = null)
    {
        var from = State;
        State = RequestTransitions.Next(from, command);
        UpdatedAt = now;
        Record(now, actor, AuditAction.Of(command), from, State, comment);
        FollowClock(now, calendar);
        DeescalateIfDone(from, now);
    }

    /// <summary>An audit line for something the system did without a change of state (SLA sweep, provisioning).</summary>
    private void Note(AuditAction action, DateTimeOffset now, string comment)
    {
        UpdatedAt = now;
        Record(now, PersonRef.System, action, State, State, comment);
    }

    private void RequestProvisioning(PersonRef actor, DateTimeOffset now)
    {
        if (Provisioning is not null)
        {
            Raise(RequestEventType.ProvisioningRequested, actor, now, null);
        }
    }

    private void Raise(RequestEventType type, PersonRef actor, DateTimeOffset now, string? comment) =>
        _outbox.Add(new OutboxEvent(Guid.NewGuid().ToString("N"), type, now, actor, comment));

    private static string? Normalise(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
