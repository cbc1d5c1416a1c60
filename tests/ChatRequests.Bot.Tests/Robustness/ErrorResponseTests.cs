using System.Net;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Teams.Authentication;
using ChatRequests.Teams.Connector;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRequests.Bot.Tests.Robustness;

/// <summary>Every error the host answers is a ProblemDetails without internals, in Development too (what `dotnet run` uses).</summary>
public sealed class ErrorResponseTests
{
    private const string Secret = "connection string Password=hunter2";

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task ExceptionOutsideTheTurn_IsAProblemDetails_WithoutInternals(string environment)
    {
        await using var bot = await BotApp.StartAsync(
            new Dictionary<string, string?> { ["MicrosoftAppId"] = "11111111-2222-3333-4444-555555555555", ["MicrosoftAppPassword"] = "unused" },
            services => services.AddSingleton<IInboundAuthenticator, BrokenAuthenticator>(),
            environment);

        using var response = await bot.Http.PostAsync("/api/messages", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(Secret, body);
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain(nameof(BrokenAuthenticator), body);
        Assert.DoesNotContain(" at ", body);
    }

    [Theory]
    [InlineData("Development", "GET", "/api/messages", HttpStatusCode.MethodNotAllowed)]
    [InlineData("Development", "POST", "/api/nothing-here", HttpStatusCode.NotFound)]
    [InlineData("Production", "GET", "/api/messages", HttpStatusCode.MethodNotAllowed)]
    public async Task WrongRouteOrMethod_IsAProblemDetails(string environment, string method, string path, HttpStatusCode expected)
    {
        var settings = environment == "Production"
            ? new Dictionary<string, string?> { ["MicrosoftAppId"] = "11111111-2222-3333-4444-555555555555", ["MicrosoftAppPassword"] = "unused" }
            : null;
        await using var bot = await BotApp.StartAsync(settings, environment: environment);

        using var response = await bot.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A dependency that fails where no turn handler can catch it.</summary>
    private sealed class BrokenAuthenticator : IInboundAuthenticator
    {
        public Task<InboundAuthentication> AuthenticateAsync(string? authorizationHeader, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException($"The key store is down ({Secret}).");

        public string? FindForbidden(InboundCaller caller, Activity activity) => null;
    }
}
