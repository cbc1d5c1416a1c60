using ChatRequests.Core.Catalog;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Workflow;

/// <summary>
/// What the organisation asks of a request reaching its end, as the catalog and the directory say now: whether a colleague
/// checks the work (or the item, before it goes out), whether a work note is required, when a check that waits is
/// brought to the lead, and how the request closes. One answer for every path: an agent's resolution, a delivery, a
/// receipt, an automatic grant.
/// </summary>
public sealed class ResolutionRulesFinder(ICatalog catalog, IDirectory directory)
{
    /// <summary>The rules of the request's team; none when the team is gone from the directory (nothing is checked or closes by itself).</summary>
    public async Task<ResolutionRules> ForAsync(ServiceRequest request, CancellationToken cancellationToken = default) =>
        (await directory.FindTeamAsync(request.TeamId, cancellationToken)) is { } team
            ? For(request, team, catalog)
            : ResolutionRules.None;

    /// <summary>A quality check when the team checks the item (flagged items by default), a work note for a flagged item or a checked one, and the team's closing.</summary>
    public static ResolutionRules For(ServiceRequest request, Team team, ICatalog catalog)
    {
        var flagged = catalog.Find(request.CatalogItemId)?.QualityCheck ?? false;
        var checks = team.ChecksQualityOf(flagged);
        return new ResolutionRules(checks, flagged || checks, ClosingTermsOf(team))
        {
            ReviewReminder = team.QualityCheckReminderAfterHours is { } hours ? new ReviewReminderTerms(hours, team.WorkingCalendar()) : null,
        };
    }

    /// <summary>The team's closing terms; null when its requests never close by themselves.</summary>
    public static ClosingTerms? ClosingTermsOf(Team team) =>
        team.Closure is { } settings ? new ClosingTerms(settings, team.WorkingCalendar()) : null;
}
