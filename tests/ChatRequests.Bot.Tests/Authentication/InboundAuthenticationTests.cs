using System.Net;
using System.Net.Http.Headers;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Storage;
using ChatRequests.Teams.Connector;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRequests.Bot.Tests.Authentication;

public sealed class IdentityFixture : IAsyncLifetime
{
    public FakeBotConnectorIdentity Identity { get; private set; } = null!;

    public async Task InitializeAsync() => Identity = await FakeBotConnectorIdentity.StartAsync();

    public async Task DisposeAsync() => await Identity.DisposeAsync();
}

/// <summary>
/// With an app id configured, only activities carrying a valid Bot Connector token are processed; every other
/// one is refused before anything happens (nothing stored, nothing sent).
/// </summary>
public sealed class InboundAuthenticationTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>, IAsyncLifetime
{
    private const string OutboundToken = "outbound-test-token";
    private BotApp _bot = null!;

    private FakeBotConnectorIdentity Identity => fixture.Identity;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }
    }

    [Fact]
    public async Task ValidToken_IsAccepted_AndTheReplyCarriesTheOutboundToken()
    {
        await StartBotAsync();

        using var response = await SayWithTokenAsync(Identity.MintToken(_bot.Connector.ServiceUrl), "help");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await _bot.Connector.WaitForAsync(c => c.Requests.FirstOrDefault());
        Assert.Equal($"Bearer {OutboundToken}", reply.Authorization);
    }

    [Fact]
    public async Task TokenExpiredWithinTheClockSkew_IsAccepted()
    {
        await StartBotAsync();
        var now = DateTime.UtcNow;

        using var response = await SayWithTokenAsync(
            Identity.MintToken(_bot.Connector.ServiceUrl, notBefore: now.AddHours(-1), expires: now.AddMinutes(-3)), "help");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task NoToken_Gets401()
    {
        await StartBotAsync();

        using var response = await _bot.Teams.SayAsync(Persona.Megan, "I need a new laptop");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        await AssertNothingHappenedAsync();
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer eyJhbGciOiJub25lIn0.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0.")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task MalformedAuthorization_Gets401(string header)
    {
        await StartBotAsync();

        using var response = await SayWithHeaderAsync(header, "I need a new laptop");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingHappenedAsync();
    }

    public static TheoryData<string> WrongTokens => new()
    {
        "wrong issuer",
        "wrong audience",
        "expired beyond the skew",
        "not yet valid",
        "unknown key",
    };

    [Theory]
    [MemberData(nameof(WrongTokens))]
    public async Task WrongToken_Gets401(string wrong)
    {
        await StartBotAsync();
        var url = _bot.Connector.ServiceUrl;
        var now = DateTime.UtcNow;
        var token = wrong switch
        {
            "wrong issuer" => Identity.MintToken(url, issuer: "https://sts.windows.net/someone-else/"),
            "wrong audience" => Identity.MintToken(url, audience: "99999999-0000-0000-0000-000000000000"),
            "expired beyond the skew" => Identity.MintToken(url, notBefore: now.AddHours(-2), expires: now.AddMinutes(-6)),
            "not yet valid" => Identity.MintToken(url, notBefore: now.AddMinutes(10), expires: now.AddHours(1)),
            "unknown key" => Identity.MintToken(url, signingKey: FakeBotConnectorIdentity.UnknownKey()),
            _ => throw new ArgumentOutOfRangeException(nameof(wrong)),
        };

        using var response = await SayWithTokenAsync(token, "I need a new laptop");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task KeyNotEndorsedForTeams_Gets403()
    {
        await StartBotAsync();

        using var response = await SayWithTokenAsync(
            Identity.MintToken(_bot.Connector.ServiceUrl, keyId: FakeBotConnectorIdentity.WebChatKeyId), "I need a new laptop");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task ServiceUrlClaimOfAnotherService_Gets403()
    {
        await StartBotAsync();

        using var response = await SayWithTokenAsync(Identity.MintToken("https://smba.attacker.example/teams/"), "I need a new laptop");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task TenantNotAllowed_Gets403_AndIsLoggedWithoutTheToken()
    {
        var logs = new CapturingLoggerProvider();
        await StartBotAsync(new() { ["Bot:AllowedTenants:0"] = "00000000-0000-0000-0000-0000000000bb" }, logs);
        var token = Identity.MintToken(_bot.Connector.ServiceUrl);

        using var response = await SayWithTokenAsync(token, "I need a new laptop");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNothingHappenedAsync();
        var all = string.Join("\n", logs.Logs.Select(l => l.Message));
        Assert.Contains(_bot.Connector.TenantId, all);
        Assert.DoesNotContain(token, all);
    }

    [Fact]
    public async Task AllowedTenant_IsServed()
    {
        await StartBotAsync(new() { ["Bot:AllowedTenants:0"] = "00000000-0000-0000-0000-0000000000bb", ["Bot:AllowedTenants:1"] = "00000000-0000-0000-0000-0000000000AA" });

        using var response = await SayWithTokenAsync(Identity.MintToken(_bot.Connector.ServiceUrl), "help");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SigningKeys_AreReadOnce_ForManyActivities()
    {
        await StartBotAsync();
        var before = Identity.KeySetReads;

        for (var i = 0; i < 3; i++)
        {
            using var response = await SayWithTokenAsync(Identity.MintToken(_bot.Connector.ServiceUrl), "help");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(1, Identity.KeySetReads - before);
    }

    [Fact]
    public async Task SigningKeysUnreachable_Gets503_AndNothingHappens()
    {
        using var closed = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        await StartBotAsync(new() { ["BotOpenIdMetadata"] = $"http://127.0.0.1:{port}/v1/.well-known/openidconfiguration" });

        using var response = await SayWithTokenAsync(Identity.MintToken(_bot.Connector.ServiceUrl), "I need a new laptop");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        await AssertNothingHappenedAsync();
    }

    private async Task StartBotAsync(Dictionary<string, string?>? extra = null, CapturingLoggerProvider? logs = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = FakeBotConnectorIdentity.AppId,
            ["MicrosoftAppPassword"] = "unused-in-tests",
            ["BotOpenIdMetadata"] = Identity.MetadataUrl,
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        _bot = await BotApp.StartAsync(settings, services =>
        {
            // Entra ID is not reachable from tests: the outbound token is a fixed one.
            services.AddSingleton<IConnectorTokenProvider>(new StaticTokenProvider(OutboundToken));
            if (logs is not null)
            {
                services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs);
            }
        });
    }

    private Task<HttpResponseMessage> SayWithTokenAsync(string token, string text) => SayWithHeaderAsync($"Bearer {token}", text);

    private Task<HttpResponseMessage> SayWithHeaderAsync(string header, string text)
    {
        _bot.Http.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(header);
        return _bot.Teams.SayAsync(Persona.Megan, text);
    }

    private async Task AssertNothingHappenedAsync()
    {
        await Task.Delay(100);
        Assert.Empty(_bot.Connector.Requests);
        Assert.Empty(await _bot.Services.GetRequiredService<IRequestStore>().ListByRequesterAsync(Persona.Megan.AadObjectId, 10));
        Assert.Null(await _bot.Services.GetRequiredService<IConversationStore>().FindPersonalAsync(Persona.Megan.AadObjectId));
    }
}
