using ChatRequests.Teams.Connector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatRequests.Teams.Tests.Connector;

public sealed class ConnectorOptionsTests
{
    [Fact]
    public void Defaults_AreTeamsPublishedLimits()
    {
        var options = Resolve([]);

        Assert.Equal(5, options.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), options.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(15), options.AttemptTimeout);
        Assert.Equal((7, TimeSpan.FromSeconds(1)), (options.ConversationPerSecond.PermitLimit, options.ConversationPerSecond.Window));
        Assert.Equal((8, TimeSpan.FromSeconds(2)), (options.ConversationPerTwoSeconds.PermitLimit, options.ConversationPerTwoSeconds.Window));
        Assert.Equal((60, TimeSpan.FromSeconds(30)), (options.ConversationPerThirtySeconds.PermitLimit, options.ConversationPerThirtySeconds.Window));
        Assert.Equal((1800, TimeSpan.FromHours(1)), (options.ConversationPerHour.PermitLimit, options.ConversationPerHour.Window));
        Assert.Equal((50, TimeSpan.FromSeconds(1)), (options.TenantPerSecond.PermitLimit, options.TenantPerSecond.Window));
    }

    [Fact]
    public void TheConnectorSection_OverridesTheDefaults()
    {
        var options = Resolve(new()
        {
            ["Connector:MaxRetryAttempts"] = "2",
            ["Connector:BaseDelay"] = "00:00:00.100",
            ["Connector:ConversationPerSecond:PermitLimit"] = "3",
        });

        Assert.Equal(2, options.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(100), options.BaseDelay);
        Assert.Equal(3, options.ConversationPerSecond.PermitLimit);
        Assert.Equal(TimeSpan.FromSeconds(1), options.ConversationPerSecond.Window);
    }

    [Fact]
    public void InvalidSettings_FailValidation_NamingEachKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["Connector:MaxRetryAttempts"] = "-1",
            ["Connector:TenantPerSecond:PermitLimit"] = "0",
        }));

        Assert.Contains(error.Failures, f => f.Contains("Connector:MaxRetryAttempts", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Connector:TenantPerSecond", StringComparison.Ordinal));
    }

    [Fact]
    public void TheServiceProvider_CanBeDisposedSynchronously_AfterTheClientWasUsed()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddBotConnector();
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IConnectorClient>();

        provider.Dispose();
    }

    [Fact]
    public void RetryAfter_IsReadAsSecondsOrAsAnHttpDate()
    {
        var now = new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);
        using var seconds = new HttpResponseMessage { Headers = { RetryAfter = new(TimeSpan.FromSeconds(7)) } };
        using var date = new HttpResponseMessage { Headers = { RetryAfter = new(now.AddSeconds(12)) } };
        using var past = new HttpResponseMessage { Headers = { RetryAfter = new(now.AddSeconds(-5)) } };
        using var none = new HttpResponseMessage();

        Assert.Equal(TimeSpan.FromSeconds(7), ConnectorResilience.RetryAfter(seconds, now));
        Assert.Equal(TimeSpan.FromSeconds(12), ConnectorResilience.RetryAfter(date, now));
        Assert.Equal(TimeSpan.Zero, ConnectorResilience.RetryAfter(past, now));
        Assert.Null(ConnectorResilience.RetryAfter(none, now));
    }

    private static ConnectorOptions Resolve(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddBotConnector();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<ConnectorOptions>>().Value;
    }
}
