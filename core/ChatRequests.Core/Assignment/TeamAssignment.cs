using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using Microsoft.Extensions.Logging;

namespace ChatRequests.Core.Assignment;

/// <summary>
/// Applies a team's assignment setting (<see cref="Team.Assignment"/>) to a request that reached the team, and keeps its
/// re-announcing going: the fulfilment worker calls it on the Approved and Reannounced events. Availability is read as
/// of now: a member who is away (<see cref="IAbsenceCalendar"/>) or marked themselves unavailable
/// (<see cref="IAssignmentStore"/>, a mark that has not ended) is passed over. Loads are the members' unresolved requests assigned to them in the
/// queues of every team they work in.
/// </summary>
/// <remarks>
/// The turn is taken in the store before the request is saved, as a compare-and-set on the last turn read: two requests
/// reaching one team at the same instant cannot both take the same turn (the second reads the turn again and chooses
/// again). A crash, or an agent quicker than the worker, between the turn and the save skips that person's turn once.
/// </remarks>
public sealed class TeamAssignment(
    IRequestStore store,
    IDirectory directory,
    IAssignmentStore assignments,
    IAbsenceCalendar absences,
    TimeProvider clock,
    ILogger<TeamAssignment> logger)
{
    private const int MaxTurnAttempts = 20;

    /// <summary>
    /// The request as it stands after the team's rule was applied (saved), or as loaded when there was nothing to do: a
    /// manual team without re-announcing, a request an agent took first, a redelivered event.
    /// </summary>
    /// <param name="loaded">The request as the event's runner loaded it; it is loaded again only when the team has a rule to apply.</param>
    public async Task<ServiceRequest> ReachTeamAsync(ServiceRequest loaded, DateTimeOffset reachedAt, CancellationToken cancellationToken = default)
    {
        if (loaded.IsBackWithTheTeam)
        {
            return await ReachTeamAgainAsync(loaded, cancellationToken);
        }

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
            choice = await ChooseAndTakeTurnAsync(team, teams, setting.ParsedMode, request, now, cancellationToken);
        }

        var reannounceAt = choice?.Assignee is null && setting.ReannouncePeriod is { } period
            ? team.WorkingCalendar().Add(reachedAt, period)
            : (DateTimeOffset?)null;
        var saved = await store.UpdateIfChangedAsync(
            request, r => r.ReachTeam(choice, reannounceAt, setting.ReannounceAfterHours, now), cancellationToken);
        if (choice?.Assignee is { } assignee && saved.Assignee?.Id == assignee.Id && saved.AssignmentCheckedAt == now)
        {
            logger.LogInformation("{RequestId} of team {TeamId} assigned automatically ({Why})", saved.Id, team.Id, choice.Why);
        }
        else if (choice is { Assignee: null })
        {
            logger.LogInformation("{RequestId} of team {TeamId} left unassigned: nobody available", saved.Id, team.Id);
        }

        return saved;
    }

    /// <summary>
    /// Approved again after an item change (re-approval): it keeps its assignee, and is not assigned a second time, unless
    /// that agent is unavailable now; then the team's rule chooses another. A manual team's request stays as it is.
    /// </summary>
    private async Task<ServiceRequest> ReachTeamAgainAsync(ServiceRequest loaded, CancellationToken cancellationToken)
    {
        var teams = await directory.ListTeamsAsync(cancellationToken);
        if (teams.FirstOrDefault(t => t.Id == loaded.TeamId) is not { Assignment: { ParsedMode: not AssignmentMode.Manual } setting } team
            || await store.GetAsync(loaded.Id, cancellationToken) is not { IsBackWithTheTeam: true, Assignee: { } kept } request)
        {
            return loaded;
        }

        var now = clock.GetUtcNow();
        var unavailable = await UnavailableWhyAsync(kept.Id, now, cancellationToken);
        var replacement = unavailable is null ? null : await ChooseAndTakeTurnAsync(team, teams, setting.ParsedMode, request, now, cancellationToken);
        var saved = await store.UpdateIfChangedAsync(request, r => r.ReachTeamAgain(replacement, unavailable, now), cancellationToken);
        logger.LogInformation("{RequestId} of team {TeamId} approved again: with {PersonId}", saved.Id, team.Id, saved.Assignee?.Id);
        return saved;
    }

    /// <summary>
    /// Chooses the agent and takes the team's turn for them in one compare-and-set; when another request took a turn in
    /// between, the last turn is read again and the choice made again (loads are read once: a tie goes in rotation).
    /// </summary>
    private async Task<AssigneeChoice> ChooseAndTakeTurnAsync(
        Team team, IReadOnlyList<Team> teams, AssignmentMode mode, ServiceRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var candidates = await CandidatesAsync(team, teams, now, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var lastTurn = await assignments.FindLastTurnAsync(team.Id, cancellationToken);
            var choice = AssigneeSelection.Select(mode, candidates, lastTurn, request.Requester.Id);
            if (choice.Assignee is not { } assignee || await assignments.TakeTurnAsync(team.Id, lastTurn, assignee.Id, cancellationToken))
            {
                return choice;
            }

            if (attempt >= MaxTurnAttempts)
            {
                // Transient: the event is delivered again and chooses afresh.
                throw new InvalidOperationException($"The turns of team {team.Id} kept changing; gave up after {attempt} attempts.");
            }
        }
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

        var team = await directory.FindTeamAsync(request.TeamId, cancellationToken);
        var calendar = team?.WorkingCalendar() ?? BusinessHours.WorkingCalendar.AlwaysOpen;
        var next = calendar.Add(madeAt, TimeSpan.FromHours(hours));
        await store.UpdateIfChangedAsync(request, r => r.ScheduleNextReannounce(madeAt, next), cancellationToken);
    }

    /// <summary>Why the person cannot take a request now (a mark that has not ended, an absence), or null when they can.</summary>
    private async Task<string?> UnavailableWhyAsync(string personId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await assignments.FindUnavailableAsync(personId, cancellationToken) is { } mark && mark.StandsAt(now) ? "marked themselves unavailable"
        : await absences.FindAbsenceAsync(personId, now, cancellationToken) is not null ? "is away"
        : null;

    /// <summary>The team's members in its order, each with why they cannot take a request now and their open load.</summary>
    private async Task<IReadOnlyList<Candidate>> CandidatesAsync(Team team, IReadOnlyList<Team> teams, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var loads = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var shared in teams.Where(t => t.MemberIds.Intersect(team.MemberIds, StringComparer.OrdinalIgnoreCase).Any()))
        {
            foreach (var (assigneeId, open) in await store.CountUnresolvedByAssigneeAsync(shared.Id, cancellationToken))
            {
                loads[assigneeId] = loads.GetValueOrDefault(assigneeId) + open;
            }
        }

        var candidates = new List<Candidate>(team.MemberIds.Count);
        foreach (var memberId in team.MemberIds)
        {
            var person = await directory.FindPersonAsync(memberId, cancellationToken);
            var name = person?.Name ?? memberId;
            var unavailable = person is null ? "is not in the directory" : await UnavailableWhyAsync(memberId, now, cancellationToken);
            candidates.Add(new Candidate(new PersonRef(memberId, name), unavailable, loads.GetValueOrDefault(memberId)));
        }

        return candidates;
    }
}
