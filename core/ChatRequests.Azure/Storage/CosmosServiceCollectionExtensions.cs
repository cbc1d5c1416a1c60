using ChatRequests.Core.Approvals;
using ChatRequests.Core.Assignment;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Reporting;
using ChatRequests.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatRequests.Azure.Storage;

public static class CosmosServiceCollectionExtensions
{
    /// <summary>
    /// The Cosmos DB adapters of the request store, the conversation store and the message ledger, configured
    /// from the "Cosmos" section (<see cref="CosmosOptions"/>); signs in with DefaultAzureCredential.
    /// </summary>
    public static IServiceCollection AddCosmosStore(this IServiceCollection services)
    {
        services.AddOptions<CosmosOptions>()
            .BindConfiguration(CosmosOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => CosmosClientFactory.Create(sp.GetRequiredService<IOptions<CosmosOptions>>().Value));
        services.AddSingleton<CosmosContainers>();
        services.AddSingleton<IRequestStore, CosmosRequestStore>();
        services.AddSingleton<IConversationStore, CosmosConversationStore>();
        services.AddSingleton<IMessageLedger, CosmosMessageLedger>();
        services.AddSingleton<IDelegationStore, CosmosDelegationStore>();
        services.AddSingleton<IAssignmentStore, CosmosAssignmentStore>();
        // The reporting projection: kept from the requests container's change feed by the Functions app's ProjectFacts,
        // or by the bot's in-process relay when fulfilment runs there (AddInProcessFulfilment registers the projection).
        services.AddSingleton<IReportingStore, CosmosReportingStore>();
        return services;
    }
}
