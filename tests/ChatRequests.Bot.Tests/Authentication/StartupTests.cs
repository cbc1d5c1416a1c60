using ChatRequests.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChatRequests.Bot.Tests.Authentication;

/// <summary>Outside Development the bot never runs unauthenticated.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "chatrequests-tests", Guid.NewGuid().ToString("N"));

    // These two start the real bot as a process, as an operator would: under a loaded test run the in-process
    // factory sometimes reported its own disposal instead of the start-up failure.
    [Fact]
    public async Task OutsideDevelopment_WithoutAppId_RefusesToStart_SayingWhy()
    {
        var (exitCode, output) = await RunBotAsync("Production");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("MicrosoftAppId is not set", output);
    }

    [Fact]
    public async Task OutsideDevelopment_WithAppIdButNoCredential_RefusesToStart()
    {
        var (exitCode, output) = await RunBotAsync("Production", $"--MicrosoftAppId={FakeBotConnectorIdentity.AppId}");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("MicrosoftAppPassword", output);
    }

    [Fact]
    public async Task UnknownStorageProvider_RefusesToStart_NamingTheKeyAndTheValues()
    {
        var (exitCode, output) = await RunBotAsync("Development", "--Storage:Provider=Mongo");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Storage:Provider 'Mongo' is not a known value; use one of: Sqlite, Cosmos", output);
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
        return new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(environment);
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }
        });
    }

    /// <summary>Runs the bot's own build until it exits (or 60 s), on a free port; returns its exit code and output.</summary>
    private async Task<(int ExitCode, string Output)> RunBotAsync(string environment, params string[] arguments)
    {
        Directory.CreateDirectory(_dataFolder);
        var exit = await HostRun.UntilExitAsync(
            RepositoryPaths.BotAssembly, environment, [$"--Storage:SqlitePath={Path.Combine(_dataFolder, "requests.db")}", .. arguments]);
        return (exit.ExitCode, exit.Output);
    }
}
