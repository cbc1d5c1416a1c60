using System.Reflection;
using ChatRequests.Core.Fulfilment;
using ChatRequests.Functions;
using ChatRequests.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatRequests.Bot.Tests.Hosting;

/// <summary>
/// Every host gives the fulfilment handler all it has: the embedded worker (the bot's in-process relay), the bot relaying
/// through Service Bus on Cosmos DB and Graph, and the Functions app on either. Nothing the handler's optional steps run
/// on is left out where the host registers it, and only the Graph provisioner may be missing (the embedded default) and
/// the reporting projection (on Cosmos DB with Service Bus, the Functions app's ProjectFacts reads the change feed instead).
/// </summary>
public sealed class FulfilmentWiringTests : IDisposable
{
    private static readonly PropertyInfo[] Collaborators = typeof(FulfilmentCollaborators).GetProperties(BindingFlags.Public | BindingFlags.Instance);

    private readonly ReferenceDataCopies _files = new();

    [Theory]
    [InlineData("Bot", false)]
    [InlineData("Bot", true)]
    [InlineData("Functions", false)]
    [InlineData("Functions", true)]
    public void TheHandler_GetsEverythingTheHostRegisters(string host, bool onAzure)
    {
        using var services = Compose(host, onAzure).BuildServiceProvider();

        var handed = services.GetRequiredService<FulfilmentCollaborators>();

        Assert.NotNull(services.GetRequiredService<FulfilmentHandler>());
        Assert.NotEmpty(Collaborators);
        Assert.All(Collaborators, p => Assert.Same(services.GetService(p.PropertyType), p.GetValue(handed)));
        Assert.All(
            Collaborators.Where(p => p.Name is not (nameof(FulfilmentCollaborators.Provisioner) or nameof(FulfilmentCollaborators.Facts))),
            p => Assert.NotNull(p.GetValue(handed)));
        Assert.Equal(onAzure, handed.Provisioner is not null);
        Assert.Equal(!onAzure, handed.Facts is not null);
    }

    public void Dispose() => _files.Dispose();

    private IServiceCollection Compose(string host, bool onAzure)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = _files.Database,
            ["Catalog:Path"] = _files.Catalog,
            ["Directory:Path"] = _files.Organisation,
        });
        if (onAzure)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Cosmos",
                ["Cosmos:Endpoint"] = "https://chatrequests.documents.azure.com:443/",
                ["Directory:Provider"] = "Graph",
                ["Fulfilment:Mode"] = "ServiceBus",
            });
        }

        _ = host == "Bot" ? builder.AddChatRequestsBot() : builder.AddChatRequestsFunctions();
        return builder.Services;
    }
}
