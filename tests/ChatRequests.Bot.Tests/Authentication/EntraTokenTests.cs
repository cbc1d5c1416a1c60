using System.Net;
using System.Net.Http.Headers;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Teams.Authentication;
using ChatRequests.Teams.Connector;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRequests.Bot.Tests.Authentication;

/// <summary>
/// Entra-issued inbound tokens, as Azure Bot Service is moving channels to them, against a loopback Entra-like metadata
/// server: v1 and v2 issuers of the bot's tenant and of the Bot Service's tenants are accepted with Entra's keys; any other
/// tenant, audience, lifetime or key is refused, and the serviceurl check still holds.
/// </summary>
public sealed class EntraTokenTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>, IAsyncLifetime
{
    private const string BotTenant = "7a1f1c52-0b6e-4c1d-9c55-3d3f5e0c9a11";
    private const string OtherTenant = "0c9e2f3a-5b4d-4e6f-8a7b-9c0d1e2f3a4b";
    private BotApp _bot = null!;

    private FakeBotConnectorIdentity Identity => fixture.Identity;

    public async Task InitializeAsync() =>
        _bot = await BotApp.StartAsync(
            new Dictionary<string, string?>
            {
                ["MicrosoftAppId"] = FakeBotConnectorIdentity.AppId,
                ["MicrosoftAppPassword"] = "unused-in-tests",
                ["MicrosoftAppTenantId"] = BotTenant,
                ["BotOpenIdMetadata"] = Identity.MetadataUrl,
                ["EntraOpenIdMetadata"] = Identity.EntraMetadataTemplate,
            },
            services => services.AddSingleton<IConnectorTokenProvider>(new StaticTokenProvider("outbound-test-token")));

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    public static TheoryData<string> AcceptedIssuers => new()
    {
        $"https://sts.windows.net/{BotTenant}/",
        $"https://login.microsoftonline.com/{BotTenant}/v2.0",
        $"https://sts.windows.net/{TokenIssuers.BotServiceTenants[0]}/",
        $"https://login.microsoftonline.com/{TokenIssuers.BotServiceTenants[2]}/v2.0",
    };

    [Theory]
    [MemberData(nameof(AcceptedIssuers))]
    public async Task EntraTokenOfTheBotsTenantOrTheBotService_IsAccepted(string issuer)
    {
        using var response = await SayAsync(EntraToken(issuer), "help");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task BotConnectorTokens_AreStillAccepted()
    {
        using var response = await SayAsync(Identity.MintToken(_bot.Connector.ServiceUrl), "help");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string> RefusedTokens => new()
    {
        "v1 of another tenant",
        "v2 of another tenant",
        "the bot's tenant in another spelling",
        "wrong audience",
        "expired",
        "Bot Connector key on an Entra issuer",
        "Entra key on the Bot Connector issuer",
        "tid of another tenant",
    };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task EntraTokenOtherwise_Gets401(string wrong)
    {
        var url = _bot.Connector.ServiceUrl;
        var v2 = $"https://login.microsoftonline.com/{BotTenant}/v2.0";
        var now = DateTime.UtcNow;
        var token = wrong switch
        {
            "v1 of another tenant" => EntraToken($"https://sts.windows.net/{OtherTenant}/"),
            "v2 of another tenant" => EntraToken($"https://login.microsoftonline.com/{OtherTenant}/v2.0"),
            "the bot's tenant in another spelling" => EntraToken($"https://login.microsoftonline.com/{BotTenant.ToUpperInvariant()}/v2.0"),
            "wrong audience" => Identity.MintEntraToken(url, v2, BotTenant, audience: "99999999-0000-0000-0000-000000000000"),
            "expired" => Identity.MintEntraToken(url, v2, BotTenant, expires: now.AddMinutes(-6)),
            "Bot Connector key on an Entra issuer" => Identity.MintToken(url, issuer: v2),
            "Entra key on the Bot Connector issuer" => Identity.MintToken(url, signingKey: Identity.EntraKey),
            "tid of another tenant" => Identity.MintEntraToken(url, v2, OtherTenant),
            _ => throw new ArgumentOutOfRangeException(nameof(wrong)),
        };

        using var response = await SayAsync(token, "I need a new laptop");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Connector.Requests);
    }

    [Fact]
    public async Task EntraTokenForAnotherServiceUrl_Gets403()
    {
        var token = Identity.MintEntraToken("https://smba.attacker.example/teams/", $"https://sts.windows.net/{BotTenant}/", BotTenant);

        using var response = await SayAsync(token, "I need a new laptop");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_bot.Connector.Requests);
    }

    private string EntraToken(string issuer) => Identity.MintEntraToken(_bot.Connector.ServiceUrl, issuer, TenantIn(issuer));

    private static string TenantIn(string issuer) => new Uri(issuer).Segments[1].TrimEnd('/');

    private Task<HttpResponseMessage> SayAsync(string token, string text)
    {
        _bot.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return _bot.Teams.SayAsync(Persona.Megan, text);
    }
}
