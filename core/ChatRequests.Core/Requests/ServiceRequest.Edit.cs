using System.Text.Json.Serialization;
using ChatRequests.Core.BusinessHours;

namespace ChatRequests.Core.Requests;

// The requester changes their logged request before the team works it; it goes back for approval when the change matters.
public sealed partial class ServiceRequest
{
    /// <summary>The requester's changes to the request, oldest first; not written while empty.</summary>
    [JsonIgnore] public IReadOnlyList<RequestEdit> Edits { get; private set; } = [];

    [JsonInclude, JsonPropertyName("edits"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    internal IReadOnlyList<RequestEdit>? StoredEdits
    {
        get => Edits.Count == 0 ? null : Edits;
        set => Edits = value ?? [];
    }

    /// <summary>
    /// Whether the requester may still change the request: while it awaits approval, or approved and not yet taken by
    /// anyone (no assignee, nothing provisioned automatically). Once the team works it, they cancel and ask again.
    /// </summary>
    [JsonIgnore]
    public bool IsEditable =>
        State == RequestState.AwaitingApproval || (State == RequestState.Approved && Assignee is null && Provisioning is null);

    /// <summary>The requester's latest change made after <paramref name="since"/>; null when there is none.</summary>
    public RequestEdit? EditSince(DateTimeOffset? since) => Edits.LastOrDefault(e => since is null || e.At > since);

    /// <summary>
    /// The requester changes the justification and the answers of the form (<paramref name="change"/>). The history says
    /// what changed, old → new. When <paramref name="reapproval"/> has stages (<see cref="Approvals.Reapproval.ForEdit"/>:
    /// the decisions given no longer cover the request), it goes back to approval with them as a new round, the way an
    /// alternative item does; otherwise the approvals stand and the cards show the new answers. A form submitted twice
    /// changes once: false the second time.
    /// </summary>
    public bool Edit(
        PersonRef requester,
        RequestChange change,
        IReadOnlyList<ApprovalStage> reapproval,
        string? why,
        DateTimeOffset now,
        IReadOnlyDictionary<string, StandIn>? standIns = null,
        WorkingCalendar? calendar = null)
    {
        EnsureRequester(requester, "change");
        if (Edits.Any(e => e.Key == change.Key))
        {
            return false;
        }

        EnsureEditable();
        var changes = ChangesTo(change);
        if (changes.Count == 0)
        {
            throw new RequestRuleException($"Nothing was changed: {Id} stays as it is.");
        }

        var edit = new RequestEdit(change.Key, now, changes);
        Justification = change.Justification.Trim();
        _fields = new Dictionary<string, string>(change.Fields);
        Edits = [.. Edits, edit];
        UpdatedAt = now;
        Record(now, requester, AuditAction.Edit, State, State, $"Changed by the requester: {edit.Summary}");
        // Events travel to other hosts and channels: their comment never carries a sensitive answer.
        Raise(RequestEventType.RequestEdited, requester, now, edit.MaskedSummary);
        if (reapproval.Count > 0)
        {
            StartApprovalRound(requester, reapproval, $"approval needed again: {why}", now, standIns, calendar);
            Raise(RequestEventType.ApprovalRequested, requester, now, null);
        }

        return true;
    }

    /// <summary>Refuses a change once the request moved on (a stale card): the team works it, or it was decided.</summary>
    public void EnsureEditable()
    {
        if (!IsEditable)
        {
            throw new RequestRuleException(
                $"{Id} can no longer be changed: it is {State.ToDisplay().ToLowerInvariant()}. To ask for something else, cancel it and make a new request.");
        }
    }

    /// <summary>
    /// Sends the request back to approval with <paramref name="stages"/> as a new round (an item change, an edit): the
    /// decisions of earlier rounds stay in the history, and who took them may decide again.
    /// </summary>
    private void StartApprovalRound(
        PersonRef requester, IReadOnlyList<ApprovalStage> stages, string comment, DateTimeOffset now, IReadOnlyDictionary<string, StandIn>? standIns, WorkingCalendar? calendar)
    {
        Apply(RequestCommand.RequestReapproval, requester, now, comment, calendar);
        ApprovalRoundStart = _approvals.Count;
        _approvals.AddRange(stages);
        CurrentStage = ApprovalRoundStart;
        PutStage(CurrentStage, now, standIns, calendar);
    }

    private List<AnswerChange> ChangesTo(RequestChange change)
    {
        var changes = new List<AnswerChange>();
        var justification = change.Justification.Trim();
        if (justification != Justification)
        {
            changes.Add(new AnswerChange("Why", Justification, justification));
        }

        var ids = FieldLabels.Select(l => l.Id).Concat(_fields.Keys).Concat(change.Fields.Keys).Distinct();
        foreach (var id in ids)
        {
            var from = _fields.GetValueOrDefault(id);
            var to = change.Fields.GetValueOrDefault(id);
            if (from != to)
            {
                var label = FieldLabels.FirstOrDefault(l => l.Id == id);
                changes.Add(new AnswerChange(label?.Label ?? id, from, to) { Sensitive = label?.Sensitive == true });
            }
        }

        return changes;
    }
}
