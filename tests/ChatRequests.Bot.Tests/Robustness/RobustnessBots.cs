using System.Net.Http.Headers;
using System.Text;
using ChatRequests.Bot.Tests.Authentication;
using ChatRequests.Testing;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Teams.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatRequests.Bot.Tests.Robustness;

/// <summary>
/// One bot per <see cref="BotSetup"/>, started on first use and shared by the robustness tests (tests use their own
/// conversation ids, so they do not see each other's replies). Production runs authenticated against a loopback
/// Bot Connector identity; every post carries a valid token for the bot's loopback connector.
/// </summary>
public sealed class RobustnessBots : IAsyncLifetime
{
    /// <summary>The tenant the loopback connector and the samples use; the only one allowed when tenants are restricted.</summary>
    public const string Tenant = "00000000-0000-0000-0000-0000000000aa";

    private readonly Dictionary<BotSetup, RunningBot> _bots = [];
    private readonly SemaphoreSlim _starting = new(1, 1);
    private FakeBotConnectorIdentity? _identity;

    /// <summary>Warnings and errors of every bot started here.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    public async Task<RunningBot> GetAsync(BotSetup setup)
    {
        await _starting.WaitAsync();
        try
        {
            if (!_bots.TryGetValue(setup, out var bot))
            {
                bot = await StartAsync(setup);
                _bots[setup] = bot;
            }

            return bot;
        }
        finally
        {
            _starting.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var bot in _bots.Values)
        {
            await bot.App.DisposeAsync();
        }

        if (_identity is not null)
        {
            await _identity.DisposeAsync();
        }

        _starting.Dispose();
    }

    private async Task<RunningBot> StartAsync(BotSetup setup)
    {
        var settings = new Dictionary<string, string?>
        {
            // Every case is a new conversation of one tenant: Teams' rate limits would make the bot wait, not fail.
            ["Connector:ConversationPerSecond:PermitLimit"] = "100000",
            ["Connector:ConversationPerTwoSeconds:PermitLimit"] = "100000",
            ["Connector:ConversationPerThirtySeconds:PermitLimit"] = "100000",
            ["Connector:ConversationPerHour:PermitLimit"] = "100000",
            ["Connector:TenantPerSecond:PermitLimit"] = "100000",
            // An unreachable service URL fails within milliseconds instead of after Teams-sized backoffs.
            ["Connector:MaxRetryAttempts"] = "1",
            ["Connector:BaseDelay"] = "00:00:00.010",
            ["Connector:MaxDelay"] = "00:00:00.020",
        };
        if (setup.TenantsRestricted)
        {
            settings["Bot:AllowedTenants:0"] = Tenant;
        }

        if (setup.IsProduction)
        {
            _identity ??= await FakeBotConnectorIdentity.StartAsync();
            settings["MicrosoftAppId"] = FakeBotConnectorIdentity.AppId;
            settings["MicrosoftAppPassword"] = "unused-in-tests";
            settings["BotOpenIdMetadata"] = _identity.MetadataUrl;
        }

        var app = await BotApp.StartAsync(settings, services =>
        {
            services.AddSingleton<ILoggerProvider>(Logs);
            if (setup.IsProduction)
            {
                // Entra ID is not reachable from tests: the outbound token is a fixed one.
                services.AddSingleton<IConnectorTokenProvider>(new StaticTokenProvider("outbound-test-token"));
            }
        }, setup.Environment);
        var token = setup.IsProduction ? _identity!.MintToken(app.Connector.ServiceUrl) : null;
        return new RunningBot(setup, app, token);
    }
}

/// <summary>A started bot and how to post to it as the Bot Connector would.</summary>
public sealed class RunningBot(BotSetup setup, BotApp app, string? token)
{
    public BotSetup Setup { get; } = setup;

    public BotApp App { get; } = app;

    public string ServiceUrl => App.Connector.ServiceUrl;

    /// <summary>POST /api/messages with this body, as the Bot Connector would (with its token in Production).</summary>
    public async Task<HttpResponseMessage> PostAsync(byte[] body, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await App.Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(string json) => PostAsync(Encoding.UTF8.GetBytes(json));
}

[CollectionDefinition(Name)]
public sealed class RobustnessCollection : ICollectionFixture<RobustnessBots>
{
    public const string Name = "Robustness bots";
}
