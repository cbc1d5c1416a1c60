using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ChatRequests.Teams.Authentication;

/// <summary>What a tab's bearer token says: the signed-in person's object id, or why there is none.</summary>
public sealed record TabCaller(string? PersonId, bool Unavailable = false)
{
    public static TabCaller Refused { get; } = new((string?)null);
}

/// <summary>
/// Checks the Entra ID token a Teams tab gets from <c>microsoftTeams.authentication.getAuthToken()</c>: issued by the
/// configured tenant, for <c>api://{domain}/{appId}</c>, within its lifetime (5 minutes' skew), signed by a key of the
/// tenant's OpenID metadata (re-read once when a token names an unknown key, as the Bot Connector check does).
/// The person is the token's <c>oid</c> claim, the id the directory and the chat know them by.
/// </summary>
public sealed class TabTokenValidator
{
    private readonly TabSsoOptions _options;
    private readonly string? _appId;
    private readonly ConfigurationManager<OpenIdConnectConfiguration>? _metadata;
    private readonly JsonWebTokenHandler _tokens = new() { MapInboundClaims = false };
    private readonly ILogger<TabTokenValidator> _logger;

    public TabTokenValidator(
        IOptions<TabSsoOptions> options, IOptions<BotAuthenticationOptions> bot, IHttpClientFactory httpClients, ILogger<TabTokenValidator> logger)
    {
        _options = options.Value;
        _appId = bot.Value.MicrosoftAppId;
        _logger = logger;
        if (IsEnabled)
        {
            var metadataUrl = new Uri(_options.MetadataUrl);
            _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(
                metadataUrl.AbsoluteUri,
                new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever(httpClients.CreateClient(nameof(TabTokenValidator))) { RequireHttps = !metadataUrl.IsLoopback });
        }
    }

    /// <summary>SSO is set up: a domain, a tenant and the bot's app id.</summary>
    public bool IsEnabled => _options.IsConfigured && !string.IsNullOrWhiteSpace(_appId);

    public async Task<TabCaller> ValidateAsync(string? authorizationHeader, CancellationToken cancellationToken = default)
    {
        const string scheme = "Bearer ";
        if (_metadata is null || authorizationHeader is null || !authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrWhiteSpace(authorizationHeader[scheme.Length..]))
        {
            return TabCaller.Refused;
        }

        var token = authorizationHeader[scheme.Length..].Trim();
        try
        {
            var result = await _tokens.ValidateTokenAsync(token, Parameters(await _metadata.GetConfigurationAsync(cancellationToken)));
            if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
            {
                _metadata.RequestRefresh();
                result = await _tokens.ValidateTokenAsync(token, Parameters(await _metadata.GetConfigurationAsync(cancellationToken)));
            }

            var personId = result.IsValid ? result.ClaimsIdentity.FindFirst("oid")?.Value : null;
            if (string.IsNullOrWhiteSpace(personId))
            {
                // The reason type only: the token itself is never logged.
                _logger.LogWarning("Refused a dashboard call: invalid tab token ({Reason})", result.Exception?.GetType().Name ?? "no oid claim");
                return TabCaller.Refused;
            }

            return new TabCaller(personId);
        }
        catch (InvalidOperationException ex) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogError(ex, "Could not read the Entra ID OpenID metadata from {MetadataUrl}", _options.MetadataUrl);
            return new TabCaller(null, Unavailable: true);
        }
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration configuration) => new()
    {
        ValidIssuers = _options.Issuers,
        ValidAudience = _options.Audience(_appId!),
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = BotConnectorAuthenticator.ClockSkew,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        IssuerSigningKeys = configuration.SigningKeys,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
    };
}
