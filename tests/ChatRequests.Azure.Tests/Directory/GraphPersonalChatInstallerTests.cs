using Azure.Core;
using ChatRequests.Azure.Graph;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Organisation;
using ChatRequests.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using static ChatRequests.Testing.FakeGraphServer;

namespace ChatRequests.Azure.Tests.Graph;

/// <summary>
/// Installing the bot for someone it has never talked to, against the loopback Graph: POST installedApps, then the
/// installation's chat; already installed (409) reads the chat; 403 and 404 are unreachable for good; throttling heals.
/// </summary>
public sealed class GraphPersonalChatInstallerTests : IAsyncLifetime
{
    private const string Rita = "4f1c9a1e-0000-4000-8000-000000000001";
    private const string CatalogId = "e3d1a5b4-0000-4000-8000-00000000c0de";

    private FakeGraphServer _graph = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        _graph.Users[Rita] = new GraphUser(Rita, "Rita Requester", "rita@contoso.example");
        _graph.RetryAfter = TimeSpan.Zero;
        _services = BuildServices(_graph.BaseUrl, CatalogId);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _graph.DisposeAsync();
    }

    private IPersonalChatInstaller Installer => _services.GetRequiredService<IPersonalChatInstaller>();

    [Fact]
    public async Task Install_NotInstalledYet_InstallsTheCatalogApp_AndReturnsTheChatOfTheInstallation()
    {
        var chatId = await Installer.InstallAsync(Rita);

        Assert.Equal(ChatIdOf(Rita), chatId);
        var installed = Assert.Single(_graph.Installations);
        Assert.Equal((Rita, $"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{CatalogId}"), installed);
        Assert.Contains(_graph.Requests, r => r.PathAndQuery.Contains("installedApps?", StringComparison.Ordinal)
            && Uri.UnescapeDataString(r.PathAndQuery).Contains($"$filter=teamsApp/id eq '{CatalogId}'", StringComparison.Ordinal));
        Assert.All(_graph.Requests, r => Assert.Equal("Bearer fake-graph-token", r.Authorization));
    }

    [Fact]
    public async Task Install_AlreadyInstalled_ReadsTheChat()
    {
        _graph.InstalledApps[Rita] = "installation-1";

        var chatId = await Installer.InstallAsync(Rita);

        Assert.Equal(ChatIdOf(Rita), chatId);
        Assert.Empty(_graph.Installations);
        Assert.Contains(_graph.Requests, r => r.PathAndQuery.EndsWith("/installedApps/installation-1/chat", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Install_Refused403_IsUnreachableForGood()
    {
        _graph.RefusedInstallations[Rita] = true;

        var error = await Assert.ThrowsAsync<RecipientUnreachableException>(() => Installer.InstallAsync(Rita));

        Assert.Equal(Rita, error.PersonId);
        Assert.Equal("Teams app installation refused: 403 Forbidden", error.Reason);
    }

    [Fact]
    public async Task Install_NoSuchPerson404_IsUnreachableForGood()
    {
        var error = await Assert.ThrowsAsync<RecipientUnreachableException>(() => Installer.InstallAsync("4f1c9a1e-0000-4000-8000-0000000000ff"));

        Assert.Contains("404", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_ThrottledThenOk_Heals()
    {
        _graph.Throttle(2);

        Assert.Equal(ChatIdOf(Rita), await Installer.InstallAsync(Rita));
        Assert.Single(_graph.Installations);
    }

    [Fact]
    public async Task Install_StillThrottledAfterTheRetries_IsTransient()
    {
        _graph.Throttle(100);

        await Assert.ThrowsAsync<GraphDirectoryUnavailableException>(() => Installer.InstallAsync(Rita));
    }

    [Fact]
    public async Task WithoutACatalogId_NothingIsInstalled()
    {
        await using var services = BuildServices(_graph.BaseUrl, catalogId: null);

        Assert.Null(await services.GetRequiredService<IPersonalChatInstaller>().InstallAsync(Rita));
        Assert.Empty(_graph.Requests);
    }

    private static ServiceProvider BuildServices(string graphBaseUrl, string? catalogId)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Directory:GraphBaseUrl"] = graphBaseUrl + "/v1.0",
            ["Directory:MaxRetries"] = "2",
            ["Teams:AppCatalogId"] = catalogId,
        }).Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TokenCredential>(new StaticTokenCredential());
        services.AddSingleton<IDirectory>(Substitute.For<IDirectory>());
        services.AddGraphDirectory();
        return services.BuildServiceProvider();
    }
}
