using ChatRequests.Core.AccessReviews;
using ChatRequests.Core.Approvals;
using ChatRequests.Core.Assignment;
using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Reporting;
using ChatRequests.Core.Storage;
using ChatRequests.Embedded.AccessReviews;
using ChatRequests.Embedded.Digest;
using ChatRequests.Embedded.Fulfilment;
using ChatRequests.Embedded.Organisation;
using ChatRequests.Embedded.Sla;
using ChatRequests.Embedded.Storage;
using ChatRequests.ReferenceData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatRequests.Embedded;

/// <summary>
/// The adapters of the embedded default, one method per port group, so that a host can swap any of them for an
/// Azure adapter by configuration (hosting/ChatRequests.Composition/AdapterSelection.cs chooses).
/// </summary>
public static class DependencyInjection
{
    /// <summary>
    /// The whole embedded default: <see cref="AddSqliteStore"/>, <see cref="AddJsonDirectory"/> and
    /// <see cref="AddInProcessFulfilment"/> (the outbox relay and the SLA sweeper), with the JSON catalog every mode uses
    /// (<c>AddJsonCatalog</c>). The relay and the sweeper need the use cases of <c>AddRequestWorkflow</c> and an
    /// <see cref="INotifier"/>.
    /// </summary>
    public static IServiceCollection AddEmbeddedAdapters(this IServiceCollection services) =>
        services.AddSqliteStore().AddJsonCatalog().AddJsonDirectory().AddInProcessFulfilment();

    /// <summary>The SQLite request store, conversation store, message ledger, delegations, availability and the reporting projection (section "Storage").</summary>
    public static IServiceCollection AddSqliteStore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<EmbeddedStorageOptions>()
            .BindConfiguration(EmbeddedStorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<IRequestStore, SqliteRequestStore>();
        services.AddSingleton<IConversationStore, SqliteConversationStore>();
        services.AddSingleton<IMessageLedger, SqliteMessageLedger>();
        services.AddSingleton<IDelegationStore, SqliteDelegationStore>();
        services.AddSingleton<IAssignmentStore, SqliteAssignmentStore>();
        // The reporting projection, in the same file, kept up to date by the outbox events (FulfilmentHandler).
        services.AddSingleton<IReportingStore, SqliteReportingStore>();
        services.TryAddSingleton<FactsProjection>();
        services.AddSingleton<IAccessReviewStore, SqliteAccessReviewStore>();
        return services;
    }

    /// <summary>People, managers, teams and approver groups from the organisation JSON file (<c>Directory:Path</c>).</summary>
    public static IServiceCollection AddJsonDirectory(this IServiceCollection services)
    {
        services.AddOptions<DirectoryOptions>()
            .BindConfiguration(DirectoryOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IDirectory, JsonFileDirectory>();
        return services;
    }

    /// <summary>
    /// Fulfilment inside the host: the outbox relay and the SLA sweeper (hosted services) and the signal that wakes the relay. Every hosted
    /// service that works the outboxes or the SLA timers in-process belongs here, so that a host whose fulfilment
    /// runs elsewhere (<c>Fulfilment:Mode=ServiceBus</c>: the Functions app) leaves them all out by not calling this.
    /// </summary>
    public static IServiceCollection AddInProcessFulfilment(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        // Bound by the core; the relay cannot work with these out of range (a zero poll interval spins).
        services.AddOptions<FulfilmentOptions>()
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Fulfilment:PollInterval must be positive.")
            .Validate(o => o.MaxAttempts >= 1, "Fulfilment:MaxAttempts must be at least 1.")
            .Validate(o => o.MaxParallelRequests >= 1, "Fulfilment:MaxParallelRequests must be at least 1.")
            .Validate(o => o.EventTimeout > TimeSpan.Zero, "Fulfilment:EventTimeout must be positive.")
            .Validate(o => o.FirstRetryDelay > TimeSpan.Zero && o.MaxRetryDelay >= o.FirstRetryDelay,
                "Fulfilment:FirstRetryDelay must be positive and at most Fulfilment:MaxRetryDelay.")
            .ValidateOnStart();

        services.AddOptions<SlaSweepOptions>()
            .BindConfiguration(SlaSweepOptions.SectionName)
            .Validate(o => o.SweepInterval > TimeSpan.Zero, "Sla:SweepInterval must be positive.")
            .ValidateOnStart();

        services.AddSingleton<RelaySignal>();
        services.AddSingleton<IRelaySignal>(sp => sp.GetRequiredService<RelaySignal>());
        // The events this process handles keep the reporting projection, whatever the store (Cosmos DB too: no
        // Functions app reads its change feed then).
        services.TryAddSingleton<FactsProjection>();
        services.AddHostedService<InProcessRelay>();
        services.AddHostedService<SlaSweeper>();
        services.AddHostedService<DigestSender>();
        services.AddHostedService<AccessReviewSweeper>();
        return services;
    }
}
