using ChatRequests.Azure.Understanding;
using ChatRequests.Composition;
using ChatRequests.Core;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Configuration;
using ChatRequests.Core.Understanding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace ChatRequests.Bot.Tests.Hosting;

/// <summary>What Intake:Provider registers, and what it refuses.</summary>
public sealed class IntakeSelectionTests
{
    private const string Endpoint = "https://chatrequests.openai.azure.com/";

    [Fact]
    public void NoIntakeProvider_MessagesAreReadLexically()
    {
        var (choice, services) = Select([], AdapterHost.Bot);

        Assert.Equal(IntakeProvider.Lexical, choice.Intake);
        Assert.IsType<LexicalInterpreter>(Interpreter(services));
    }

    [Fact]
    public void AzureOpenAI_IgnoringCase_TheBotReadsWithTheModel()
    {
        var (choice, services) = Select(new()
        {
            ["Intake:Provider"] = "azureopenai",
            ["Intake:AzureOpenAI:Endpoint"] = Endpoint,
            ["Intake:AzureOpenAI:EmbeddingDeployment"] = "text-embedding-3-small",
        }, AdapterHost.Bot);

        Assert.Equal(IntakeProvider.AzureOpenAI, choice.Intake);
        Assert.IsType<ModelInterpreter>(Interpreter(services));
        Assert.EndsWith("Intake:Provider=AzureOpenAI", choice.ToString());
    }

    [Fact]
    public void AzureOpenAI_TheFunctionsApp_ReadsNoMessages_AndRegistersNoModel()
    {
        var (_, services) = Select(new() { ["Intake:Provider"] = "AzureOpenAI", ["Intake:AzureOpenAI:Endpoint"] = Endpoint }, AdapterHost.Functions);

        Assert.DoesNotContain(services, d => d.ServiceType.Namespace == typeof(AzureOpenAIIntakeOptions).Namespace);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void AzureOpenAIWithoutEndpoint_IsRefusedNamingTheKey(string? endpoint)
    {
        var error = Assert.Throws<ConfigurationRefusedException>(() =>
            Select(new() { ["Intake:Provider"] = "AzureOpenAI", ["Intake:AzureOpenAI:Endpoint"] = endpoint }, AdapterHost.Bot));

        Assert.Equal(
            "Intake:Provider is AzureOpenAI but Intake:AzureOpenAI:Endpoint is not set: set it to the account endpoint "
            + "(https://<account>.openai.azure.com/), or remove Intake:Provider to read messages from their words alone.",
            error.Message);
    }

    [Fact]
    public void AzureOpenAIWithARelativeEndpoint_IsRefused()
    {
        var error = Assert.Throws<ConfigurationRefusedException>(() =>
            Select(new() { ["Intake:Provider"] = "AzureOpenAI", ["Intake:AzureOpenAI:Endpoint"] = "chatrequests" }, AdapterHost.Bot));

        Assert.StartsWith("Intake:AzureOpenAI:Endpoint 'chatrequests' is not an absolute URL", error.Message);
    }

    [Fact]
    public void UnknownIntakeProvider_IsRefusedNamingTheKeyAndTheAllowedValues()
    {
        var error = Assert.Throws<ConfigurationRefusedException>(() => Select(new() { ["Intake:Provider"] = "OpenAI" }, AdapterHost.Bot));

        Assert.Equal("Intake:Provider 'OpenAI' is not a known value; use one of: Lexical, AzureOpenAI (default Lexical).", error.Message);
    }

    [Fact]
    public void AzureOpenAIWithoutDeployment_StopsTheStart_NamingIt()
    {
        var builder = Builder(new() { ["Intake:Provider"] = "AzureOpenAI", ["Intake:AzureOpenAI:Endpoint"] = Endpoint });
        builder.Services.AddRequestWorkflow();
        builder.AddSelectedAdapters(AdapterHost.Bot);
        using var host = builder.Build();

        // What the host runs first as it starts (ValidateOnStart).
        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("EmbeddingDeployment", error.Message);
    }

    private static IMessageInterpreter Interpreter(IServiceCollection services)
    {
        Assert.Single(services, d => d.ServiceType == typeof(IMessageInterpreter) && !d.IsKeyedService);
        // The catalog file is read at start; the interpreter only needs some catalog to be built.
        services.AddSingleton(Substitute.For<ICatalog>());
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IMessageInterpreter>();
    }

    private static HostApplicationBuilder Builder(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }

    private static (AdapterChoice Choice, IServiceCollection Services) Select(Dictionary<string, string?> settings, AdapterHost host)
    {
        var builder = Builder(settings);
        builder.Services.AddRequestWorkflow();
        var choice = builder.AddSelectedAdapters(host);
        return (choice, builder.Services);
    }
}
