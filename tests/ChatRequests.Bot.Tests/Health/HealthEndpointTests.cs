using System.Net;
using ChatRequests.Bot.Health;
using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace ChatRequests.Bot.Tests.Health;

/// <summary>
/// GET /health is App Service's health-check path: it answers from one point read of the store, and 503 only when the
/// store does not answer. (Parked events leave it at 200: UnreachableApproverLoopTests, over the whole bot.)
/// </summary>
public sealed class HealthEndpointTests
{
    private readonly IRequestStore _store = Substitute.For<IRequestStore>();

    [Fact]
    public async Task StoreAnswers_Healthy_FromOnePointReadAndNoQuery()
    {
        _store.GetAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns((ServiceRequest?)null);

        var (status, body) = await GetHealthAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"status":"healthy"}""", body);
        await _store.Received(1).GetAsync(HealthEndpoint.ProbeRequestId, Arg.Any<CancellationToken>());
        Assert.Single(_store.ReceivedCalls());
    }

    [Fact]
    public async Task StoreFails_Unavailable_WithoutTheReason()
    {
        _store.GetAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).ThrowsAsync(new IOException("disk I/O error in /home/data/requests.db"));

        var (status, body) = await GetHealthAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("unreachable", body, StringComparison.Ordinal);
        Assert.DoesNotContain("disk", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreHangs_UnavailableWithinTheProbeTimeout()
    {
        _store.GetAsync(Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(call => HangAsync(call.Arg<CancellationToken>()));

        var (status, _) = await GetHealthAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
    }

    private static async Task<ServiceRequest?> HangAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        return null;
    }

    private async Task<(HttpStatusCode Status, string Body)> GetHealthAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton(_store);
        builder.Services.AddSingleton(new RelayHealth(_store, TimeProvider.System)); // for /status, mapped alongside
        builder.Services.AddSingleton(Substitute.For<IMessageLedger>());
        await using var app = builder.Build();
        app.MapHealth();
        await app.StartAsync();

        using var client = app.GetTestClient();
        client.Timeout = TimeSpan.FromSeconds(30);
        using var response = await client.GetAsync("/health");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
