using ChatRequests.Bot;
using ChatRequests.Core;
using ChatRequests.Embedded;
using ChatRequests.Embedded.Fulfillment;
using ChatRequests.Embedded.Sla;
using ChatRequests.Functions.Fulfillment;
using ChatRequests.Functions.Relay;
using ChatRequests.Functions.Sla;

namespace ChatRequests.Functions;

public static class DependencyInjection
{
    public const string StorageProviderKey = "Storage:Provider";

    /// <summary>
    /// The Functions app: the core workflow, the store chosen by <c>Storage:Provider</c>, the Teams notifier
    /// (the bot's own, with its connector client) and the three functions.
    /// </summary>
    public static IHostApplicationBuilder AddChatRequestsFunctions(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRequestWorkflow();
        AddStore(services, builder.Configuration[StorageProviderKey] ?? "Sqlite");
        services.AddTeamsNotifications();

        services.AddOptions<FunctionsOptions>().BindConfiguration(FunctionsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RelayOutboxFunction>();
        services.AddSingleton<RunFulfilmentStepFunction>();
        services.AddSingleton<SweepSlasFunction>();
        return builder;
    }

    private static void AddStore(IServiceCollection services, string provider)
    {
        if (string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            services.AddEmbeddedAdapters();
            // The queue and the change feed relay the outbox here, and the SweepSlas timer sweeps: the embedded relay
            // and sweeper would do the same work twice.
            foreach (var worker in new[] { typeof(InProcessRelay), typeof(SlaSweeper) })
            {
                services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == worker));
            }

            return;
        }

        // The seam for the Azure adapters (core/ChatRequests.Azure): AddCosmosStore() goes here once it exists.
        throw new InvalidOperationException(
            $"{StorageProviderKey} '{provider}' is not supported by the Functions app yet; use 'Sqlite'. 'Cosmos' waits for AddCosmosStore() in core/ChatRequests.Azure.");
    }
}
