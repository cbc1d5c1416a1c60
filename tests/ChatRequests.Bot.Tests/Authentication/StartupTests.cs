using ChatRequests.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChatRequests.Bot.Tests.Authentication;

/// <summary>Outside Development the bot never runs unauthenticated.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "chatrequests-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void OutsideDevelopment_WithoutAppId_RefusesToStart_SayingWhy()
    {
        using var factory = Factory("Production", new Dictionary<string, string?>());

        var error = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("MicrosoftAppId is not set", AllMessages(error));
    }

    [Fact]
    public void OutsideDevelopment_WithAppIdButNoCredential_RefusesToStart()
    {
        using var factory = Factory("Production", new Dictionary<string, string?> { ["MicrosoftAppId"] = FakeBotConnectorIdentity.AppId });

        var error = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("MicrosoftAppPassword", AllMessages(error));
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

    private static string AllMessages(Exception error)
    {
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
            if (e is AggregateException aggregate)
            {
                messages.AddRange(aggregate.InnerExceptions.Select(i => i.Message));
            }
        }

        return string.Join("\n", messages);
    }
}
