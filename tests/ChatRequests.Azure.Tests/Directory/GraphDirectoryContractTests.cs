using Azure.Core;
using ChatRequests.Azure.Graph;
using ChatRequests.Core.Organisation;
using ChatRequests.PortContracts.Organisation;
using ChatRequests.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRequests.Azure.Tests.Graph;

/// <summary>The directory contract on Microsoft Graph: the contract's organisation served by the loopback Graph.</summary>
public sealed class GraphDirectoryContractTests : DirectoryContract
{
    private FakeGraphServer? _graph;
    private ServiceProvider? _services;

    protected override async Task<IDirectory> OpenAsync(string organisationFile)
    {
        _graph = await FakeGraphServer.StartAsync();
        var settings = GraphOrganisation.Serve(_graph, organisationFile);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddSingleton<TokenCredential>(new StaticTokenCredential());
        services.AddGraphDirectory();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        return _services.GetRequiredService<IDirectory>();
    }

    public override async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_graph is not null)
        {
            await _graph.DisposeAsync();
        }
    }
}
