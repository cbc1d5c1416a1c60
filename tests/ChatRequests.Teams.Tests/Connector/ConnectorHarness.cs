using ChatRequests.Teams.Connector;
using ChatRequests.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatRequests.Teams.Tests.Connector;

/// <summary>The connector as the bot composes it (AddBotConnector), pointed at a fresh fake Teams connector, with fast retries.</summary>
internal sealed class ConnectorHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ConnectorHarness(FakeTeamsConnector teams, ServiceProvider services, CapturingLoggerProvider logs)
    {
        Teams = teams;
        _services = services;
        Logs = logs;
        Client = services.GetRequiredService<IConnectorClient>();
    }

    public FakeTeamsConnector Teams { get; }

    public IConnectorClient Client { get; }

    public CapturingLoggerProvider Logs { get; }

    public string ServiceUrl => Teams.ServiceUrl;

    public static async Task<ConnectorHarness> StartAsync(
        Action<ConnectorOptions>? configure = null, IConnectorTokenProvider? tokens = null, IDictionary<string, string?>? configuration = null)
    {
        var teams = await FakeTeamsConnector.StartAsync();
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration ?? new Dictionary<string, string?>()).Build());
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(logs));
        if (tokens is not null)
        {
            services.AddSingleton(tokens);
        }

        services.AddBotConnector();
        services.Configure<ConnectorOptions>(options =>
        {
            options.BaseDelay = TimeSpan.FromMilliseconds(10);
            options.MaxDelay = TimeSpan.FromMilliseconds(50);
            options.AttemptTimeout = TimeSpan.FromSeconds(5);
            configure?.Invoke(options);
        });
        return new ConnectorHarness(teams, services.BuildServiceProvider(), logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Teams.DisposeAsync();
    }
}
