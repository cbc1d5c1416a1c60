using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatRequests.Teams.Authentication;

/// <summary>
/// The bot's identity, under the Bot Framework's own names at the configuration root (as the Azure Bot resource
/// and its templates set them): <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppType</c>,
/// <c>MicrosoftAppTenantId</c>. With an app id, every inbound activity must carry a valid Bot Connector token and
/// outbound calls carry one; without it (Development only) both are off.
/// </summary>
public sealed class BotAuthenticationOptions
{
    public const string MultiTenant = "MultiTenant";
    public const string SingleTenant = "SingleTenant";
    public const string UserAssignedMsi = "UserAssignedMSI";

    /// <summary>Where the Bot Connector publishes the keys it signs its tokens with.</summary>
    public const string DefaultOpenIdMetadata = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The Entra ID app (client) id of the bot; the audience of inbound tokens.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The client secret for outbound tokens (MultiTenant / SingleTenant).</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>MultiTenant (default), SingleTenant or UserAssignedMSI.</summary>
    public string? MicrosoftAppType { get; set; }

    /// <summary>The tenant of the app registration; required for SingleTenant and UserAssignedMSI.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>A certificate (in the CurrentUser or LocalMachine "My" store) used instead of the password.</summary>
    public string? MicrosoftAppCertificateThumbprint { get; set; }

    /// <summary>A federated token file (workload identity) used instead of the password.</summary>
    public string? MicrosoftAppFederatedTokenFile { get; set; }

    /// <summary>The OpenID metadata of the Bot Connector (the Bot Framework SDK's name for it); tests point it at a loopback server.</summary>
    public string BotOpenIdMetadata { get; set; } = DefaultOpenIdMetadata;

    /// <summary>
    /// Where Entra ID publishes a tenant's keys, <c>{0}</c> for the tenant: the keys of Entra-issued inbound tokens
    /// (<see cref="TokenIssuers"/>). Tests point it at a loopback server.
    /// </summary>
    public string EntraOpenIdMetadata { get; set; } = DefaultEntraOpenIdMetadata;

    public const string DefaultEntraOpenIdMetadata = "https://login.microsoftonline.com/{0}/v2.0/.well-known/openid-configuration";

    public bool HasAppId => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The app type in its canonical spelling (the Bot Framework compares it ignoring case), MultiTenant when unset.</summary>
    public string AppType => MicrosoftAppType?.Trim() switch
    {
        null or "" => MultiTenant,
        var t when t.Equals(MultiTenant, StringComparison.OrdinalIgnoreCase) => MultiTenant,
        var t when t.Equals(SingleTenant, StringComparison.OrdinalIgnoreCase) => SingleTenant,
        var t when t.Equals(UserAssignedMsi, StringComparison.OrdinalIgnoreCase) => UserAssignedMsi,
        var t => t,
    };

    /// <summary>The tenant outbound tokens are asked from: the app's tenant, or botframework.com for a multi-tenant app.</summary>
    public string TokenTenant => string.IsNullOrWhiteSpace(MicrosoftAppTenantId) ? "botframework.com" : MicrosoftAppTenantId.Trim();
}

/// <summary>
/// Refuses to start outside Development without an app id (an unauthenticated bot must never be reachable from
/// Teams by accident), and refuses an incomplete identity anywhere.
/// </summary>
internal sealed class BotAuthenticationOptionsValidator(IHostEnvironment environment) : IValidateOptions<BotAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, BotAuthenticationOptions options)
    {
        if (!options.HasAppId)
        {
            return environment.IsDevelopment()
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"MicrosoftAppId is not set. Outside Development the bot and the Functions app only run authenticated: set MicrosoftAppId, "
                    + $"MicrosoftAppType and its credential (MicrosoftAppPassword, MicrosoftAppCertificateThumbprint, or a managed identity), "
                    + $"or run with ASPNETCORE_ENVIRONMENT=Development for local use (environment now: {environment.EnvironmentName}).");
        }

        var failures = new List<string>();
        var type = options.AppType;
        if (type is not (BotAuthenticationOptions.MultiTenant or BotAuthenticationOptions.SingleTenant or BotAuthenticationOptions.UserAssignedMsi))
        {
            failures.Add($"MicrosoftAppType must be {BotAuthenticationOptions.MultiTenant}, {BotAuthenticationOptions.SingleTenant} or {BotAuthenticationOptions.UserAssignedMsi}.");
        }

        if (type is BotAuthenticationOptions.SingleTenant or BotAuthenticationOptions.UserAssignedMsi && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
        {
            failures.Add($"MicrosoftAppTenantId is required when MicrosoftAppType is {type}.");
        }

        if (type is BotAuthenticationOptions.MultiTenant or BotAuthenticationOptions.SingleTenant
            && string.IsNullOrWhiteSpace(options.MicrosoftAppPassword)
            && string.IsNullOrWhiteSpace(options.MicrosoftAppCertificateThumbprint)
            && string.IsNullOrWhiteSpace(options.MicrosoftAppFederatedTokenFile))
        {
            failures.Add("MicrosoftAppPassword (or MicrosoftAppCertificateThumbprint, or MicrosoftAppFederatedTokenFile) is required with a MicrosoftAppId.");
        }

        if (!Uri.TryCreate(options.BotOpenIdMetadata, UriKind.Absolute, out var metadata)
            || (metadata.Scheme != Uri.UriSchemeHttps && !(metadata.Scheme == Uri.UriSchemeHttp && metadata.IsLoopback)))
        {
            failures.Add("BotOpenIdMetadata must be an https URL (http only on loopback, for tests).");
        }

        if (!options.EntraOpenIdMetadata.Contains("{0}", StringComparison.Ordinal)
            || !Uri.TryCreate(options.EntraOpenIdMetadata.Replace("{0}", TokenIssuers.BotServiceTenants[0], StringComparison.Ordinal), UriKind.Absolute, out var entra)
            || (entra.Scheme != Uri.UriSchemeHttps && !(entra.Scheme == Uri.UriSchemeHttp && entra.IsLoopback)))
        {
            failures.Add("EntraOpenIdMetadata must be an https URL with {0} for the tenant (http only on loopback, for tests).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
