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
    private const string E3 = "05e9a617-0261-4cee-bb44-138d3ef5d965";
    private const string Yammer = "7547a3fe-08ee-4ccb-b430-5077c5041653";
    private const string Nobody = "4f1c9a1e-0000-4000-8000-0000000000ff";

    private FakeGraphServer _graph = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        _graph.Users[Rita] = new GraphUser(Rita, "Rita Requester", "rita@contoso.example");
        _graph.Users[Sam] = new GraphUser(Sam, "Sam Security", "sam@contoso.example");
        _graph.Groups[FinanceReaders] = [("#microsoft.graph.user", Sam)];
        _graph.FreeLicences[E3] = 5;
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

    [Fact]
    public async Task RemoveFromGroup_Member_DeletesTheReference()
    {
        await Provisioner.RemoveFromGroupAsync(Sam, FinanceReaders);

        Assert.Equal([new MemberRemoved(FinanceReaders, Sam)], _graph.MembersRemoved);
        Assert.Equal($"/v1.0/groups/{FinanceReaders}/members/{Sam}/$ref", Assert.Single(_graph.Requests).PathAndQuery);
        Assert.DoesNotContain(_graph.Groups[FinanceReaders], m => m.Id == Sam);
    }

    [Fact]
    public async Task RemoveFromGroup_AlreadyRemoved_Succeeds()
    {
        await Provisioner.RemoveFromGroupAsync(Sam, FinanceReaders);
        await Provisioner.RemoveFromGroupAsync(Sam, FinanceReaders);
        await Provisioner.RemoveFromGroupAsync(Rita, FinanceReaders);

        Assert.Equal(3, _graph.Requests.Count);
        Assert.Single(_graph.MembersRemoved);
    }

    [Fact]
    public async Task RemoveFromGroup_NoSuchGroup_IsRefusedForGood()
    {
        var error = await Assert.ThrowsAsync<ProvisioningRefusedException>(() => Provisioner.RemoveFromGroupAsync(Sam, NoSuchGroup));

        Assert.Equal("Microsoft Graph refused to remove the member (404 Request_ResourceNotFound)", error.Message);
    }

    [Fact]
    public async Task RemoveFromGroup_Forbidden_IsRefusedForGood()
    {
        _graph.RefusedGroups[FinanceReaders] = true;

        var error = await Assert.ThrowsAsync<ProvisioningRefusedException>(() => Provisioner.RemoveFromGroupAsync(Sam, FinanceReaders));

        Assert.Contains("403", error.Message);
        Assert.Contains(_graph.Groups[FinanceReaders], m => m.Id == Sam);
    }

    [Fact]
    public async Task AssignLicence_PostsTheSkuWithItsDisabledPlans()
    {
        await Provisioner.AssignLicenceAsync(Rita, E3, [Yammer]);

        var assigned = Assert.Single(_graph.LicencesAssigned);
        Assert.Equal((Rita, E3), (assigned.UserId, assigned.SkuId));
        Assert.Equal([Yammer], assigned.DisabledPlans);
        Assert.Equal($"/v1.0/users/{Rita}/assignLicense", Assert.Single(_graph.Requests).PathAndQuery);
        Assert.Equal(4, _graph.FreeLicences[E3]);
    }

    [Fact]
    public async Task AssignLicence_AlreadyAssigned_SucceedsWithoutUsingAnotherLicence()
    {
        await Provisioner.AssignLicenceAsync(Rita, E3, []);
        await Provisioner.AssignLicenceAsync(Rita, E3, []);

        Assert.Equal(2, _graph.Requests.Count);
        Assert.Single(_graph.LicencesAssigned);
        Assert.Equal(4, _graph.FreeLicences[E3]);
    }

    [Fact]
    public async Task AssignLicence_Forbidden_IsRefusedForGood()
    {
        _graph.RefuseLicenceAssignment = true;

        var error = await Assert.ThrowsAsync<ProvisioningRefusedException>(() => Provisioner.AssignLicenceAsync(Rita, E3, []));

        Assert.Equal("Microsoft Graph refused to assign the licence (403 Authorization_RequestDenied)", error.Message);
        Assert.Single(_graph.Requests);
    }

    [Fact]
    public async Task AssignLicence_NoSuchUser_IsRefusedForGood()
    {
        var error = await Assert.ThrowsAsync<ProvisioningRefusedException>(() => Provisioner.AssignLicenceAsync(Nobody, E3, []));

        Assert.Contains("404", error.Message);
    }

    [Fact]
    public async Task AssignLicence_NoLicenceLeft_IsRefusedForGood()
    {
        _graph.FreeLicences[E3] = 0;

        var error = await Assert.ThrowsAsync<ProvisioningRefusedException>(() => Provisioner.AssignLicenceAsync(Rita, E3, []));

        Assert.Contains("400", error.Message);
        Assert.Empty(_graph.LicencesAssigned);
    }

    [Fact]
    public async Task AssignLicence_Throttled_WaitsForRetryAfterAndSucceeds()
    {
        _graph.RetryAfter = TimeSpan.FromSeconds(1);
        _graph.Throttle(1);

        await Provisioner.AssignLicenceAsync(Rita, E3, []);

        var (first, second) = (_graph.Requests.First(), _graph.Requests.Last());
        Assert.Equal(2, _graph.Requests.Count);
        Assert.True(second.At - first.At >= TimeSpan.FromSeconds(0.9), $"retried after {(second.At - first.At).TotalSeconds} s");
        Assert.Single(_graph.LicencesAssigned);
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
