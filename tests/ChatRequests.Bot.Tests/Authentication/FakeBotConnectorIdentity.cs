using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ChatRequests.Teams.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatRequests.Bot.Tests.Authentication;

/// <summary>
/// Plays login.botframework.com on loopback (real Kestrel): the OpenID metadata and its key set, with
/// endorsements as the Bot Connector publishes them, and mints tokens signed with its test RSA keys. It plays
/// login.microsoftonline.com too: each tenant's v2 OpenID metadata (<see cref="EntraMetadataTemplate"/>) with Entra's
/// key set, which has no endorsements and no key of the Bot Connector's.
/// </summary>
public sealed class FakeBotConnectorIdentity : IAsyncDisposable
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string TeamsKeyId = "teams-key";
    public const string WebChatKeyId = "webchat-key";

    private readonly RsaSecurityKey _teamsKey = NewKey(TeamsKeyId);
    private readonly RsaSecurityKey _webChatKey = NewKey(WebChatKeyId);
    private WebApplication? _app;
    private int _keySetReads;

    /// <summary>The key Entra signs with (published in every tenant's metadata here).</summary>
    public RsaSecurityKey EntraKey { get; } = NewKey("entra-key");

    public string MetadataUrl { get; private set; } = "";

    /// <summary>The Entra metadata URL with <c>{0}</c> for the tenant (setting EntraOpenIdMetadata).</summary>
    public string EntraMetadataTemplate { get; private set; } = "";

    /// <summary>How often the key set was read (to see caching at work).</summary>
    public int KeySetReads => Volatile.Read(ref _keySetReads);

    public static async Task<FakeBotConnectorIdentity> StartAsync()
    {
        var identity = new FakeBotConnectorIdentity();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/v1/.well-known/openidconfiguration", (HttpContext http) => Results.Text(new JsonObject
        {
            ["issuer"] = BotConnectorAuthenticator.Issuer,
            ["authorization_endpoint"] = "https://invalid.example/authorize",
            ["jwks_uri"] = $"{http.Request.Scheme}://{http.Request.Host}/v1/.well-known/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        }.ToJsonString(), "application/json"));
        app.MapGet("/v1/.well-known/keys", () =>
        {
            Interlocked.Increment(ref identity._keySetReads);
            return Results.Text(new JsonObject
            {
                ["keys"] = new JsonArray(Jwk(identity._teamsKey, "msteams", "skype"), Jwk(identity._webChatKey, "webchat")),
            }.ToJsonString(), "application/json");
        });
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant, HttpContext http) => Results.Text(new JsonObject
        {
            ["issuer"] = $"https://login.microsoftonline.com/{tenant}/v2.0",
            ["authorization_endpoint"] = $"https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize",
            ["jwks_uri"] = $"{http.Request.Scheme}://{http.Request.Host}/{tenant}/discovery/v2.0/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }.ToJsonString(), "application/json"));
        app.MapGet("/{tenant}/discovery/v2.0/keys", (string tenant) => Results.Text(new JsonObject
        {
            ["keys"] = new JsonArray(Jwk(identity.EntraKey)),
        }.ToJsonString(), "application/json"));
        await app.StartAsync();
        identity._app = app;
        identity.MetadataUrl = app.Urls.Single().TrimEnd('/') + "/v1/.well-known/openidconfiguration";
        identity.EntraMetadataTemplate = app.Urls.Single().TrimEnd('/') + "/{0}/v2.0/.well-known/openid-configuration";
        return identity;
    }

    /// <summary>A token as the Bot Connector sends it for Teams (or, with an Entra issuer and an oid claim, as a tab gets one); every part can be made wrong.</summary>
    public string MintToken(
        string serviceUrl,
        string issuer = BotConnectorAuthenticator.Issuer,
        string audience = AppId,
        DateTime? notBefore = null,
        DateTime? expires = null,
        string keyId = TeamsKeyId,
        RsaSecurityKey? signingKey = null,
        IEnumerable<Claim>? claims = null)
    {
        var key = signingKey ?? (keyId == WebChatKeyId ? _webChatKey : _teamsKey);
        var now = DateTime.UtcNow;
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore ?? now.AddMinutes(-5),
            IssuedAt = notBefore ?? now.AddMinutes(-5),
            Expires = expires ?? now.AddHours(1),
            Subject = new ClaimsIdentity([new Claim(BotConnectorAuthenticator.ServiceUrlClaim, serviceUrl), .. claims ?? []]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>A key the metadata never published.</summary>
    public static RsaSecurityKey UnknownKey(string keyId = TeamsKeyId) => NewKey(keyId);

    /// <summary>A token as Entra ID issues it to Azure Bot Service: signed with <see cref="EntraKey"/> unless told, <c>tid</c> when given.</summary>
    public string MintEntraToken(
        string serviceUrl,
        string issuer,
        string? tenantId,
        string audience = AppId,
        DateTime? expires = null,
        RsaSecurityKey? signingKey = null)
    {
        var now = DateTime.UtcNow;
        var claims = new List<Claim> { new(BotConnectorAuthenticator.ServiceUrlClaim, serviceUrl) };
        if (tenantId is not null)
        {
            claims.Add(new Claim("tid", tenantId));
        }

        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = now.AddMinutes(-5),
            IssuedAt = now.AddMinutes(-5),
            Expires = expires ?? now.AddHours(1),
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(signingKey ?? EntraKey, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private static RsaSecurityKey NewKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };

    private static JsonObject Jwk(RsaSecurityKey key, params string[] endorsements)
    {
        var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (endorsements.Length > 0)
        {
            // Entra's keys carry none.
            jwk["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode)e)]);
        }

        return jwk;
    }
}
