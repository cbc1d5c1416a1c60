using System.ClientModel.Primitives;
using System.ComponentModel.DataAnnotations;
using Azure.AI.OpenAI;
using Azure.Core;
using Azure.Identity;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Understanding;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatRequests.Azure.Understanding;

public static class AzureOpenAIIntakeServiceCollectionExtensions
{
    /// <summary>
    /// Reads messages with <see cref="ModelInterpreter"/> (the lexical reading plus item similarity from the Azure OpenAI
    /// embedding deployment of <see cref="AzureOpenAIIntakeOptions"/>, and optionally form values from its chat
    /// deployment) instead of the lexical one alone. Tokens come from
    /// the registered <see cref="TokenCredential"/>, else <see cref="DefaultAzureCredential"/>: no key in configuration.
    /// </summary>
    public static IServiceCollection AddAzureOpenAIIntake(this IServiceCollection services)
    {
        services.AddOptions<AzureOpenAIIntakeOptions>()
            .BindConfiguration(AzureOpenAIIntakeOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.Endpoint is null || (o.Endpoint.IsAbsoluteUri && (o.Endpoint.Scheme == Uri.UriSchemeHttps || o.Endpoint.IsLoopback)),
                "Intake:AzureOpenAI:Endpoint must be an absolute https URL: the managed identity's token goes with every call.")
            .Validate(o => Validator.TryValidateObject(o.Calibration, new ValidationContext(o.Calibration), null, validateAllProperties: true),
                "Every Intake:AzureOpenAI:Calibration value is a similarity between 0 and 1.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LexicalInterpreter>();
        services.TryAddKeyedSingleton<IMessageInterpreter>(ModelInterpreter.WordsKey, (sp, _) => sp.GetRequiredService<LexicalInterpreter>());
        services.RemoveAll<IMessageInterpreter>();
        services.AddSingleton<IMessageInterpreter>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AzureOpenAIIntakeOptions>>();
            var client = CreateClient(options.Value, sp.GetService<TokenCredential>() ?? new DefaultAzureCredential());
            var chatDeployment = options.Value.ChatDeployment;
            return new ModelInterpreter(
                sp.GetRequiredKeyedService<IMessageInterpreter>(ModelInterpreter.WordsKey),
                sp.GetRequiredService<ICatalog>(),
                client.GetEmbeddingClient(options.Value.EmbeddingDeployment).AsIEmbeddingGenerator(),
                options,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<ModelInterpreter>>(),
                string.IsNullOrWhiteSpace(chatDeployment) ? null : new ModelSlots(client.GetChatClient(chatDeployment).AsIChatClient()));
        });
        return services;
    }

    private static AzureOpenAIClient CreateClient(AzureOpenAIIntakeOptions options, TokenCredential credential)
    {
        var clientOptions = new AzureOpenAIClientOptions
        {
            // Within a budget of 1.5 s a retry cannot help: the turn answers from the words, the next turn tries again.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            // A turn's call is bounded by its own budget; this bounds the catalog's reading, which may take longer.
            NetworkTimeout = options.CatalogTimeout,
        };
        var endpoint = options.Endpoint ?? throw new InvalidOperationException("Intake:AzureOpenAI:Endpoint is not set.");
        return new AzureOpenAIClient(endpoint, credential, clientOptions);
    }
}
