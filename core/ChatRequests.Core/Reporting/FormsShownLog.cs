using ChatRequests.Core.Catalog;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Routing;
using Microsoft.Extensions.Logging;

namespace ChatRequests.Core.Reporting;

/// <summary>Records the request forms the intake shows, for the abandonment figure (a form shown and never submitted).</summary>
public sealed class FormsShownLog(IReportingStore store, IDirectory directory, TimeProvider clock, ILogger<FormsShownLog> logger)
{
    /// <summary>
    /// Records the form <paramref name="formKey"/> (its submission key) of <paramref name="item"/> shown to
    /// <paramref name="person"/>, with the team it would go to. The form is on screen already when this runs: a failure is
    /// logged and the person's turn goes on, since a figure must never cost someone their form.
    /// </summary>
    public async Task RecordAsync(string formKey, CatalogItem item, PersonRef person, CancellationToken cancellationToken)
    {
        try
        {
            var team = TeamRouter.Route(item, await directory.ListTeamsAsync(cancellationToken));
            await store.RecordFormShownAsync(new FormShown(formKey, item.Id, item.Category, team.Id, person, clock.GetUtcNow()), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The form of {CatalogItemId} shown could not be recorded for the reports", item.Id);
        }
    }
}
