using ChatRequests.Core.Organisation;

namespace ChatRequests.Core.Reporting;

/// <summary>The reports, from the reporting projection's rows of the scope (<see cref="ReportCalculator"/>).</summary>
public sealed class ProjectionReports(IReportingStore store, IDirectory directory, TimeProvider clock) : IReports
{
    public async Task<ReportFigures> ComputeAsync(ReportScope scope, IReadOnlyList<Team>? teams = null, CancellationToken cancellationToken = default)
    {
        var facts = await store.ReadFactsAsync(scope, cancellationToken);
        var forms = await store.ReadFormsAsync(scope, cancellationToken);
        var settings = await directory.GetGovernanceSettingsAsync(cancellationToken);
        // Only a team's own calendar counts working hours; one without keeps the wall clock.
        var calendars = (teams ?? await directory.ListTeamsAsync(cancellationToken))
            .Where(t => t.Calendar is not null)
            .DistinctBy(t => t.Id)
            .ToDictionary(t => t.Id, t => t.WorkingCalendar(), StringComparer.Ordinal);
        return ReportCalculator.Compute(scope, facts, forms, settings.Reports, clock.GetUtcNow(), calendars.GetValueOrDefault);
    }
}
