using ChatRequests.Core.Catalog;
using ChatRequests.Core.Organisation;
using ChatRequests.ReferenceData.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRequests.ReferenceData;

public static class DependencyInjection
{
    /// <summary>
    /// The service catalog from its JSON file (section "Catalog"; in every mode, it ships with the app), and the
    /// start-up check of the catalog against whichever <see cref="IDirectory"/> is registered, which the host runs
    /// before it starts (<see cref="ReferenceDataHost.RunWithReferenceDataCheckAsync"/>).
    /// </summary>
    public static IServiceCollection AddJsonCatalog(this IServiceCollection services)
    {
        services.AddOptions<CatalogOptions>()
            .BindConfiguration(CatalogOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ICatalog, JsonFileCatalog>();
        services.AddSingleton<ReferenceDataStartupCheck>();
        return services;
    }
}
