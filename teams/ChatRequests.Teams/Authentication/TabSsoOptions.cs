namespace ChatRequests.Teams.Authentication;

/// <summary>
/// The dashboard tab's Teams single sign-on (section <c>Dashboard</c>): the tab's Entra ID token is issued for
/// <c>api://{Domain}/{MicrosoftAppId}</c> (the manifest's <c>webApplicationInfo.resource</c>) by the tenant's
/// authority. Without a domain and a tenant the dashboard has no SSO: it is then open in Development only.
/// </summary>
public sealed class TabSsoOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>The host name the tab is served from (the manifest's validDomains), e.g. <c>bot.contoso.com</c>.</summary>
    public string? Domain { get; set; }

    /// <summary>The Entra ID tenant whose users sign in.</summary>
    public string? TenantId { get; set; }

    /// <summary>Where the tenant publishes its signing keys; null means login.microsoftonline.com (tests point it at loopback).</summary>
    public string? OpenIdMetadata { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Domain) && !string.IsNullOrWhiteSpace(TenantId);

    public string MetadataUrl => OpenIdMetadata ?? $"https://login.microsoftonline.com/{TenantId}/v2.0/.well-known/openid-configuration";

    public string Audience(string appId) => $"api://{Domain}/{appId}";

    /// <summary>The v2.0 and v1.0 issuers of the tenant (Teams' tab tokens are v1 unless the app asks for v2).</summary>
    public IReadOnlyList<string> Issuers => [$"https://login.microsoftonline.com/{TenantId}/v2.0", $"https://sts.windows.net/{TenantId}/"];
}
