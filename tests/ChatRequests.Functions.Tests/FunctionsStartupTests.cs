using ChatRequests.Core.Configuration;
using ChatRequests.Teams.Authentication;
using ChatRequests.Teams.Connector;
using ChatRequests.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatRequests.Functions.Tests;

/// <summary>The Functions app composes like the bot: same adapter selection, same identity rules, outbound tokens only.</summary>
public sealed class FunctionsStartupTests : IDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "chatrequests-functions-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task OutsideDevelopment_WithoutAppId_RefusesToStart_SayingWhy()
    {
        await using var app = Build("Production", []);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("MicrosoftAppId is not set", error.Message);
    }

    [Fact]
    public async Task WithAnAppId_PostsWithEntraIdTokens_AndHasNoInboundAuthenticator()
    {
        await using var app = Build("Production", new()
        {
            ["MicrosoftAppId"] = "00000000-0000-0000-0000-0000000000b0",
            ["MicrosoftAppType"] = "UserAssignedMSI",
            ["MicrosoftAppTenantId"] = "00000000-0000-0000-0000-0000000000aa",
        });

        Assert.IsType<AzureIdentityTokenProvider>(app.Services.GetRequiredService<IConnectorTokenProvider>());
        Assert.Null(app.Services.GetService<IInboundAuthenticator>());
    }

    [Fact]
    public void UnknownStorageProvider_RefusesToStart_NamingTheKeyAndTheValues()
    {
        var error = Assert.Throws<ConfigurationRefusedException>(() => Build("Development", new() { ["Storage:Provider"] = "Mongo" }));

        Assert.Equal("Storage:Provider 'Mongo' is not a known value; use one of: Sqlite, Cosmos (default Sqlite).", error.Message);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
        }
    }

    private WebApplication Build(string environment, Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = Path.Combine(_dataFolder, "requests.db"),
            ["Catalog:Path"] = RepositoryPaths.Samples("catalog.json"),
            ["Directory:Path"] = RepositoryPaths.Samples("organisation.json"),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddChatRequestsFunctions();
        return builder.Build();
    }
}
