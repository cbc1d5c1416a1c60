using ChatRequests.Bot.Connector;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatRequests.Bot.Authentication;

public static class AuthenticationServiceCollectionExtensions
{
    /// <summary>
    /// The bot's identity (<see cref="BotAuthenticationOptions"/>, bound from the configuration root, validated on
    /// start), the inbound <see cref="IInboundAuthenticator"/>, and the outbound <see cref="IConnectorTokenProvider"/>:
    /// Entra ID tokens when an app id is configured, none otherwise. Call before AddBotConnector.
    /// </summary>
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<BotAuthenticationOptions>()
            .Configure<IConfiguration>((options, configuration) => configuration.Bind(options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotAuthenticationOptions>, BotAuthenticationOptionsValidator>());

        services.AddHttpClient(nameof(BotConnectorAuthenticator), http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<IInboundAuthenticator, BotConnectorAuthenticator>();

        // Decided when first resolved, so configuration added late (tests, hosting) still counts.
        services.AddSingleton<IConnectorTokenProvider>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value;
            return options.HasAppId
                ? new AzureIdentityTokenProvider(BotCredentials.Create(options), provider.GetRequiredService<TimeProvider>())
                : new NoTokenProvider();
        });
        return services;
    }
}
