using ChatRequests.Azure.Storage;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Storage;
using ChatRequests.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.Azure.Tests.Storage;

[Collection(CosmosServer.Collection)]
public sealed class CosmosServiceCollectionExtensionsTests(CosmosServer server)
{
    [Fact]
    public async Task AddCosmosStore_FromTheCosmosSection_GivesWorkingStores()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["Cosmos:Endpoint"] = server.Endpoint.ToString(),
            ["Cosmos:Database"] = "di-" + Guid.NewGuid().ToString("N"),
            ["Cosmos:UseEmulatorKey"] = "true",
            ["Cosmos:CreateIfMissing"] = "true",
        });

        var store = provider.GetRequiredService<IRequestStore>();
        await store.CreateAsync(Submit("REQ-000001"));

        Assert.NotNull(await store.GetAsync("REQ-000001"));
        Assert.IsType<CosmosConversationStore>(provider.GetRequiredService<IConversationStore>());
        Assert.IsType<CosmosMessageLedger>(provider.GetRequiredService<IMessageLedger>());
    }

    [Fact]
    public void AddCosmosStore_WithoutAnEndpoint_FailsValidation()
    {
        using var provider = Build(new Dictionary<string, string?>());

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CosmosOptions>>().Value);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddCosmosStore();
        return services.BuildServiceProvider();
    }
}
