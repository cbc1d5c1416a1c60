using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatRequests.Azure.Fulfilment;

public static class FulfilmentQueueServiceCollectionExtensions
{
    /// <summary>
    /// The <see cref="FulfilmentQueue"/> on a <see cref="ServiceBusSender"/> for the queue of <see cref="FulfilmentQueueOptions"/>,
    /// signed in with <see cref="DefaultAzureCredential"/> (the managed identity <c>ServiceBus:clientId</c> names): no
    /// connection string. The client connects when the first message is sent; a test replaces the sender.
    /// </summary>
    public static IServiceCollection AddFulfilmentQueue(this IServiceCollection services)
    {
        services.AddOptions<FulfilmentQueueOptions>().BindConfiguration(FulfilmentQueueOptions.SectionName);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<FulfilmentQueueOptions>>().Value;
            if (string.IsNullOrWhiteSpace(options.FullyQualifiedNamespace))
            {
                throw new InvalidOperationException(
                    $"{FulfilmentQueueOptions.SectionName}:fullyQualifiedNamespace is not set: the Functions app cannot send to the fulfilment queue.");
            }

            return new ServiceBusClient(
                options.FullyQualifiedNamespace,
                new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ClientId }));
        });
        services.TryAddSingleton(sp => sp.GetRequiredService<ServiceBusClient>()
            .CreateSender(sp.GetRequiredService<IOptions<FulfilmentQueueOptions>>().Value.QueueName));
        services.TryAddSingleton<FulfilmentQueue>();
        return services;
    }
}
