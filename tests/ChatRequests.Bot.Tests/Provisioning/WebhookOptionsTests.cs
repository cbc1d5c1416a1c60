using ChatRequests.Core.Catalog;
using ChatRequests.Core.Provisioning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace ChatRequests.Bot.Tests.Provisioning;

/// <summary>The webhook options as a host checks them on start, against the catalog's webhook steps.</summary>
public sealed class WebhookOptionsTests
{
    private const string LongEnough = "a-secret-that-has-32-characters-at-least";

    [Fact]
    public void ASecretTheCatalogNames_NotConfigured_IsRefusedNamingTheKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Options(new Dictionary<string, string?>()));

        Assert.Contains(
            "Catalog item 'joiner' has a webhook step signed with secret 'procurement', but Provisioning:Webhooks:Secrets:procurement is not configured.",
            error.Failures);
    }

    [Fact]
    public void AShortSecret_IsRefused()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Options(new() { ["Provisioning:Webhooks:Secrets:procurement"] = "short" }));

        Assert.Contains("Provisioning:Webhooks:Secrets:procurement is shorter than 32 characters.", error.Failures);
    }

    [Fact]
    public void ZeroAttempts_IsRefused()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Options(new()
        {
            ["Provisioning:Webhooks:Secrets:procurement"] = LongEnough,
            ["Provisioning:Webhooks:MaxAttempts"] = "0",
        }));

        Assert.Contains("Provisioning:Webhooks:MaxAttempts must be from 1 to 10.", error.Failures);
    }

    [Fact]
    public void EverySecretConfigured_IsAccepted_AndTheSenderIsRegistered()
    {
        var (options, services) = Build(new() { ["Provisioning:Webhooks:Secrets:procurement"] = LongEnough });

        Assert.Equal(LongEnough, options.Secrets["procurement"]);
        Assert.IsType<HttpWebhookSender>(services.GetRequiredService<IWebhookSender>());
    }

    private static WebhookOptions Options(Dictionary<string, string?> settings) => Build(settings).Options;

    private static (WebhookOptions Options, ServiceProvider Services) Build(Dictionary<string, string?> settings)
    {
        var catalog = Substitute.For<ICatalog>();
        catalog.Items.Returns([new CatalogItem
        {
            Id = "joiner", Name = "Joiner kit", Category = "Access",
            Provisioning = new ProvisioningPlan
            {
                Steps = [new ProvisioningStep { Kind = ProvisioningStepKind.Webhook, Url = "https://p.example/h", Secret = "procurement", Name = "Procurement" }],
            },
        }]);
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddSingleton(catalog)
            .AddSingleton(TimeProvider.System)
            .AddLogging()
            .AddProvisioningWebhooks()
            .BuildServiceProvider();
        return (services.GetRequiredService<IOptions<WebhookOptions>>().Value, services);
    }
}
