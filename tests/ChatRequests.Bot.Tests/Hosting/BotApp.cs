using ChatRequests.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRequests.Bot.Tests.Hosting;

/// <summary>
/// The real ASP.NET Core host of the bot (WebApplicationFactory) on its embedded default with a fresh SQLite file,
/// talking to a loopback fake of the Teams connector.
/// </summary>
public sealed class BotApp : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private readonly string _dataFolder;
    private readonly bool _ownsConnector;

    private BotApp(
        FakeTeamsConnector connector,
        bool ownsConnector,
        string dataFolder,
        IReadOnlyDictionary<string, string?> settings,
        Action<IServiceCollection>? services,
        string environment)
    {
        Connector = connector;
        _ownsConnector = ownsConnector;
        _dataFolder = dataFolder;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(environment);
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }

            if (services is not null)
            {
                web.ConfigureServices(services);
            }
        });
        Http = _factory.CreateClient();
        Teams = new TeamsDriver(Http, connector);
    }

    public FakeTeamsConnector Connector { get; }

    public HttpClient Http { get; }

    public TeamsDriver Teams { get; }

    public IServiceProvider Services => _factory.Services;

    /// <param name="overrides">Configuration on top of the test defaults.</param>
    /// <param name="services">Replaces services, for failures only a broken dependency can cause.</param>
    /// <param name="environment">Development (no app id needed) unless a test is about another environment.</param>
    /// <param name="teams">
    /// The Teams stand-in to talk to, for a test that restarts the bot: Teams outlives a bot process, and the chats and
    /// cards of the first run are still there for the next. The caller disposes it; by default each run gets its own.
    /// </param>
    public static async Task<BotApp> StartAsync(
        IReadOnlyDictionary<string, string?>? overrides = null,
        Action<IServiceCollection>? services = null,
        string environment = "Development",
        FakeTeamsConnector? teams = null)
    {
        var connector = teams ?? await FakeTeamsConnector.StartAsync();
        var dataFolder = Path.Combine(Path.GetTempPath(), "chatrequests-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);
        var settings = new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = Path.Combine(dataFolder, "requests.db"),
            ["Catalog:Path"] = RepositoryPaths.Samples("catalog.json"),
            ["Directory:Path"] = RepositoryPaths.Samples("organisation.json"),
            ["Bot:DefaultServiceUrl"] = connector.ServiceUrl,
            ["Bot:TenantId"] = connector.TenantId,
            ["Bot:BotId"] = TeamsDriver.BotId,
            ["Fulfilment:PollInterval"] = "00:00:00.050",
            ["Fulfilment:FirstRetryDelay"] = "00:00:00.050",
            ["Logging:LogLevel:Default"] = "Warning",
            [EncoderSetting.Key] = "false",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new BotApp(connector, teams is null, dataFolder, settings, services, environment);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _factory.DisposeAsync();
        if (_ownsConnector)
        {
            await Connector.DisposeAsync();
        }
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
