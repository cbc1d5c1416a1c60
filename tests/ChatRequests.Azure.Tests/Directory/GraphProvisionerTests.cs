using Azure.Core;
using ChatRequests.Azure.Graph;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Provisioning;
using ChatRequests.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using static ChatRequests.Testing.FakeGraphServer;

namespace ChatRequests.Azure.Tests.Graph;

/// <summary>The Graph provisioner against the loopback Graph: POST /groups/{id}/members/$ref and its answers.</summary>
public sealed class GraphProvisionerTests : IAsyncLifetime
{
    private const string Rita = "4f1c9a1e-0000-4000-8000-000000000001";
    private const string Sam = "4f1c9a1e-0000-4000-8000-000000000004";
    private const string FinanceReaders = "6b1f3a52-3c1e-4f0b-9a57-5d1d0c2f9e11";
    private const string NoSuchGroup = "6b1f3a52-3c1e-4f0b-9a57-000000000000";

    private FakeGraphServer _graph = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        _graph.Users[Rita] = new GraphUser(Rita, "Rita Requester", "rita@contoso.example");
        _graph.Users[Sam] = new GraphUser(Sam, "Sam Security", "sam@contoso.example");
        _graph.Groups[FinanceReaders] = [("#microsoft.graph.user", Sam)];
        _graph.RetryAfter = TimeSpan.Zero;
        _services = BuildServices(_graph.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _graph.DisposeAsync();
    }

    private IProvisioner Provisioner => _services.GetRequiredService<IProvisioner>();

    [Fact]
    public void AddGraphDirectory_RegistersTheGraphProvisioner()
    {
        Assert.IsType<GraphProvisioner>(Provisioner);
    }

    [Fact]
    public async Task AddToGroup_NewMember_PostsTheDirectoryObjectReferenceWithTheToken()
    {
        await Provisioner.AddToGroupAsync(Rita, FinanceReaders);

        var added = Assert.Single(_graph.MembersAdded);
        Assert.Equal(new MemberAdded(FinanceReaders, $"https://graph.microsoft.com/v1.0/directoryObjects/{Rita}"), added);
        var request = Assert.Single(_graph.Requests);
        Assert.Equal($"/v1.0/groups/{FinanceReaders}/members/$ref", request.PathAndQuery);
        Assert.Equal("Bearer fake-graph-token", request.Authorization);
        Assert.Contains(_graph.Groups[FinanceReaders], m => m.Id == Rita);
    }

    [Fact]
    public async Task AddToGroup_AlreadyAMember_Succeeds()
    {
        await Provisioner.AddToGroupAsync(Sam, FinanceReaders);
        await Provisioner.AddToGroupAsync(Rita, FinanceReaders);
        await Provisioner.AddToGroupAsync(Rita, FinanceReaders);

        Assert.Equal(3, _graph.Requests.Count);
        Assert.Equal([Rita], _graph.MembersAdded.Select(m => m.ODataId.Split('/')[^1]));
        Assert.Single(_graph.Groups[FinanceReaders], m => m.Id == Rita);
    }

    [Fact]
    public async Task AddToGroup_Forbidden_IsRefusedForGood()
    {
        _graph.RefusedGroups[FinanceReaders] = true;

        var error = await Assert.ThrowsAsync<ProvisioningRefusedException>(() => Provisioner.AddToGroupAsync(Rita, FinanceReaders));

        Assert.Contains("403", error.Message);
        Assert.Empty(_graph.MembersAdded);
        Assert.Single(_graph.Requests);
    }

    [Fact]
    public async Task AddToGroup_NoSuchGroup_IsRefusedForGood()
    {
        var error = await Assert.ThrowsAsync<ProvisioningRefusedException>(() => Provisioner.AddToGroupAsync(Rita, NoSuchGroup));

        Assert.Contains("404", error.Message);
    }

    [Fact]
    public async Task AddToGroup_ThrottledOnce_IsRetriedAndSucceeds()
    {
        _graph.Throttle(1);

        await Provisioner.AddToGroupAsync(Rita, FinanceReaders);

        Assert.Equal(2, _graph.Requests.Count);
        Assert.Equal("1", _graph.Requests.Last().RetryAttempt);
        Assert.Single(_graph.MembersAdded);
    }

    [Fact]
    public async Task AddToGroup_ThrottledPastTheRetryLimit_IsUnavailable_ATransientFailure()
    {
        _graph.Throttle(10);

        var error = await Assert.ThrowsAsync<GraphDirectoryUnavailableException>(() => Provisioner.AddToGroupAsync(Rita, FinanceReaders));

        Assert.IsAssignableFrom<DirectoryUnavailableException>(error);
        Assert.IsNotType<ProvisioningRefusedException>(error);
        Assert.Equal(3, _graph.Requests.Count); // the first call and MaxRetries = 2
        Assert.Empty(_graph.MembersAdded);
    }

    [Fact]
    public async Task AddToGroup_GraphNotListening_IsUnavailable()
    {
        await using var unreachable = BuildServices($"http://127.0.0.1:{LocalProcess.FreePort()}");

        await Assert.ThrowsAsync<GraphDirectoryUnavailableException>(
            () => unreachable.GetRequiredService<IProvisioner>().AddToGroupAsync(Rita, FinanceReaders));
    }

    private static ServiceProvider BuildServices(string graphBaseUrl)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Directory:GraphBaseUrl"] = graphBaseUrl + "/v1.0",
            ["Directory:MaxRetries"] = "2",
        }).Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TokenCredential>(new StaticTokenCredential());
        services.AddSingleton<IDirectory>(Substitute.For<IDirectory>());
        services.AddGraphDirectory();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
