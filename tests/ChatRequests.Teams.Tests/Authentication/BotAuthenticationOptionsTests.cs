using ChatRequests.Teams.Authentication;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace ChatRequests.Teams.Tests.Authentication;

public sealed class BotAuthenticationOptionsTests
{
    [Theory]
    [InlineData("Development", null, null, null, null, true)]
    [InlineData("Production", null, null, null, null, false)]
    [InlineData("Production", "app", null, "secret", null, true)]
    [InlineData("Production", "app", "multitenant", "secret", null, true)]
    [InlineData("Production", "app", "singletenant", "secret", null, false)]
    [InlineData("Production", "app", "SingleTenant", "secret", "tenant", true)]
    [InlineData("Production", "app", "UserAssignedMSI", null, "tenant", true)]
    [InlineData("Production", "app", "UserAssignedMSI", null, null, false)]
    [InlineData("Development", "app", "MultiTenant", null, null, false)]
    [InlineData("Production", "app", "SomethingElse", "secret", "tenant", false)]
    public void Validate_AcceptsOnlyACompleteIdentity(string environment, string? appId, string? type, string? password, string? tenant, bool valid)
    {
        var validator = new BotAuthenticationOptionsValidator(new HostingEnvironment { EnvironmentName = environment });
        var options = new BotAuthenticationOptions
        {
            MicrosoftAppId = appId,
            MicrosoftAppType = type,
            MicrosoftAppPassword = password,
            MicrosoftAppTenantId = tenant,
        };

        Assert.Equal(valid, validator.Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(null, "botframework.com")]
    [InlineData("", "botframework.com")]
    [InlineData("00000000-0000-0000-0000-0000000000aa", "00000000-0000-0000-0000-0000000000aa")]
    public void TokenTenant_IsTheAppsTenant_OrBotFrameworkForMultiTenant(string? tenant, string expected) =>
        Assert.Equal(expected, new BotAuthenticationOptions { MicrosoftAppTenantId = tenant }.TokenTenant);

    [Fact]
    public void Validate_RefusesPlainHttpMetadataOffLoopback()
    {
        var validator = new BotAuthenticationOptionsValidator(new HostingEnvironment { EnvironmentName = Environments.Production });
        var options = new BotAuthenticationOptions
        {
            MicrosoftAppId = "app",
            MicrosoftAppPassword = "secret",
            BotOpenIdMetadata = "http://login.example/v1/.well-known/openidconfiguration",
        };

        Assert.False(validator.Validate(null, options).Succeeded);
    }
}
