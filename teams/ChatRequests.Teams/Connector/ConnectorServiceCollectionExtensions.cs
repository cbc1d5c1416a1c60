using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatRequests.Teams.Connector;

public static class ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// The Bot Connector client (<see cref="IConnectorClient"/>), its options (section "Connector", validated on
    /// start), the shared rate limiters and retry pipeline, and <see cref="NoTokenProvider"/> unless an
    /// <see cref="IConnectorTokenProvider"/> was registered before.
    /// </summary>
    public static IServiceCollection AddBotConnector(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ConnectorOptions>()
            .BindConfiguration(ConnectorOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConnectorOptions>, ConnectorOptionsValidator>());
        services.TryAddSingleton<IConnectorTokenProvider, NoTokenProvider>();

        // Limits and retry state are per process, so every client instance must share them.
        // Teams counts calls on the wall clock, whatever clock the host's business rules run on (a test's or a replay's may
        // stand still, and a call waiting for a window's room would then wait for ever).
        services.TryAddSingleton(sp => new ConnectorRateLimiter(sp.GetRequiredService<IOptions<ConnectorOptions>>(), TimeProvider.System));
        services.TryAddSingleton<ConnectorResilience>();

        // The per-attempt timeout is Polly's; HttpClient's own 100 s timeout would cut across retries. The factory's logging
        // handlers are removed: they log every call at Information (below the level the hosts log HttpClient at) and open a
        // scope per call whatever the level; the client logs its own failures (ConnectorClient).
        services.AddHttpClient<IConnectorClient, ConnectorClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        return services;
    }
}
