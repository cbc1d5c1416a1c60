using ChatRequests.Core.Organisation;

namespace ChatRequests.Core.Requests;

/// <summary>
/// The one rule of who may view a request (its cards, its details, its place in a list): the requester; the approvers
/// of every stage that has been put to them, whether still pending or decided (by them, or by a co-approver whose
/// decision their card shows), whoever such an approver stands in for (the approver who delegated) and whoever passed the stage on to them; the members of the owning team; and that team's lead. Everyone else is told nothing of
/// it, not even that its number exists (<see cref="RequestNotVisibleException"/>).
/// </summary>
public static class RequestViewers
{
    /// <param name="owningTeam">The team the request is routed to, as the directory has it now; null when it has none.</param>
    public static bool MayView(ServiceRequest request, string personId, Team? owningTeam) =>
        request.IsRequester(personId)
        || IsApproverSoFar(request, personId)
        || (owningTeam is not null && owningTeam.Id == request.TeamId && (owningTeam.HasMember(personId) || owningTeam.LeadId == personId));

    /// <summary>An approver of a stage the request has reached; a later stage's approvers see nothing until it is their turn.</summary>
    internal static bool IsApproverSoFar(ServiceRequest request, string personId) =>
        request.Approvals.Take(request.CurrentStage + 1).Any(stage => stage.IsApprover(personId) || stage.StandIns.Any(s => s.For.Id == personId) || stage.Handovers.Any(h => h.From.Id == personId));
}
