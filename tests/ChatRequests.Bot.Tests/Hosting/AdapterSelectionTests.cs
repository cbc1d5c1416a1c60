using ChatRequests.Azure.Graph;
using ChatRequests.Azure.Storage;
using ChatRequests.Core.Configuration;
using ChatRequests.Testing;
using ChatRequests.Composition;
using ChatRequests.Core;
using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Storage;
using ChatRequests.Embedded.Fulfilment;
using ChatRequests.Embedded.Organisation;
using ChatRequests.Embedded.Storage;
using ChatRequests.ReferenceData;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatRequests.Bot.Tests.Hosting;

/// <summary>What Storage:Provider, Directory:Provider and Fulfilment:Mode register, and what they refuse.</summary>
public sealed class AdapterSelectionTests
{
    [Fact]
    public void NoConfiguration_IsTheEmbeddedDefault_WithTheInProcessRelay()
    {
        var (choice, services) = Select([], AdapterHost.Bot);

        Assert.Equal(new AdapterChoice(StorageProvider.Sqlite, DirectoryProvider.File, FulfilmentMode.InProcess), choice);
        Assert.Contains(services, d => d.ServiceType == typeof(IRequestStore) && d.ImplementationType == typeof(SqliteRequestStore));
        Assert.Contains(services, d => d.ServiceType == typeof(IDirectory) && d.ImplementationType == typeof(JsonFileDirectory));
        Assert.Contains(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(InProcessRelay));
        Assert.Contains(services, d => d.ServiceType == typeof(ReferenceDataStartupCheck));
    }

    [Fact]
    public void CosmosGraphServiceBus_ValuesIgnoreCase_RegisterTheAzureAdaptersAndNoInProcessHostedServices()
    {
        var (choice, services) = Select(new()
        {
            ["Storage:Provider"] = "cosmos",
            ["Cosmos:Endpoint"] = "https://chatrequests.documents.azure.com:443/",
            ["Directory:Provider"] = "GRAPH",
            ["Fulfilment:Mode"] = "ServiceBus",
        }, AdapterHost.Bot);

        Assert.Equal(new AdapterChoice(StorageProvider.Cosmos, DirectoryProvider.Graph, FulfilmentMode.ServiceBus), choice);
        Assert.Contains(services, d => d.ServiceType == typeof(IRequestStore) && d.ImplementationType == typeof(CosmosRequestStore));
        Assert.Equal(typeof(GraphDirectory), Assert.Single(services, d => d.ServiceType == typeof(IDirectory)).ImplementationType);
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(InProcessRelay));
        Assert.Contains(services, d => d.ServiceType == typeof(ReferenceDataStartupCheck));
        Assert.Contains(services, d => d.ServiceType == typeof(IRelaySignal));
    }

    [Theory]
    [InlineData("Graph", typeof(GraphAbsenceCalendar))]
    [InlineData("File", typeof(NoAbsences))]
    public void AbsenceCalendar_IsTheMailboxesWithGraph_AndNobodyAwayWithTheFile(string directory, Type calendar)
    {
        // As the hosts compose: the workflow (which only tries to add NoAbsences) before the adapters.
        var builder = Builder(new() { ["Directory:Provider"] = directory });
        builder.Services.AddRequestWorkflow();
        builder.AddSelectedAdapters(AdapterHost.Bot);
        using var provider = builder.Services.BuildServiceProvider();

        Assert.IsType(calendar, Assert.Single(provider.GetServices<IAbsenceCalendar>()));
    }

    [Fact]
    public void FunctionsHost_NeverRunsTheInProcessRelay_EvenInInProcessMode()
    {
        var (_, services) = Select([], AdapterHost.Functions);

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(InProcessRelay));
        Assert.Contains(services, d => d.ServiceType == typeof(IRelaySignal));
    }

    [Theory]
    [InlineData("Storage:Provider", "Mongo", "Storage:Provider 'Mongo' is not a known value; use one of: Sqlite, Cosmos (default Sqlite).")]
    [InlineData("Storage:Provider", "1", "Storage:Provider '1' is not a known value; use one of: Sqlite, Cosmos (default Sqlite).")]
    [InlineData("Directory:Provider", "Ldap", "Directory:Provider 'Ldap' is not a known value; use one of: File, Graph (default File).")]
    [InlineData("Fulfilment:Mode", "Queue", "Fulfilment:Mode 'Queue' is not a known value; use one of: InProcess, ServiceBus (default InProcess).")]
    public void UnknownValue_RefusesNamingTheKeyAndTheAllowedValues(string key, string value, string message)
    {
        var error = Assert.Throws<ConfigurationRefusedException>(() => Select(new() { [key] = value }, AdapterHost.Bot));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void CosmosWithoutEndpoint_RefusesNamingCosmosEndpoint(string? endpoint)
    {
        var error = Assert.Throws<ConfigurationRefusedException>(() =>
            Select(new() { ["Storage:Provider"] = "Cosmos", ["Cosmos:Endpoint"] = endpoint }, AdapterHost.Functions));

        Assert.StartsWith("Storage:Provider is Cosmos but Cosmos:Endpoint is not set", error.Message);
    }

    [Fact]
    public void CosmosWithARelativeEndpoint_Refuses()
    {
        var error = Assert.Throws<ConfigurationRefusedException>(() =>
            Select(new() { ["Storage:Provider"] = "Cosmos", ["Cosmos:Endpoint"] = "chatrequests" }, AdapterHost.Bot));

        Assert.StartsWith("Cosmos:Endpoint 'chatrequests' is not an absolute URL", error.Message);
    }

    [Fact]
    public void ServiceBusModeOnSqlite_TheBotRefuses_SinceNothingWouldRelayItsOutbox()
    {
        var error = Assert.Throws<ConfigurationRefusedException>(() => Select(new() { ["Fulfilment:Mode"] = "ServiceBus" }, AdapterHost.Bot));

        Assert.StartsWith("Fulfilment:Mode is ServiceBus, which needs Storage:Provider Cosmos", error.Message);
    }

    [Fact]
    public async Task OldSpelling_FulfillmentKeys_AreReadUnderTheNewName_WithOneWarningAtStart()
    {
        var logs = new CapturingLoggerProvider();
        var builder = Builder(new()
        {
            ["Storage:Provider"] = "Cosmos",
            ["Cosmos:Endpoint"] = "https://chatrequests.documents.azure.com:443/",
            ["Fulfillment:Mode"] = "ServiceBus",
            ["Fulfillment:PollInterval"] = "00:00:07",
        });
        builder.Logging.AddProvider(logs);
        builder.Services.AddRequestWorkflow();

        var choice = builder.AddSelectedAdapters(AdapterHost.Bot);
        using var host = builder.Build();
        await host.StartAsync();
        await host.StopAsync();

        Assert.Equal(FulfilmentMode.ServiceBus, choice.Fulfilment);
        Assert.Equal(TimeSpan.FromSeconds(7), host.Services.GetRequiredService<IOptions<FulfilmentOptions>>().Value.PollInterval);
        var warning = Assert.Single(logs.Logs, l => l.Level >= LogLevel.Warning);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.StartsWith("Configuration keys Fulfillment:Mode, Fulfillment:PollInterval have the old spelling", warning.Message);
    }

    [Fact]
    public void BothSpellings_TheNewNameWins()
    {
        var (choice, _) = Select(new() { ["Fulfilment:Mode"] = "InProcess", ["Fulfillment:Mode"] = "ServiceBus" }, AdapterHost.Bot);

        Assert.Equal(FulfilmentMode.InProcess, choice.Fulfilment);
    }

    [Fact]
    public void NewSpellingOnly_NoWarningIsRegistered()
    {
        var (_, services) = Select(new() { ["Fulfilment:Mode"] = "InProcess" }, AdapterHost.Functions);

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IHostedService));
    }

    private static HostApplicationBuilder Builder(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        // The encoder off, as in every test host not about it (EncoderSetting): on, its start-up work in the background
        // would load a model this test's output does not carry and warn, racing with the warnings the tests count.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [EncoderSetting.Key] = "false" });
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }

    private static (AdapterChoice Choice, IServiceCollection Services) Select(Dictionary<string, string?> settings, AdapterHost host)
    {
        var builder = Builder(settings);
        var choice = builder.AddSelectedAdapters(host);
        return (choice, builder.Services);
    }
}
