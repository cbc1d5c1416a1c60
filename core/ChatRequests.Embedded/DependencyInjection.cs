using ChatRequests.Core.Catalog;
using ChatRequests.Core.Fulfillment;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Storage;
using ChatRequests.Embedded.Catalog;
using ChatRequests.Embedded.Fulfillment;
using ChatRequests.Embedded.Organisation;
using ChatRequests.Embedded.ReferenceData;
using ChatRequests.Embedded.Sla;
using ChatRequests.Embedded.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatRequests.Embedded;

public static class DependencyInjection
{
    /// <summary>
    /// The adapters of the embedded default: the SQLite request store, conversation store and message ledger,
    /// the JSON file catalog and directory (checked as the host starts), the in-process outbox relay and the SLA sweeper.
    /// The relay and the sweeper need the use cases of <c>AddRequestWorkflow</c> and an <see cref="INotifier"/>.
    /// </summary>
    public static IServiceCollection AddEmbeddedAdapters(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<EmbeddedStorageOptions>()
            .BindConfiguration(EmbeddedStorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<CatalogOptions>()
            .BindConfiguration(CatalogOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<DirectoryOptions>()
            .BindConfiguration(DirectoryOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // Bound by the core; the relay cannot work with these out of range (a zero poll interval spins).
        services.AddOptions<FulfillmentOptions>()
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Fulfillment:PollInterval must be positive.")
            .Validate(o => o.MaxAttempts >= 1, "Fulfillment:MaxAttempts must be at least 1.")
            .Validate(o => o.MaxParallelRequests >= 1, "Fulfillment:MaxParallelRequests must be at least 1.")
            .Validate(o => o.FirstRetryDelay > TimeSpan.Zero && o.MaxRetryDelay >= o.FirstRetryDelay,
                "Fulfillment:FirstRetryDelay must be positive and at most Fulfillment:MaxRetryDelay.")
            .ValidateOnStart();

        services.AddOptions<SlaSweepOptions>()
            .BindConfiguration(SlaSweepOptions.SectionName)
            .Validate(o => o.SweepInterval > TimeSpan.Zero, "Sla:SweepInterval must be positive.")
            .ValidateOnStart();

        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<IRequestStore, SqliteRequestStore>();
        services.AddSingleton<IConversationStore, SqliteConversationStore>();
        services.AddSingleton<IMessageLedger, SqliteMessageLedger>();

        services.AddSingleton<ICatalog, JsonFileCatalog>();
        services.AddSingleton<IDirectory, JsonFileDirectory>();
        services.AddHostedService<ReferenceDataStartupCheck>();

        services.AddSingleton<RelaySignal>();
        services.AddSingleton<IRelaySignal>(sp => sp.GetRequiredService<RelaySignal>());
        services.AddSingleton<RelayHealth>();
        services.AddHostedService<InProcessRelay>();
        services.AddHostedService<SlaSweeper>();
        return services;
    }
}
