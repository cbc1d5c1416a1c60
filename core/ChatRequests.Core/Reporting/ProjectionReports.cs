using ChatRequests.Core.Organisation;

namespace ChatRequests.Core.Reporting;

/// <summary>The reports, from the reporting projection's rows of the scope (<see cref="ReportCalculator"/>).</summary>
public sealed class ProjectionReports(IReportingStore store, IDirectory directory, TimeProvider clock) : IReports
{
    public async Task<ReportFigures> ComputeAsync(ReportScope scope, CancellationToken cancellationToken = default)
    {
        var facts = await store.ReadFactsAsync(scope, cancellationToken);
        var forms = await store.ReadFormsAsync(scope, cancellationToken);
        var settings = await directory.GetGovernanceSettingsAsync(cancellationToken);
        return ReportCalculator.Compute(scope, facts, forms, settings.Reports, clock.GetUtcNow());
    }
}
