using ChatRequests.Core.Catalog;
using ChatRequests.Core.Organisation;
using ChatRequests.ReferenceData.Catalog;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatRequests.ReferenceData;

/// <summary>
/// Loads the catalog and the directory and checks them against each other, before the host starts anything
/// (<see cref="ReferenceDataHost.RunWithReferenceDataCheckAsync"/>). Bad reference data stops the start with every
/// problem of both files listed, instead of failing the first employee who meets it.
/// </summary>
public sealed class ReferenceDataStartupCheck(IServiceProvider services, ILogger<ReferenceDataStartupCheck> logger)
{
    /// <summary>Throws <see cref="ReferenceDataException"/> listing every problem of both files and between them.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        // Resolved here rather than injected: each load throws on its own problems, and both files' are wanted.
        var directory = Load<IDirectory>(problems);
        var catalog = Load<ICatalog>(problems);
        if (directory is not null && catalog is not null)
        {
            var catalogName = (catalog as JsonFileCatalog)?.FilePath ?? "catalog";
            try
            {
                problems.AddRange(await CatalogDirectoryCheck.FindProblemsAsync(catalog, directory, catalogName, cancellationToken));
            }
            catch (DirectoryUnavailableException ex)
            {
                // A directory service that is down for a moment (Microsoft Graph) must not keep the bot from starting;
                // turns that need it apologise until it answers. Its configuration was validated already.
                logger.LogWarning(ex, "The directory could not be reached at start, so the catalog was not checked against it; starting anyway");
                return;
            }
        }

        if (problems.Count > 0)
        {
            throw new ReferenceDataException(problems);
        }

        logger.LogInformation("Reference data checked: {ItemCount} catalog items can be routed and approved", catalog!.Items.Count);
    }

    private T? Load<T>(List<string> problems)
        where T : class
    {
        try
        {
            return services.GetRequiredService<T>();
        }
        catch (ReferenceDataException ex)
        {
            problems.AddRange(ex.Problems);
            return null;
        }
    }
}
