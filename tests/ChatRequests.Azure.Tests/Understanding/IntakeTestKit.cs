using Azure.Core;
using ChatRequests.Azure.Understanding;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Understanding;
using ChatRequests.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatRequests.Azure.Tests.Understanding;

/// <summary>A small catalog, a lexical reading the test decides, and the interpreter as AddAzureOpenAIIntake builds it.</summary>
internal static class IntakeTestKit
{
    public static readonly CatalogItem Laptop = new()
    {
        Id = "laptop", Name = "Laptop", Category = "Hardware", Description = "A standard business laptop.",
        Keywords = ["notebook computer"], Synonyms = ["notebook"], ApproverGroupId = "grp-finance-secret", OwnerTeamId = "team-desk",
        Cost = 1450m,
    };

    public static readonly CatalogItem Charger = new()
    {
        Id = "charger", Name = "Laptop charger", Category = "Hardware", Description = "A spare power adapter.",
        Keywords = ["power supply"],
    };

    public static readonly CatalogItem Vpn = new() { Id = "vpn", Name = "VPN access", Category = "Access" };

    public static readonly CatalogItem Screen = new()
    {
        Id = "monitor", Name = "Monitor", Category = "Hardware",
        Fields =
        [
            new CatalogField { Id = "size", Label = "Screen size", Type = FieldType.Choice, Choices = ["24 inch", "27 inch", "32 inch"] },
            new CatalogField { Id = "connector", Label = "Connector", Type = FieldType.Choice, Choices = ["HDMI", "USB-C"] },
            new CatalogField { Id = "reason", Label = "Why", Type = FieldType.MultilineText, Required = true },
        ],
    };

    public static readonly float[] E1 = [1, 0, 0, 0];
    public static readonly float[] E2 = [0, 1, 0, 0];
    public static readonly float[] E3 = [0, 0, 1, 0];
    public static readonly float[] E4 = [0, 0, 0, 1];

    /// <summary>Each item's text points its own way: a message's similarity to an item is its component along it.</summary>
    public static void GiveItemsTheirDirections(LoopbackOpenAIServer server)
    {
        server.Vectors[ItemText.Of(Laptop)] = E1;
        server.Vectors[ItemText.Of(Charger)] = E2;
        server.Vectors[ItemText.Of(Vpn)] = E3;
    }

    /// <summary>
    /// The first model call of a test process loads and compiles the client's code, which can take longer than a turn's
    /// budget on a busy machine; tests that time a turn make those calls first, on a server and logs of their own.
    /// </summary>
    public static async Task WarmUpAsync(TestCatalog catalog, Dictionary<string, string?>? settings = null)
    {
        await using var server = await LoopbackOpenAIServer.StartAsync();
        server.DefaultVector = E1;
        await using var services = Services(server, new FixedWords(), catalog, new StaticTokenCredential(), new CapturingLoggerProvider(),
            settings: settings);
        var interpreter = services.GetRequiredService<IMessageInterpreter>();
        await interpreter.InterpretAsync("warm up");
        await interpreter.InterpretAsync("warm up");
    }

    public static ServiceProvider Services(
        LoopbackOpenAIServer server, FixedWords words, TestCatalog catalog, TokenCredential credential,
        ILoggerProvider logs, TimeProvider? time = null, Dictionary<string, string?>? settings = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Intake:AzureOpenAI:Endpoint"] = server.BaseUrl,
            ["Intake:AzureOpenAI:EmbeddingDeployment"] = "embeddings-small",
        };
        foreach (var (key, value) in settings ?? [])
        {
            configuration[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());
        services.AddLogging(b => b.AddProvider(logs));
        services.AddSingleton(credential);
        services.AddSingleton<ICatalog>(catalog);
        services.AddKeyedSingleton<IMessageInterpreter>(ModelInterpreter.WordsKey, words);
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddAzureOpenAIIntake();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}

/// <summary>The lexical reading as the test says it is, whatever the words.</summary>
internal sealed class FixedWords : IMessageInterpreter
{
    public Meaning Meaning { get; set; } = new() { Kind = MeaningKind.Unknown };

    public ValueTask<Meaning> InterpretAsync(string text, CancellationToken cancellationToken = default) => ValueTask.FromResult(Meaning);
}

internal sealed class TestCatalog(params CatalogItem[] items) : ICatalog
{
    public IReadOnlyList<CatalogItem> Items { get; set; } = items;

    public CatalogItem? Find(string itemId) => Items.FirstOrDefault(i => i.Id == itemId);
}
