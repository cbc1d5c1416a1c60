using ChatRequests.Core.Organisation;
using ChatRequests.Core.Understanding;

namespace ChatRequests.Core.Reporting;

/// <summary>What a report command gets: the figures and what they cover, or a refusal that shows none.</summary>
public abstract record ReportAnswer
{
    private ReportAnswer()
    {
    }

    /// <param name="Covers">Whose requests, in words ("Service desk", "Hardware in Service desk", "your 3 direct reports").</param>
    /// <param name="Zone">The time zone the period's days are counted in.</param>
    public sealed record Figures(ReportFigures Report, string Covers, TimeZoneInfo Zone) : ReportAnswer;

    public sealed record Refused(string Title, string Text) : ReportAnswer;
}

/// <summary>
/// Who may see which report, and the report. Auditors and senior management (the escalation settings') see the whole
/// organisation or any team or category in it; a team lead their team (one of several by its name, a category of it);
/// a manager the requests of their direct reports (a category of them). In a team's channel everyone there reads the
/// answer, so only that team's report is given there, and only to its lead, an auditor or senior management: members
/// are refused, since a report names people (outliers) and is for those who run the team. Everyone else is refused
/// with no figures and nothing about the team or category they named.
/// </summary>
public sealed class ReportDesk(IDirectory directory, IReports reports, TimeProvider clock)
{
    public const string RefusalTitle = "No report";
    public const string RefusalText = "Reports are for team leads, managers and auditors.";

    /// <param name="channelId">The team channel the words were typed in; null in the personal chat.</param>
    public async Task<ReportAnswer> AnswerAsync(string personId, ReportAsk ask, string? channelId, CancellationToken cancellationToken = default)
    {
        var teams = await directory.ListTeamsAsync(cancellationToken);
        var overall = await SeesEverythingAsync(personId, cancellationToken);
        var led = teams.Where(t => string.Equals(t.LeadId, personId, StringComparison.OrdinalIgnoreCase)).ToList();
        if (channelId is not null)
        {
            var here = teams.FirstOrDefault(t => t.ChannelId == channelId);
            return here is not null && (overall || led.Contains(here))
                ? await ForTeamAsync(here, ask, teams, cancellationToken)
                : new ReportAnswer.Refused(RefusalTitle, "In a team's channel, reports are for its lead. Ask me in our personal chat for the reports you may see.");
        }

        if (overall)
        {
            return ask.ScopeName is null ? await ComputeAsync(ask.PeriodWords, new ReportTarget("the whole organisation"), teams, cancellationToken)
                : FindTeam(teams, ask.ScopeName) is { } team ? await ForTeamAsync(team, ask, teams, cancellationToken)
                : await ComputeAsync(ask.PeriodWords, new ReportTarget(ask.ScopeName) { Category = ask.ScopeName }, teams, cancellationToken);
        }

        if (led.Count > 0 && (ask.ScopeName is null || FindTeam(led, ask.ScopeName) is not null || led.Any(t => HasCategory(t, ask.ScopeName))))
        {
            var team = ask.ScopeName is { } named ? FindTeam(led, named) ?? led.First(t => HasCategory(t, named)) : led.Count == 1 ? led[0] : null;
            return team is null
                ? new ReportAnswer.Refused("Which team?", $"You lead {string.Join(", ", led.Select(t => t.Name))}. Name one, for example 'report for {led[0].Name} team last month'.")
                : await ForTeamAsync(team, ask, teams, cancellationToken);
        }

        var directReports = await directory.ListDirectReportIdsAsync(personId, cancellationToken);
        if (directReports.Count > 0 && (ask.ScopeName is null || FindTeam(teams, ask.ScopeName) is null))
        {
            var covers = $"your {directReports.Count} direct report{(directReports.Count == 1 ? "" : "s")}";
            var target = ask.ScopeName is { } category
                ? new ReportTarget($"{category} for {covers}") { Category = category, RequesterIds = directReports }
                : new ReportTarget(covers) { RequesterIds = directReports };
            return await ComputeAsync(ask.PeriodWords, target, teams, cancellationToken);
        }

        // A lead or a manager who named a team they may not see gets the same words as a stranger.
        return new ReportAnswer.Refused(RefusalTitle, RefusalText);
    }

    /// <summary>
    /// The teams whose open requests the person may watch live (the dashboard's queue and SLA breaches): every team for
    /// auditors and senior management, the teams they lead for a team lead, none for anyone else (a manager's report
    /// covers their people, not a team's queue).
    /// </summary>
    public async Task<IReadOnlyList<Team>> WatchedTeamsAsync(string personId, CancellationToken cancellationToken = default)
    {
        var teams = await directory.ListTeamsAsync(cancellationToken);
        return await SeesEverythingAsync(personId, cancellationToken)
            ? teams
            : [.. teams.Where(t => string.Equals(t.LeadId, personId, StringComparison.OrdinalIgnoreCase))];
    }

    private async Task<bool> SeesEverythingAsync(string personId, CancellationToken cancellationToken)
    {
        var governance = await directory.GetGovernanceSettingsAsync(cancellationToken);
        if (await governance.IsAuditorAsync(directory, personId, cancellationToken))
        {
            return true;
        }

        var escalation = await directory.GetEscalationSettingsAsync(cancellationToken);
        return escalation.SeniorManagement.Contains(personId, StringComparer.OrdinalIgnoreCase)
            || (escalation.SeniorManagementGroupId is { } groupId
                && await directory.FindGroupAsync(groupId, cancellationToken) is { } group
                && group.MemberIds.Contains(personId, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>A team's report, or one of its categories' (days counted in its calendar's zone); another name is refused.</summary>
    private async Task<ReportAnswer> ForTeamAsync(Team team, ReportAsk ask, IReadOnlyList<Team> teams, CancellationToken cancellationToken)
    {
        var zone = team.WorkingCalendar().Zone;
        if (ask.ScopeName is null || FindTeam([team], ask.ScopeName) is not null)
        {
            return await ComputeAsync(ask.PeriodWords, new ReportTarget(team.Name, zone) { TeamId = team.Id }, teams, cancellationToken);
        }

        if (team.Categories.FirstOrDefault(c => string.Equals(c, ask.ScopeName, StringComparison.OrdinalIgnoreCase)) is { } category)
        {
            return await ComputeAsync(ask.PeriodWords, new ReportTarget($"{category} in {team.Name}", zone) { TeamId = team.Id, Category = category }, teams, cancellationToken);
        }

        return new ReportAnswer.Refused(RefusalTitle, $"Here I report on {team.Name} only: name one of its categories, or ask in our personal chat.");
    }

    /// <param name="teams">The directory's teams, read once per answer: the report's calendars come from them too.</param>
    private async Task<ReportAnswer> ComputeAsync(string? periodWords, ReportTarget target, IReadOnlyList<Team> teams, CancellationToken cancellationToken)
    {
        var zone = target.Zone ?? TimeZoneInfo.Utc;
        if (ReportPeriods.Read(periodWords, clock.GetUtcNow(), zone) is not { } period)
        {
            return new ReportAnswer.Refused("Which period?", "Say a period like 'this week', 'last month', 'November', 'last 14 days' or 'last quarter'.");
        }

        var scope = new ReportScope(period, target.TeamId, target.Category, target.RequesterIds);
        return new ReportAnswer.Figures(await reports.ComputeAsync(scope, teams, cancellationToken), target.Covers, zone);
    }

    private static Team? FindTeam(IEnumerable<Team> teams, string name) =>
        teams.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(t.Id, name, StringComparison.OrdinalIgnoreCase));

    private static bool HasCategory(Team team, string name) => team.Categories.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whose requests a report counts, and the zone its days are counted in (null: UTC).</summary>
    private sealed record ReportTarget(string Covers, TimeZoneInfo? Zone = null)
    {
        public string? TeamId { get; init; }
        public string? Category { get; init; }
        public IReadOnlyCollection<string>? RequesterIds { get; init; }
    }
}
