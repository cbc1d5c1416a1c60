using ChatRequests.Teams.Connector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatRequests.Teams.Authentication;

public static class AuthenticationServiceCollectionExtensions
{
    /// <summary>
    /// The bot: its identity and outbound tokens (<see cref="AddBotIdentity"/>), and the inbound
    /// <see cref="IInboundAuthenticator"/> that checks the Bot Connector's token on every activity.
    /// </summary>
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services)
    {
        services.AddBotIdentity();
        services.AddHttpClient(nameof(BotConnectorAuthenticator), http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<IInboundAuthenticator, BotConnectorAuthenticator>();
        services.AddOptions<TabSsoOptions>().BindConfiguration(TabSsoOptions.SectionName);
        services.AddHttpClient(nameof(TabTokenValidator), http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<TabTokenValidator>();
        return services;
    }

    /// <summary>
    /// What every host that posts to Teams as the bot needs (the bot and the Functions app): the bot's identity
    /// (<see cref="BotAuthenticationOptions"/>, bound from the configuration root, validated on start: no app id is
    /// refused outside Development) and the outbound <see cref="IConnectorTokenProvider"/>: Entra ID tokens from
    /// Azure.Identity, cached until shortly before they expire, when an app id is configured; none otherwise.
    /// Replaces the connector's default provider whether called before or after AddBotConnector.
    /// </summary>
    public static IServiceCollection AddBotIdentity(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<BotAuthenticationOptions>()
            .Configure<IConfiguration>((options, configuration) => configuration.Bind(options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotAuthenticationOptions>, BotAuthenticationOptionsValidator>());

        // Decided when first resolved, so configuration added late (tests, hosting) still counts.
        services.RemoveAll<IConnectorTokenProvider>();
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
