using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using ChatRequests.Teams.Connector;
using ChatRequests.Teams.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ChatRequests.Teams.Authentication;

/// <summary>
/// The Bot Connector's token rules ("Authentication with the Bot Connector API", connector to bot): a bearer JWT
/// issued by https://api.botframework.com for the bot's app id, within its lifetime give or take 5 minutes, signed
/// by a key of the published OpenID metadata; that key endorsed for the activity's channel; its serviceurl claim
/// equal to the activity's serviceUrl. Plus ours: the activity's tenant must be one the bot serves.
/// Entra-issued tokens (Azure Bot Service is moving channels to them) are accepted from the issuers of
/// <see cref="TokenIssuers"/>, with keys from that tenant's Entra OpenID metadata and the same audience, lifetime and
/// serviceurl rules; their <c>tid</c> claim, when present, must name the issuer's tenant.
/// </summary>
public sealed class BotConnectorAuthenticator : IInboundAuthenticator
{
    public const string Issuer = TokenIssuers.BotFramework;
    public const string ServiceUrlClaim = "serviceurl";
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly BotAuthenticationOptions _options;
    private readonly HashSet<string> _allowedTenants;
    private readonly ConfigurationManager<OpenIdConnectConfiguration>? _metadata;
    // One per accepted Entra tenant (the bot's and the Bot Service's: at most four), made when a token first names it.
    private readonly ConcurrentDictionary<string, ConfigurationManager<OpenIdConnectConfiguration>> _entraMetadata = new(StringComparer.Ordinal);
    private readonly IHttpClientFactory _httpClients;
    private readonly JsonWebTokenHandler _tokens = new() { MapInboundClaims = false };
    private readonly ILogger<BotConnectorAuthenticator> _logger;

    public BotConnectorAuthenticator(
        IOptions<BotAuthenticationOptions> options, IOptions<BotOptions> bot, IHttpClientFactory httpClients, ILogger<BotConnectorAuthenticator> logger)
    {
        _options = options.Value;
        _allowedTenants = new HashSet<string>(
            bot.Value.AllowedTenants.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()), StringComparer.OrdinalIgnoreCase);
        _logger = logger;
        _httpClients = httpClients;
        if (_options.HasAppId)
        {
            _metadata = Metadata(_options.BotOpenIdMetadata);
        }
    }

    public async Task<InboundAuthentication> AuthenticateAsync(string? authorizationHeader, CancellationToken cancellationToken = default)
    {
        if (_metadata is null)
        {
            return InboundAuthentication.Accepted(InboundCaller.Unauthenticated);
        }

        const string scheme = "Bearer ";
        if (authorizationHeader is null || !authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrWhiteSpace(authorizationHeader[scheme.Length..]))
        {
            return InboundAuthentication.Unauthorized("A Bot Connector bearer token is required.");
        }

        var token = authorizationHeader[scheme.Length..].Trim();
        if (IssuerOf(token) is not { } issuer)
        {
            // Which issuer is not logged either: it is whatever the sender wrote.
            _logger.LogWarning("Refused an inbound activity: invalid token ({Reason})", "issuer not accepted");
            return InboundAuthentication.Unauthorized("The bearer token is not valid.");
        }

        var metadata = issuer.EntraTenant is { } tenant
            ? _entraMetadata.GetOrAdd(tenant, t => Metadata(string.Format(CultureInfo.InvariantCulture, _options.EntraOpenIdMetadata, t)))
            : _metadata;
        try
        {
            var configuration = await metadata.GetConfigurationAsync(cancellationToken);
            var result = await _tokens.ValidateTokenAsync(token, Parameters(configuration, issuer.Issuer));
            if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
            {
                // The issuer may have rolled its keys since we last read them.
                metadata.RequestRefresh();
                configuration = await metadata.GetConfigurationAsync(cancellationToken);
                result = await _tokens.ValidateTokenAsync(token, Parameters(configuration, issuer.Issuer));
            }

            if (!result.IsValid || !TenantMatches(result, issuer))
            {
                // The reason type only: the token itself is never logged.
                _logger.LogWarning("Refused an inbound activity: invalid token ({Reason})", result.Exception?.GetType().Name ?? "tid is not the issuer's tenant");
                return InboundAuthentication.Unauthorized("The bearer token is not valid.");
            }

            var serviceUrl = result.ClaimsIdentity.FindFirst(ServiceUrlClaim)?.Value;
            return InboundAuthentication.Accepted(new InboundCaller(true, serviceUrl, EndorsementsOf(result.SecurityToken, configuration)));
        }
        catch (InvalidOperationException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // ConfigurationManager could not read the metadata or keys (and has no earlier copy).
            _logger.LogError(ex, "Could not read the OpenID metadata from {MetadataUrl}", metadata.MetadataAddress);
            return InboundAuthentication.Unavailable("The bot cannot check tokens right now.");
        }
    }

    /// <summary>The accepted issuer the (not yet validated) token names; null for any other, or for what is not a JWT.</summary>
    private TokenIssuer? IssuerOf(string token)
    {
        try
        {
            return TokenIssuers.Find(new JsonWebToken(token).Issuer, _options.MicrosoftAppTenantId);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>An Entra token's <c>tid</c> must be its issuer's tenant (as the Agents SDK checks); Bot Connector tokens have none.</summary>
    private static bool TenantMatches(TokenValidationResult result, TokenIssuer issuer) =>
        issuer.EntraTenant is not { } tenant
        || result.ClaimsIdentity.FindFirst("tid")?.Value is not { } tid
        || string.Equals(tid, tenant, StringComparison.OrdinalIgnoreCase);

    /// <summary>Keys are cached and re-read every 12 hours, or sooner (at most every 5 minutes) when a token names an unknown key.</summary>
    private ConfigurationManager<OpenIdConnectConfiguration> Metadata(string url)
    {
        var metadataUrl = new Uri(url);
        return new ConfigurationManager<OpenIdConnectConfiguration>(
            metadataUrl.AbsoluteUri,
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(_httpClients.CreateClient(nameof(BotConnectorAuthenticator))) { RequireHttps = !metadataUrl.IsLoopback });
    }

    public string? FindForbidden(InboundCaller caller, Activity activity)
    {
        if (caller.IsAuthenticated)
        {
            if (string.IsNullOrEmpty(caller.ServiceUrl) || !string.Equals(caller.ServiceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
            {
                _logger.LogWarning("Refused an inbound activity: the token's serviceurl claim does not match the activity's serviceUrl");
                return "The token was not issued for this serviceUrl.";
            }

            if (caller.Endorsements is not null
                && (string.IsNullOrEmpty(activity.ChannelId) || !caller.Endorsements.Contains(activity.ChannelId, StringComparer.OrdinalIgnoreCase)))
            {
                _logger.LogWarning("Refused an inbound activity: the signing key is not endorsed for channel {ChannelId}", AsLogged(activity.ChannelId));
                return "The token's signing key is not endorsed for this channel.";
            }
        }

        if (_allowedTenants.Count > 0 && (activity.TenantId is not { } tenant || !_allowedTenants.Contains(tenant)))
        {
            _logger.LogWarning("Refused an inbound activity from tenant {TenantId}: not in Bot:AllowedTenants", AsLogged(activity.TenantId));
            return "This bot does not serve your organisation.";
        }

        return null;
    }

    /// <summary>An id from the activity as the log shows it: only when it looks like one (the sender chose it; it may be any text).</summary>
    private static string AsLogged(string? id) =>
        id is null ? "(none)"
        : id.Length <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or ':' or '_' or '@') ? id
        : "(not an id)";

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration configuration, string issuer) => new()
    {
        ValidIssuer = issuer,
        ValidAudience = _options.MicrosoftAppId,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        IssuerSigningKeys = configuration.SigningKeys,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512],
    };

    /// <summary>The channels the key that signed <paramref name="token"/> is endorsed for; null when no key carries endorsements.</summary>
    private static IReadOnlyCollection<string>? EndorsementsOf(SecurityToken token, OpenIdConnectConfiguration configuration)
    {
        var keys = configuration.JsonWebKeySet?.Keys ?? [];
        var endorsed = keys.Where(k => k.KeyId is not null).GroupBy(k => k.KeyId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => ReadEndorsements(g.First()), StringComparer.Ordinal);
        if (endorsed.Values.All(e => e is null))
        {
            return null;
        }

        var keyId = token.SigningKey?.KeyId ?? (token as JsonWebToken)?.Kid;
        return keyId is not null && endorsed.TryGetValue(keyId, out var endorsements) && endorsements is not null ? endorsements : [];
    }

    private static IReadOnlyCollection<string>? ReadEndorsements(JsonWebKey key)
    {
        if (!key.AdditionalData.TryGetValue("endorsements", out var value) || value is null)
        {
            return null;
        }

        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Select(e => e.ToString())],
            string single => [single],
            IEnumerable items => [.. items.Cast<object?>().Select(e => e?.ToString() ?? "")],
            _ => [],
        };
    }
}
