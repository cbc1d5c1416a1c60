using System.Text.Json.Serialization;
using ChatRequests.Core.BusinessHours;
using ChatRequests.Core.Sla;

namespace ChatRequests.Core.Requests;

// The escalation ladder (ADR 0015): level 1 the team lead, level 2 the supervisor, level 3 senior management; each level
// fires at most once per request, marked here so that it fires once across restarts and with several sweepers.
public sealed partial class ServiceRequest
{
    private List<Escalation> _escalations = [];

    /// <summary>
    /// The levels the request reached, in order. A document written before levels were kept, with only
    /// <see cref="SlaEscalatedAt"/>, reads as level 2 fired then (today's escalation at breach, to the team lead).
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<Escalation> Escalations => _escalations.Count == 0 && SlaEscalatedAt is { } at ? [Legacy(at)] : _escalations;

    [JsonInclude, JsonPropertyName("escalations"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    internal IReadOnlyList<Escalation>? StoredEscalations
    {
        get => _escalations.Count == 0 ? null : _escalations;
        set => _escalations = [.. value ?? []];
    }

    /// <summary>When a breach counts as long and goes to level 3, fixed when level 2 fired at the breach; null: never.</summary>
    [JsonInclude, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? LongBreachAt { get; internal set; }

    /// <summary>The highest level that stands (not resolved); null when none does.</summary>
    [JsonIgnore]
    public Escalation? ActiveEscalation => Escalations.Where(e => e.IsActive).MaxBy(e => e.Level);

    /// <summary>Whether <paramref name="level"/> fired, resolved since or not: each level fires once per request.</summary>
    public bool HasReached(int level) => Escalations.Any(e => e.Level == level);

    /// <summary>The second reopen: delays repeated, the supervisor is told (level 2); null before.</summary>
    [JsonIgnore]
    public DateTimeOffset? SecondReopenAt => _history.Where(h => h.Action == AuditAction.Reopen).Skip(1).FirstOrDefault()?.At;

    /// <summary>
    /// P1, or a VIP requester: level 3 as soon as the team has the request (run when it is approved, or logged without
    /// approval). Nothing when it is not in fulfilment, not P1 nor a VIP's, or level 3 fired already.
    /// </summary>
    public bool EscalateAtOnce(EscalationContacts contacts, DateTimeOffset now)
    {
        if (WhyEscalateAtOnce(contacts.RequesterIsVip) is not { } why)
        {
            return false;
        }

        Escalate(Escalation.SeniorManagement, $"{why}: please allocate a dedicated person", contacts, now);
        Raise(RequestEventType.Escalated, PersonRef.System, now, null);
        return true;
    }

    /// <summary>
    /// Why <see cref="EscalateAtOnce"/> would escalate (P1, or a VIP's), or null when it would not: what a caller decides
    /// on before it looks up who to escalate to.
    /// </summary>
    public string? WhyEscalateAtOnce(bool requesterIsVip) =>
        !State.IsInFulfilment() || HasReached(Escalation.SeniorManagement) ? null
        : Priority.Level == 1 ? $"priority {Priority.Label}"
        : requesterIsVip ? $"{Requester.Name} is a VIP"
        : null;

    /// <summary>
    /// The requester asks after the request ("any news?"): the first time, the team lead is asked to look at it (level 1),
    /// unless a level stands already; then nothing changes and the level that stands is returned.
    /// </summary>
    public FollowUpOutcome FollowUp(PersonRef requester, EscalationContacts contacts, DateTimeOffset now)
    {
        EnsureRequester(requester, "follow up");
        if (!State.IsInFulfilment())
        {
            throw new RequestRuleException($"{Id} is not with the team now, so there is nobody to chase.");
        }

        if (ActiveEscalation is { } standing)
        {
            return new FollowUpOutcome(standing, Escalated: false);
        }

        if (HasReached(Escalation.TeamLead))
        {
            return new FollowUpOutcome(Escalations.Last(e => e.Level == Escalation.TeamLead), Escalated: false);
        }

        var fired = Escalate(Escalation.TeamLead, $"{requester.Name} followed up", contacts, now);
        Raise(RequestEventType.Escalated, requester, now, null);
        return new FollowUpOutcome(fired, Escalated: true);
    }

    /// <summary>
    /// The fulfilment part of <see cref="CheckSla"/>: the breach (level 2 and the requester's notice), a long breach
    /// (level 3), delays repeated by a second reopen (level 2), the at-risk warning (level 1); what is due, once each.
    /// </summary>
    private SlaOutcome CheckEscalations(DateTimeOffset now, EscalationContacts? contacts)
    {
        if (!State.IsInFulfilment())
        {
            return SlaOutcome.None;
        }

        contacts ??= EscalationContacts.None;
        if (SlaEscalatedAt is null && SlaPolicy.IsBreached(DueAt, now))
        {
            if (!HasReached(Escalation.Supervisor))
            {
                Escalate(Escalation.Supervisor, "target date missed", contacts, now);
                LongBreachAt = contacts.LongBreachAt(DueAt);
            }
            else
            {
                Note(AuditAction.Escalate, now, "Target date missed; the supervisor has it already (level 2)");
            }

            // Set after the level is recorded: a document with only this mark reads as level 2 fired (Legacy).
            SlaEscalatedAt = now;
            Raise(RequestEventType.SlaBreached, PersonRef.System, now, null);
            return SlaOutcome.None with { Escalated = true };
        }

        if (LongBreachAt is { } longAt && now >= longAt && !HasReached(Escalation.SeniorManagement))
        {
            Escalate(Escalation.SeniorManagement,
                $"still open {contacts.Level3AfterBreachHours?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "many"} working hours past the target: please allocate a dedicated person",
                contacts, now);
            Raise(RequestEventType.Escalated, PersonRef.System, now, null);
            return SlaOutcome.None with { Escalated = true };
        }

        if (SecondReopenAt is { } reopened && now >= reopened && !HasReached(Escalation.Supervisor))
        {
            Escalate(Escalation.Supervisor, "reopened twice", contacts, now);
            Raise(RequestEventType.Escalated, PersonRef.System, now, null);
            return SlaOutcome.None with { Escalated = true };
        }

        if (SlaEscalatedAt is null && SlaWarnedAt is null && now >= SlaPolicy.AtRiskAt(this))
        {
            SlaWarnedAt = now;
            Note(AuditAction.SlaAtRisk, now, "Target date at risk");
            // The at-risk warning is level 1, unless a follow-up fired it already or a higher level stands.
            if (!HasReached(Escalation.TeamLead) && ActiveEscalation is null)
            {
                Escalate(Escalation.TeamLead, "target date at risk", contacts, now);
            }

            Raise(RequestEventType.SlaAtRisk, PersonRef.System, now, null);
            return SlaOutcome.None with { WarnedAtRisk = true };
        }

        return SlaOutcome.None;
    }

    /// <summary>The next instant <see cref="CheckEscalations"/> has something to do; null when nothing more will be due.</summary>
    internal DateTimeOffset? NextEscalationCheckAt()
    {
        if (!State.IsInFulfilment())
        {
            return null;
        }

        DateTimeOffset? next = null;
        void Consider(DateTimeOffset? at) => next = at is { } a && (next is null || a < next) ? a : next;
        if (SlaEscalatedAt is null)
        {
            var breachAt = SlaPolicy.BreachAt(DueAt);
            var atRiskAt = SlaPolicy.AtRiskAt(this);
            Consider(SlaWarnedAt is null && atRiskAt < breachAt ? atRiskAt : breachAt);
        }

        Consider(HasReached(Escalation.SeniorManagement) ? null : LongBreachAt);
        Consider(HasReached(Escalation.Supervisor) ? null : SecondReopenAt);
        return next;
    }

    /// <summary>
    /// The clock resumes after <paramref name="paused"/> working time: a long breach not yet fired moves as the target does,
    /// since it counts working time past the target and a pause after the breach is not time the team let it wait.
    /// </summary>
    private void MoveLongBreach(TimeSpan paused, WorkingCalendar calendar)
    {
        if (LongBreachAt is { } longAt && !HasReached(Escalation.SeniorManagement))
        {
            LongBreachAt = calendar.Add(longAt, paused);
        }
    }

    /// <summary>
    /// Resolved or cancelled (<paramref name="from"/> was unresolved): every standing level is resolved, the history
    /// says so and the escalation cards are updated (<see cref="RequestEventType.Deescalated"/>).
    /// </summary>
    private void DeescalateIfDone(RequestState from, DateTimeOffset now)
    {
        if (!from.IsUnresolved() || State.IsUnresolved() || ActiveEscalation is null)
        {
            return;
        }

        _escalations = [.. Escalations.Select(e => e.IsActive ? e with { ResolvedAt = now } : e)];
        Note(AuditAction.Deescalate, now,
            $"Escalation resolved: {string.Join("; ", _escalations.Where(e => e.ResolvedAt == now).Select(e => $"level {e.Level} ({e.ToNames})"))}");
        Raise(RequestEventType.Deescalated, PersonRef.System, now, null);
    }

    /// <summary>
    /// Records <paramref name="level"/> with whom it goes to: the lead (1), the supervisor (2; the lead when the team has
    /// none), senior management (3; the supervisor or the lead when none is configured). A fallback is said in the history.
    /// </summary>
    private Escalation Escalate(int level, string why, EscalationContacts contacts, DateTimeOffset now)
    {
        PersonRef[] lead = contacts.Lead is { } l ? [l] : [];
        PersonRef[] supervisor = contacts.Supervisor is { } s ? [s] : [];
        var (to, role) = level switch
        {
            Escalation.TeamLead => (lead, Escalation.RoleOf(Escalation.TeamLead)),
            Escalation.Supervisor when supervisor.Length > 0 => (supervisor, Escalation.RoleOf(Escalation.Supervisor)),
            Escalation.Supervisor => (lead, Escalation.RoleOf(Escalation.TeamLead)),
            _ when contacts.SeniorManagement.Count > 0 => ([.. contacts.SeniorManagement], Escalation.RoleOf(Escalation.SeniorManagement)),
            _ when supervisor.Length > 0 => (supervisor, Escalation.RoleOf(Escalation.Supervisor)),
            _ => (lead, Escalation.RoleOf(Escalation.TeamLead)),
        };
        role = to.Length == 0 ? Escalation.RoleOf(level) : role;
        var fallback = to.Length == 0 ? $"nobody is named for the {Escalation.RoleOf(level)}, so it goes to the team's channel"
            : role != Escalation.RoleOf(level) ? $"nobody is named for the {Escalation.RoleOf(level)}, so it goes to the {role}"
            : null;
        var escalation = new Escalation(level, now, why, to) { Role = role == Escalation.RoleOf(level) ? "" : role };
        if (_escalations.Count == 0 && SlaEscalatedAt is { } legacy)
        {
            _escalations.Add(Legacy(legacy));
        }

        _escalations.Add(escalation);
        Note(AuditAction.Escalate, now,
            $"Escalated to level {level}, {escalation.ToNames} ({escalation.RoleName}): {why}{(fallback is null ? "" : $"; {fallback}")}");
        return escalation;
    }

    private static Escalation Legacy(DateTimeOffset at) => new(Escalation.Supervisor, at, "target date missed", []);
}

/// <summary>What a requester's follow-up did: the level that has the request, and whether the follow-up fired it.</summary>
public sealed record FollowUpOutcome(Escalation Escalation, bool Escalated);
