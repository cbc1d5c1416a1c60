using ChatRequests.Core.Requests;
using ChatRequests.Core.Sla;
using ChatRequests.Core.Storage;

namespace ChatRequests.Core.Workflow;

/// <summary>What a follow-up came to: the request as it stands and the escalation level that has it.</summary>
public sealed record FollowUpResult(ServiceRequest Request, FollowUpOutcome Outcome);

/// <summary>
/// A requester asks after their request in chat ("any news?", "any update on REQ-000042"): the first time the team lead
/// is asked to look at it (escalation level 1); afterwards they are told who has it. Only the requester's own request
/// while the team works it counts; the caller answers anything else as before.
/// </summary>
public sealed class RequestFollowUp(IRequestStore store, EscalationContactsFinder contacts, TimeProvider clock)
{
    /// <summary>Whether a follow-up by <paramref name="personId"/> on <paramref name="request"/> counts as one.</summary>
    public static bool Counts(ServiceRequest request, string personId) =>
        request.IsRequester(personId) && request.State.IsInFulfilment();

    public async Task<FollowUpResult> FollowUpAsync(ServiceRequest request, PersonRef requester, CancellationToken cancellationToken = default)
    {
        // The directory is asked only when the follow-up may fire level 1.
        var who = request.ActiveEscalation is null && !request.HasReached(Escalation.TeamLead)
            ? await contacts.ForAsync(request, cancellationToken)
            : EscalationContacts.None;
        FollowUpOutcome? outcome = null;
        var saved = await store.UpdateIfChangedAsync(
            request, r => (outcome = r.FollowUp(requester, who, clock.GetUtcNow())).Escalated, cancellationToken);
        return new FollowUpResult(saved, outcome!);
    }
}
