using ChatRequests.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChatRequests.Bot.Tests.Authentication;

/// <summary>
/// Outside Development the bot never runs unauthenticated; a configuration that cannot work stops the start, said once,
/// without a stack trace, with exit code 1.
/// </summary>
public sealed class StartupTests : IDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "chatrequests-tests", Guid.NewGuid().ToString("N"));

    // These two start the real bot as a process, as an operator would: under a loaded test run the in-process
    // factory sometimes reported its own disposal instead of the start-up failure.
    [Fact]
    public async Task OutsideDevelopment_WithoutAppId_RefusesToStart_SayingWhy()
    {
        var exit = await RunBotAsync("Production");

        AssertRefusedOnce(exit, "MicrosoftAppId is not set");
    }

    [Fact]
    public async Task OutsideDevelopment_WithAppIdButNoCredential_RefusesToStart()
    {
        var exit = await RunBotAsync("Production", $"--MicrosoftAppId={FakeBotConnectorIdentity.AppId}");

        AssertRefusedOnce(exit, "MicrosoftAppPassword");
    }

    [Fact]
    public async Task UnknownStorageProvider_RefusesToStart_NamingTheKeyAndTheValues()
    {
        var exit = await RunBotAsync("Development", "--Storage:Provider=Mongo");

        AssertRefusedOnce(exit, "Storage:Provider 'Mongo' is not a known value; use one of: Sqlite, Cosmos");
    }

    [Fact]
    public async Task ServiceBusOnSqlite_RefusesToStart_SayingWhatWouldRelayNothing()
    {
        var exit = await RunBotAsync("Development", "--Fulfilment:Mode=ServiceBus");

        AssertRefusedOnce(exit, "Fulfilment:Mode is ServiceBus, which needs Storage:Provider Cosmos");
    }

    [Fact]
    public async Task OutsideDevelopment_WithAnIdentity_StartsAndRefusesAnonymousActivities()
    {
        using var factory = Factory("Production", new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = FakeBotConnectorIdentity.AppId,
            ["MicrosoftAppPassword"] = "unused-in-tests",
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppTenantId"] = "00000000-0000-0000-0000-0000000000aa",
        });
        using var http = factory.CreateClient();

        using var response = await http.PostAsync("/api/messages", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private WebApplicationFactory<Program> Factory(string environment, Dictionary<string, string?> settings)
    {
        Directory.CreateDirectory(_dataFolder);
        settings["Storage:SqlitePath"] = Path.Combine(_dataFolder, "requests.db");
        settings["Catalog:Path"] = RepositoryPaths.Samples("catalog.json");
        settings["Directory:Path"] = RepositoryPaths.Samples("organisation.json");
        settings["Logging:LogLevel:Default"] = "Warning";
        settings.TryAdd(EncoderSetting.Key, "false");
        return new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(environment);
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }
        });
    }

    private static void AssertRefusedOnce(HostExit exit, string reason)
    {
        Assert.Equal(1, exit.ExitCode);
        Assert.True(exit.CountOf(reason) == 1, $"Expected once: {reason}\n--- output ---\n{exit.Output}");
        Assert.False(exit.ShowsStackTrace, exit.Output);
    }

    /// <summary>Runs the bot's own build until it exits (or 60 s), on a free port.</summary>
    private Task<HostExit> RunBotAsync(string environment, params string[] arguments)
    {
        Directory.CreateDirectory(_dataFolder);
        return HostRun.UntilExitAsync(
            RepositoryPaths.BotAssembly, environment, [$"--Storage:SqlitePath={Path.Combine(_dataFolder, "requests.db")}", .. arguments]);
    }
}
