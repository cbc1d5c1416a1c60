using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using Microsoft.Extensions.Logging;

namespace ChatRequests.Core.Assignment;

/// <summary>
/// Applies a team's assignment setting (<see cref="Team.Assignment"/>) to a request that reached the team, and keeps its
/// re-announcing going: the fulfilment worker calls it on the Approved and Reannounced events. Availability is read as
/// of now: a member who is away (<see cref="IAbsenceCalendar"/>) or marked themselves unavailable
/// (<see cref="IAssignmentStore"/>) is passed over. Loads are the members' unresolved requests assigned to them in the
/// queues of every team they work in.
/// </summary>
/// <remarks>
/// Two requests reaching one team at the same instant may both read the same last turn and go to the same person; the
/// next one goes on from there. The turn is recorded after the request is saved: a crash in between repeats a turn once.
/// </remarks>
public sealed class TeamAssignment(
    IRequestStore store,
    IDirectory directory,
    IAssignmentStore assignments,
    IAbsenceCalendar absences,
    TimeProvider clock,
    ILogger<TeamAssignment> logger)
{
    /// <summary>
    /// The request as it stands after the team's rule was applied (saved), or as loaded when there was nothing to do: a
    /// manual team without re-announcing, a request an agent took first, a redelivered event.
    /// </summary>
    /// <param name="loaded">The request as the event's runner loaded it; it is loaded again only when the team has a rule to apply.</param>
    public async Task<ServiceRequest> ReachTeamAsync(ServiceRequest loaded, DateTimeOffset reachedAt, CancellationToken cancellationToken = default)
    {
        if (!WaitsForAgent(loaded))
        {
            return loaded;
        }

        var teams = await directory.ListTeamsAsync(cancellationToken);
        if (teams.FirstOrDefault(t => t.Id == loaded.TeamId) is not { Assignment: { } setting } team
            || (setting.ParsedMode == AssignmentMode.Manual && setting.ReannouncePeriod is null))
        {
            return loaded;
        }

        // A copy of its own: the runner's one is not changed under it.
        var request = await store.GetAsync(loaded.Id, cancellationToken)
            ?? throw new InvalidOperationException($"Request {loaded.Id} disappeared from the store.");
        if (!WaitsForAgent(request))
        {
            return request;
        }

        var now = clock.GetUtcNow();
        AssigneeChoice? choice = null;
        if (setting.ParsedMode != AssignmentMode.Manual)
        {
            var candidates = await CandidatesAsync(team, teams, now, cancellationToken);
            var lastTurn = await assignments.FindLastTurnAsync(team.Id, cancellationToken);
            choice = AssigneeSelection.Select(setting.ParsedMode, candidates, lastTurn, request.Requester.Id);
        }

        var reannounceAt = choice?.Assignee is null && setting.ReannouncePeriod is { } period
            ? team.WorkingCalendar().Add(reachedAt, period)
            : (DateTimeOffset?)null;
        var saved = await store.UpdateIfChangedAsync(
            request, r => r.ReachTeam(choice, reannounceAt, setting.ReannounceAfterHours, now), cancellationToken);
        if (choice?.Assignee is { } assignee && saved.Assignee?.Id == assignee.Id && saved.AssignmentCheckedAt == now)
        {
            await assignments.RecordTurnAsync(team.Id, assignee.Id, cancellationToken);
            logger.LogInformation("{RequestId} of team {TeamId} assigned automatically ({Why})", saved.Id, team.Id, choice.Why);
        }
        else if (choice is { Assignee: null })
        {
            logger.LogInformation("{RequestId} of team {TeamId} left unassigned: nobody available", saved.Id, team.Id);
        }

        return saved;
    }

    private static bool WaitsForAgent(ServiceRequest request) =>
        request.AssignmentCheckedAt is null && request.State == RequestState.Approved && request.Assignee is null;

    /// <summary>After a re-announce made at <paramref name="madeAt"/>, the next one a period of the team's working time later.</summary>
    public async Task ScheduleNextReannounceAsync(string requestId, DateTimeOffset madeAt, CancellationToken cancellationToken = default)
    {
        var request = await store.GetAsync(requestId, cancellationToken);
        if (request?.ReannounceAfterHours is not { } hours)
        {
            return;
        }

        var team = (await directory.ListTeamsAsync(cancellationToken)).FirstOrDefault(t => t.Id == request.TeamId);
        var calendar = team?.WorkingCalendar() ?? BusinessHours.WorkingCalendar.AlwaysOpen;
        var next = calendar.Add(madeAt, TimeSpan.FromHours(hours));
        await store.UpdateIfChangedAsync(request, r => r.ScheduleNextReannounce(madeAt, next), cancellationToken);
    }

    /// <summary>The team's members in its order, each with why they cannot take a request now and their open load.</summary>
    private async Task<IReadOnlyList<Candidate>> CandidatesAsync(Team team, IReadOnlyList<Team> teams, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var loads = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var shared in teams.Where(t => t.MemberIds.Intersect(team.MemberIds, StringComparer.OrdinalIgnoreCase).Any()))
        {
            foreach (var open in await store.ListTeamQueueAsync(shared.Id, cancellationToken))
            {
                if (open.Assignee is { } assignee && open.State.IsUnresolved())
                {
                    loads[assignee.Id] = loads.GetValueOrDefault(assignee.Id) + 1;
                }
            }
        }

        var candidates = new List<Candidate>(team.MemberIds.Count);
        foreach (var memberId in team.MemberIds)
        {
            var person = await directory.FindPersonAsync(memberId, cancellationToken);
            var name = person?.Name ?? memberId;
            var unavailable = person is null ? "is not in the directory"
                : await assignments.FindUnavailableAsync(memberId, cancellationToken) is not null ? "marked themselves unavailable"
                : await absences.FindAbsenceAsync(memberId, now, cancellationToken) is not null ? "is away"
                : null;
            candidates.Add(new Candidate(new PersonRef(memberId, name), unavailable, loads.GetValueOrDefault(memberId)));
        }

        return candidates;
    }
}
