using System.Net;
using System.Text.Json.Nodes;

namespace ChatRequests.Bot.Tests.Robustness;

/// <summary>
/// Activities whose JSON has the wrong shape where the bot reads it get a 400 that says where, in every environment,
/// with and without Bot:AllowedTenants; nothing is stored or sent.
/// </summary>
[Collection(RobustnessCollection.Name)]
public sealed class MalformedActivityTests(RobustnessBots bots)
{

    private static readonly (string ChannelData, string Detail)[] WrongTenants =
    [
        ("""{"tenant":{"id":42}}""", "channelData.tenant.id must be a string, was a number."),
        ("""{"tenant":{"id":true}}""", "channelData.tenant.id must be a string, was a boolean."),
        ("""{"tenant":{"id":["00000000-0000-0000-0000-0000000000aa"]}}""", "channelData.tenant.id must be a string, was an array."),
        ("""{"tenant":{"id":{"id":"00000000-0000-0000-0000-0000000000aa"}}}""", "channelData.tenant.id must be a string, was an object."),
        ("""{"tenant":"00000000-0000-0000-0000-0000000000aa"}""", "channelData.tenant must be an object, was a string."),
        ("""{"tenant":7}""", "channelData.tenant must be an object, was a number."),
        ("""{"tenant":[{"id":"00000000-0000-0000-0000-0000000000aa"}]}""", "channelData.tenant must be an object, was an array."),
    ];

    public static TheoryData<string, bool, string, string> TenantsOfTheWrongType()
    {
        var data = new TheoryData<string, bool, string, string>();
        foreach (var setup in BotSetup.All)
        {
            foreach (var (channelData, detail) in WrongTenants)
            {
                data.Add(setup.Environment, setup.TenantsRestricted, channelData, detail);
            }
        }

        return data;
    }


    [Theory]
    [MemberData(nameof(TenantsOfTheWrongType))]
    public async Task TenantOfTheWrongJsonType_Gets400SayingWhich(string environment, bool tenantsRestricted, string channelData, string detail)
    {
        var bot = await bots.GetAsync(new BotSetup(environment, tenantsRestricted));
        var activity = Message(bot, "help");
        activity["channelData"] = JsonNode.Parse(channelData);

        var (status, problem) = await PostAsync(bot, activity.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(detail, problem["detail"]!.GetValue<string>());
        AssertNothingSent(bot, activity);
    }

    [Theory]
    [MemberData(nameof(BotSetup.Each), MemberType = typeof(BotSetup))]
    public async Task ChannelDataThatIsNotAnObject_Gets400NamingIt(string environment, bool tenantsRestricted)
    {
        var bot = await bots.GetAsync(new BotSetup(environment, tenantsRestricted));
        foreach (var channelData in new JsonNode[] { "tenant", 42, new JsonArray(new JsonObject { ["tenant"] = new JsonObject { ["id"] = RobustnessBots.Tenant } }) })
        {
            var activity = Message(bot, "help");
            activity["channelData"] = channelData;

            var (status, problem) = await PostAsync(bot, activity.ToJsonString());

            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("The body is not a valid activity (at $.channelData).", problem["detail"]!.GetValue<string>());
            AssertNothingSent(bot, activity);
        }
    }

    [Theory]
    [MemberData(nameof(BotSetup.Each), MemberType = typeof(BotSetup))]
    public async Task NullTenantId_CountsAsNoTenant(string environment, bool tenantsRestricted)
    {
        var bot = await bots.GetAsync(new BotSetup(environment, tenantsRestricted));
        var activity = Message(bot, "help");
        activity["channelData"] = JsonNode.Parse("""{"tenant":{"id":null}}""");
        activity["conversation"]!.AsObject().Remove("tenantId");

        var (status, _) = await PostAsync(bot, activity.ToJsonString());

        // No tenant is not one of the allowed tenants; with no restriction there is nothing to refuse.
        Assert.Equal(tenantsRestricted ? HttpStatusCode.Forbidden : HttpStatusCode.OK, status);
    }

    /// <summary>The sender chose the tenant id: the refusal is logged, but not whatever text was put there.</summary>
    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task TenantThatIsNotAnId_IsRefused_AndNotLoggedVerbatim(string environment)
    {
        var bot = await bots.GetAsync(new BotSetup(environment, TenantsRestricted: true));
        var activity = Message(bot, "help");
        var tenant = $"ignore previous instructions {Guid.NewGuid():N}";
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } };

        var (status, _) = await PostAsync(bot, activity.ToJsonString());

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.DoesNotContain(bots.Logs.Logs, l => l.Message.Contains(tenant, StringComparison.Ordinal));
        Assert.Contains(bots.Logs.Logs, l => l.Message == "Refused an inbound activity from tenant (not an id): not in Bot:AllowedTenants");
    }

    public static TheoryData<string, bool, string, string> PropertiesNamedTwice()
    {
        var data = new TheoryData<string, bool, string, string>();
        foreach (var (environment, restricted) in BotSetup.All.Select(s => (s.Environment, s.TenantsRestricted)))
        {
            data.Add(environment, restricted, "channelData", """{"tenant":{"id":"00000000-0000-0000-0000-0000000000aa"},"tenant":{"id":"00000000-0000-0000-0000-0000000000bb"}}""");
            data.Add(environment, restricted, "channelData", """{"tenant":{"id":"00000000-0000-0000-0000-0000000000bb","id":"00000000-0000-0000-0000-0000000000aa"}}""");
            data.Add(environment, restricted, "from", """{"id":"29:00000000-0000-0000-0000-0000000000a1","aadObjectId":"00000000-0000-0000-0000-0000000000a2","aadObjectId":"00000000-0000-0000-0000-0000000000a1"}""");
            data.Add(environment, restricted, "value", """{"action":{"type":"Action.Execute","verb":"intake.pick","data":{"itemId":"mouse"}},"action":{"type":"Action.Execute","verb":"approval.approve"}}""");
        }

        return data;
    }

    /// <summary>Which of two tenants (or two senders) counts must not depend on the parser: refused outright.</summary>
    [Theory]
    [MemberData(nameof(PropertiesNamedTwice))]
    public async Task PropertyNamedTwice_Gets400(string environment, bool tenantsRestricted, string member, string json)
    {
        var bot = await bots.GetAsync(new BotSetup(environment, tenantsRestricted));
        var activity = Message(bot, "help");
        activity.Remove(member);
        var body = $"{{\"{member}\":{json}," + activity.ToJsonString()[1..];

        var (status, problem) = await PostAsync(bot, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("The body is not a valid activity (", problem["detail"]!.GetValue<string>());
        AssertNothingSent(bot, activity);
    }

    [Theory]
    [MemberData(nameof(BotSetup.Each), MemberType = typeof(BotSetup))]
    public async Task MemberOfTheWrongJsonType_Gets400NamingThePath(string environment, bool tenantsRestricted)
    {
        var bot = await bots.GetAsync(new BotSetup(environment, tenantsRestricted));
        var activity = Message(bot, "help");
        activity["from"]!["name"] = 5;

        var (status, problem) = await PostAsync(bot, activity.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("The body is not a valid activity (at $.from.name).", problem["detail"]!.GetValue<string>());
    }

    private static JsonObject Message(RunningBot bot, string text) =>
        TeamsActivitySamples.PersonalMessage(bot.ServiceUrl, Guid.NewGuid().ToString("N"), text);

    private static async Task<(HttpStatusCode Status, JsonObject Problem)> PostAsync(RunningBot bot, string json)
    {
        using var response = await bot.PostAsync(json);
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        return (response.StatusCode, body.Length == 0 ? [] : JsonNode.Parse(body) as JsonObject ?? []);
    }

    private static void AssertNothingSent(RunningBot bot, JsonObject activity)
    {
        var conversationId = activity["conversation"]!["id"]!.GetValue<string>();
        Assert.DoesNotContain(bot.App.Connector.Requests, r => r.ConversationId == conversationId);
    }
}
