using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json;
using ChatRequests.Bot.Tests.Authentication;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Reporting;
using ChatRequests.Teams.Connector;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRequests.Bot.Tests.Dashboard;

/// <summary>
/// The dashboard's API on the real bot host: the same people and scopes as the chat's report (ReportDesk), a refusal
/// with no figures for everyone else; in Development the caller is named with ?as=, elsewhere only a valid Teams SSO
/// token (issuer, audience api://domain/appId, lifetime, signature) names them.
/// </summary>
public sealed class DashboardApiTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private const string Lead = "00000000-0000-0000-0000-0000000000d2"; // Grady, lead of Hardware Service
    private const string Manager = "00000000-0000-0000-0000-0000000000a2"; // Alex, manages Megan and Diego
    private const string Member = "00000000-0000-0000-0000-0000000000a1"; // Megan, neither
    private const string Tenant = "99999999-8888-7777-6666-555555555555";
    private const string Domain = "bot.contoso.example";

    [Theory]
    [InlineData("/dashboard", "text/html", "/dashboard/dashboard.js")]
    [InlineData("/dashboard/config", "text/html", "/dashboard/config.js")]
    [InlineData("/dashboard/dashboard.js", "text/javascript", "getAuthToken")]
    [InlineData("/dashboard/config.js", "text/javascript", "pages.config.setConfig")]
    [InlineData("/dashboard/dashboard.css", "text/css", ".tiles")]
    public async Task PageFiles_AreServed_FromTheHost_WithNothingFromElsewhere(string path, string mediaType, string expected)
    {
        await using var bot = await BotApp.StartAsync();

        using var response = await bot.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains(expected, text);
        Assert.DoesNotContain("https://", text);
        Assert.DoesNotContain("innerHTML", text);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors", policy);
        Assert.Contains("script-src 'self';", policy); // no inline script: the page's own script is a file of the host
    }

    [Fact]
    public async Task Pages_LoadTheBundledTeamsLibrary_FromTheHost()
    {
        await using var bot = await BotApp.StartAsync();

        var page = await bot.Http.GetStringAsync("/dashboard");
        using var library = await bot.Http.GetAsync("/dashboard/teams-js.js");

        Assert.Contains("<script src=\"/dashboard/teams-js.js\"></script>", page);
        Assert.Equal(HttpStatusCode.OK, library.StatusCode);
        Assert.Equal("text/javascript", library.Content.Headers.ContentType?.MediaType);
        var code = await library.Content.ReadAsStringAsync();
        Assert.Contains("\"2.58.0\"", code); // the version pinned in Dashboard/teams-js/README.md and update.sh
        Assert.Contains("getAuthToken", code);
    }

    [Fact]
    public async Task TeamLead_GetsTheirTeamsFigures_AndACategoryOfIt()
    {
        await using var bot = await BotApp.StartAsync();

        var (status, body) = await GetAsync(bot, $"?as={Lead}&period=last%20month");
        var (categoryStatus, categoryBody) = await GetAsync(bot, $"?as={Lead}&category=hardware");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Hardware Service", body.GetProperty("covers").GetString());
        Assert.Equal("team-hardware", body.GetProperty("report").GetProperty("scope").GetProperty("teamId").GetString());
        Assert.StartsWith("last month", body.GetProperty("report").GetProperty("scope").GetProperty("period").GetProperty("label").GetString());
        Assert.Equal(HttpStatusCode.OK, categoryStatus);
        Assert.Equal("Hardware in Hardware Service", categoryBody.GetProperty("covers").GetString());
    }

    [Fact]
    public async Task Manager_GetsTheirDirectReports()
    {
        await using var bot = await BotApp.StartAsync();

        var (status, body) = await GetAsync(bot, $"?as={Manager}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("your 2 direct reports", body.GetProperty("covers").GetString());
    }

    [Theory]
    [InlineData(Member, "")]
    [InlineData(Member, "&team=Hardware%20Service")]
    [InlineData(Lead, "&team=Software%20%26%20Licensing")]
    public async Task OthersAndOtherTeams_AreRefused_WithNoFigures(string person, string filter)
    {
        await using var bot = await BotApp.StartAsync();

        var (status, body) = await GetAsync(bot, $"?as={person}{filter}");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(ReportDesk.RefusalText, body.GetProperty("text").GetString());
        Assert.False(body.TryGetProperty("report", out _));
        Assert.DoesNotContain("Software", body.GetRawText());
    }

    [Fact]
    public async Task UnknownPeriod_IsAskedAbout_NotAnError()
    {
        await using var bot = await BotApp.StartAsync();

        var (status, body) = await GetAsync(bot, $"?as={Lead}&period=%3Cscript%3E");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("Which period?", body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Development_WithoutAName_IsUnauthorised()
    {
        await using var bot = await BotApp.StartAsync();

        var (status, body) = await GetAsync(bot, "");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.False(body.TryGetProperty("report", out _));
    }

    [Fact]
    public async Task OutsideDevelopment_WithoutSso_NamingSomeoneIsRefused()
    {
        await using var bot = await StartProductionAsync(sso: false);

        var (status, _) = await GetAsync(bot, $"?as={Lead}");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task ValidTabToken_NamesTheCaller_AndAsIsIgnored()
    {
        await using var bot = await StartProductionAsync(sso: true);

        var (status, body) = await GetAsync(bot, $"?as={Member}", TabToken(Lead));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Hardware Service", body.GetProperty("covers").GetString());
    }

    [Fact]
    public async Task ValidV1TabToken_IsAccepted()
    {
        await using var bot = await StartProductionAsync(sso: true);

        var (status, _) = await GetAsync(bot, "", TabToken(Lead, issuer: $"https://sts.windows.net/{Tenant}/"));

        Assert.Equal(HttpStatusCode.OK, status);
    }

    public static TheoryData<string> BadTokens => ["wrong audience", "expired", "wrong issuer", "unknown key", "no oid", "none"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task BadTabToken_IsUnauthorised_WithNoFigures(string what)
    {
        await using var bot = await StartProductionAsync(sso: true);
        var now = DateTime.UtcNow;
        var token = what switch
        {
            "wrong audience" => TabToken(Lead, audience: FakeBotConnectorIdentity.AppId),
            "expired" => TabToken(Lead, notBefore: now.AddHours(-2), expires: now.AddMinutes(-10)),
            "wrong issuer" => TabToken(Lead, issuer: "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0"),
            "unknown key" => TabToken(Lead, signingKey: FakeBotConnectorIdentity.UnknownKey()),
            "no oid" => fixture.Identity.MintToken("", issuer: V2Issuer, audience: Audience),
            _ => null,
        };

        var (status, body) = await GetAsync(bot, $"?as={Lead}", token);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.False(body.TryGetProperty("report", out _));
    }

    private static string V2Issuer => $"https://login.microsoftonline.com/{Tenant}/v2.0";

    private static string Audience => $"api://{Domain}/{FakeBotConnectorIdentity.AppId}";

    private string TabToken(
        string personId, string? issuer = null, string? audience = null, DateTime? notBefore = null, DateTime? expires = null,
        Microsoft.IdentityModel.Tokens.RsaSecurityKey? signingKey = null) =>
        fixture.Identity.MintToken(
            "", issuer ?? V2Issuer, audience ?? Audience, notBefore, expires, signingKey: signingKey, claims: [new Claim("oid", personId)]);

    private Task<BotApp> StartProductionAsync(bool sso)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = FakeBotConnectorIdentity.AppId,
            ["MicrosoftAppPassword"] = "unused-in-tests",
            ["BotOpenIdMetadata"] = fixture.Identity.MetadataUrl,
        };
        if (sso)
        {
            settings["Dashboard:Domain"] = Domain;
            settings["Dashboard:TenantId"] = Tenant;
            settings["Dashboard:OpenIdMetadata"] = fixture.Identity.MetadataUrl;
        }

        return BotApp.StartAsync(
            settings, services => services.AddSingleton<IConnectorTokenProvider>(new StaticTokenProvider("outbound")), environment: "Production");
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(BotApp bot, string query, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/api/report" + query);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await bot.Http.SendAsync(request);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response.StatusCode, body);
    }
}
