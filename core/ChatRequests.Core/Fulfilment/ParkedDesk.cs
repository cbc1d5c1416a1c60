using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;

namespace ChatRequests.Core.Fulfilment;

/// <summary>What a Retry or Dismiss click did: the request and the parking as they stand, and whether this click changed them.</summary>
public sealed record ParkedClick(ServiceRequest Request, ParkedStep Parking, bool Changed);

/// <summary>
/// Who may see and settle parked steps (ADR 0024): the lead and the members (agents) of the team that owns the request,
/// and the lead and members of the organisation's operations team (<see cref="GovernanceSettings.OperationsTeamId"/>),
/// which gets the cards whose own team is gone. Anyone else is refused as if the request did not exist. The "parked" list
/// is for leads: the steps of the teams they lead (the operations team's lead: every team's).
/// </summary>
public sealed class ParkedDesk(IRequestStore store, IDirectory directory, TimeProvider clock)
{
    /// <summary>Retries the parked step: due now, attempts reset. A second click (or an old card) changes nothing.</summary>
    public Task<ParkedClick> RetryAsync(string requestId, string parkId, PersonRef by, CancellationToken cancellationToken = default) =>
        SettleAsync(requestId, parkId, by, (r, now) => r.RetryParked(parkId, by, now), cancellationToken);

    /// <summary>Dismisses the parked step: it leaves the outbox, given up by <paramref name="by"/>. A second click changes nothing.</summary>
    public Task<ParkedClick> DismissAsync(string requestId, string parkId, PersonRef by, CancellationToken cancellationToken = default) =>
        SettleAsync(requestId, parkId, by, (r, now) => r.DismissParked(parkId, by, now), cancellationToken);

    /// <summary>Whether the person leads a team, or the operations team: the "parked" command is theirs.</summary>
    public async Task<bool> IsLeadAsync(string personId, CancellationToken cancellationToken = default) =>
        (await LedTeamsAsync(personId, cancellationToken)).Count > 0;

    /// <summary>
    /// The parked steps still waiting in the requests of the teams <paramref name="personId"/> leads (the operations team's
    /// lead: all of them), newest first; null when they lead no team.
    /// </summary>
    public async Task<IReadOnlyList<(ServiceRequest Request, ParkedStep Parking)>?> ListAsync(string personId, CancellationToken cancellationToken = default)
    {
        var led = await LedTeamsAsync(personId, cancellationToken);
        if (led.Count == 0)
        {
            return null;
        }

        var operations = await directory.FindOperationsTeamAsync(cancellationToken);
        var everyTeam = operations is not null && led.Any(t => t.Id == operations.Id);
        return [.. (await store.ListWithParkedEventsAsync(cancellationToken))
            .Where(r => everyTeam || led.Any(t => t.Id == r.TeamId))
            .SelectMany(r => r.WaitingParkings.Select(p => (r, p)))
            .OrderByDescending(x => x.p.ParkedAt)];
    }

    /// <summary>Whether the person may retry or dismiss the request's parked steps.</summary>
    public async Task<bool> MaySettleAsync(ServiceRequest request, string personId, CancellationToken cancellationToken = default)
    {
        var team = await directory.FindTeamAsync(request.TeamId, cancellationToken);
        var operations = await directory.FindOperationsTeamAsync(cancellationToken);
        return IsOf(team, personId) || IsOf(operations, personId);
    }

    private async Task<ParkedClick> SettleAsync(
        string requestId, string parkId, PersonRef by, Func<ServiceRequest, DateTimeOffset, bool> settle, CancellationToken cancellationToken)
    {
        var request = await store.GetAsync(requestId, cancellationToken);
        if (request is null || !await MaySettleAsync(request, by.Id, cancellationToken))
        {
            throw new RequestNotVisibleException(requestId);
        }

        if (request.FindParking(parkId) is null)
        {
            throw new RequestRuleException($"{requestId} has no such parked step.");
        }

        var changed = false;
        var saved = await store.UpdateIfChangedAsync(request, r => changed = settle(r, clock.GetUtcNow()), cancellationToken);
        return new ParkedClick(saved, saved.FindParking(parkId)!, changed);
    }

    private async Task<IReadOnlyList<Team>> LedTeamsAsync(string personId, CancellationToken cancellationToken) =>
        [.. (await directory.ListTeamsAsync(cancellationToken)).Where(t => string.Equals(t.LeadId, personId, StringComparison.OrdinalIgnoreCase))];


    private static bool IsOf(Team? team, string personId) =>
        team is not null && (team.HasMember(personId) || string.Equals(team.LeadId, personId, StringComparison.OrdinalIgnoreCase));
}
