using Azure.Core;
using Azure.Identity;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Provisioning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace ChatRequests.Azure.Graph;

public static class GraphServiceCollectionExtensions
{
    /// <summary>
    /// The Microsoft Graph directory as the <see cref="IDirectory"/> (replacing one registered before, such as
    /// the embedded file directory). Tokens come from the registered <see cref="TokenCredential"/>, by default
    /// <see cref="DefaultAzureCredential"/> (managed identity on Azure): no secret in code or configuration.
    /// With it comes the <see cref="GraphProvisioner"/>: approved requests whose item provisions by group membership are
    /// done automatically (the app needs GroupMember.ReadWrite.All, see infra/README.md); and, with Teams:AppCatalogId,
    /// the <see cref="GraphPersonalChatInstaller"/> that installs the bot for people it must reach and has no chat with
    /// (TeamsAppInstallation.ReadWriteSelfForUser.All). And the <see cref="GraphAbsenceCalendar"/>: an approver whose
    /// automatic replies are on is away (MailboxSettings.Read).
    /// </summary>
    public static IServiceCollection AddGraphDirectory(this IServiceCollection services)
    {
        services.AddOptions<GraphDirectoryOptions>()
            .BindConfiguration(GraphDirectoryOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.Teams.All(t => Filled(t.Id, t.Name, t.ChannelId, t.GroupId)),
                "Every Directory:Teams entry needs Id, Name, ChannelId and GroupId.")
            .Validate(o => o.ApproverGroups.All(g => Filled(g.Id, g.Name, g.GroupId)),
                "Every Directory:ApproverGroups entry needs Id, Name and GroupId.")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphDirectoryOptions>, GraphDirectoryCalendarValidation>());

        services.AddMemoryCache();
        services.TryAddSingleton<TokenCredential>(sp => new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = sp.GetRequiredService<IOptions<GraphDirectoryOptions>>().Value.ManagedIdentityClientId,
        }));
        services.TryAddSingleton(sp => CreateClient(
            sp.GetRequiredService<IOptions<GraphDirectoryOptions>>().Value, sp.GetRequiredService<TokenCredential>()));

        services.RemoveAll<IDirectory>();
        services.AddSingleton<IDirectory, GraphDirectory>();
        // Replaces NoAbsences whether AddRequestWorkflow (which only tries to add it) ran before or runs after.
        services.RemoveAll<IAbsenceCalendar>();
        services.AddSingleton<IAbsenceCalendar, GraphAbsenceCalendar>();
        services.RemoveAll<IProvisioner>();
        services.AddSingleton<IProvisioner, GraphProvisioner>();

        // Installing the bot for people it has never talked to needs the app's catalog id; without it, none.
        services.AddOptions<TeamsAppInstallationOptions>().BindConfiguration(TeamsAppInstallationOptions.SectionName);
        services.RemoveAll<IPersonalChatInstaller>();
        services.AddSingleton<IPersonalChatInstaller>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<TeamsAppInstallationOptions>>().Value.AppCatalogId)
                ? NoPersonalChatInstaller.Instance
                : ActivatorUtilities.CreateInstance<GraphPersonalChatInstaller>(sp));
        return services;
    }

    private static GraphServiceClient CreateClient(GraphDirectoryOptions options, TokenCredential credential)
    {
        // The SDK's default pipeline already has a RetryHandler (429, 503, 504; honours Retry-After, else
        // exponential back-off); it is replaced only to make the retry count configurable.
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        var retry = handlers.Single(h => h is RetryHandler);
        handlers[handlers.IndexOf(retry)] = new RetryHandler(new RetryHandlerOption { MaxRetry = options.MaxRetries });
        var httpClient = GraphClientFactory.Create(handlers);

        var baseUrl = new Uri(options.GraphBaseUrl);
        // Tokens go only to the configured Graph host.
        var authentication = new AzureIdentityAuthenticationProvider(
            credential, [baseUrl.Host], observabilityOptions: null, isCaeEnabled: true, scopes: [options.Scope]);
        return new GraphServiceClient(httpClient, authentication, options.GraphBaseUrl.TrimEnd('/'));
    }

    private static bool Filled(params string[] values) => values.All(v => !string.IsNullOrWhiteSpace(v));
}
