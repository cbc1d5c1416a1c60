using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Teams.Connector;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>Bad input gets a clear answer (or a clear HTTP error), changes nothing, and never a 500.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("not json at all", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\": 42}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"message\",\"serviceUrl\":\"https://x.example/\",\"from\":{\"id\":\"29:a\"}}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"message\",\"serviceUrl\":\"not a url\",\"conversation\":{\"id\":\"a:1\"},\"from\":{\"id\":\"29:a\"}}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"message\"}", "text/plain", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("null", "application/json", HttpStatusCode.BadRequest)]
    public async Task MalformedActivity_Gets4xx(string body, string contentType, HttpStatusCode expected)
    {
        using var response = await _bot.Http.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(_bot.Connector.Requests);
    }

    [Fact]
    public async Task OversizedActivity_Gets413()
    {
        var huge = "{\"type\":\"message\",\"text\":\"" + new string('x', 300 * 1024) + "\"}";

        using var response = await _bot.Http.PostAsync("/api/messages", new StringContent(huge, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("", "didn't get any text")]
    [InlineData("   ", "didn't get any text")]
    [InlineData("xyzzy plugh frobnicate", "couldn't match")]
    [InlineData("cancel", "Which request?")]
    [InlineData("REQ-999999", "can't find REQ-999999")]
    [InlineData("cancel REQ-999999", "can't find REQ-999999")]
    public async Task OddMessages_GetAClearAnswer(string text, string expected)
    {
        using var response = await _bot.Teams.SayAsync(Persona.Megan, text);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await _bot.Connector.WaitForAsync(c => c.ActivitiesIn(Persona.Megan.PersonalChatId).LastOrDefault());
        Assert.Contains(expected, reply.Text ?? CardReader.AllText(FakeTeamsConnector.CardOf(reply)), StringComparison.OrdinalIgnoreCase);
        await AssertNoRequestsAsync();
    }

    [Fact]
    public async Task VeryLongText_IsRefused_AndLogsNothing()
    {
        using var response = await _bot.Teams.SayAsync(Persona.Megan, "I need a laptop " + new string('a', 5000));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await _bot.Connector.WaitForAsync(c => c.ActivitiesIn(Persona.Megan.PersonalChatId).LastOrDefault());
        Assert.Contains("keep it under 2000", reply.Text);
        await AssertNoRequestsAsync();
    }

    [Fact]
    public async Task PersonNotInDirectory_CannotLogARequest()
    {
        (await _bot.Teams.SayAsync(Persona.Stranger, "I need a new laptop")).EnsureSuccessStatusCode();
        var form = await _bot.Connector.WaitForAsync(c => c.LatestCardIn(Persona.Stranger.PersonalChatId));

        var answer = await _bot.Teams.ClickOnCardAsync(Persona.Stranger, Persona.Stranger.PersonalChatId, form, "intake.submit", LaptopInputs);

        Assert.Contains("not in the organisation directory", answer.Message);
        await AssertNoRequestsAsync();
    }

    [Fact]
    public async Task UnknownInvokeName_IsNotImplemented()
    {
        var activity = Invoke(Persona.Megan, name: "composeExtension/query", value: new JsonObject());

        var body = await PostInvokeAsync(activity);

        Assert.Equal(501, body["statusCode"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"action\":{\"type\":\"Action.Execute\"}}")]
    [InlineData("{\"action\":{\"type\":\"Action.Execute\",\"verb\":42}}")]
    [InlineData("{\"action\":\"approve\"}")]
    public async Task MalformedCardAction_Gets400InTheInvokeResponse(string value)
    {
        var body = await PostInvokeAsync(Invoke(Persona.Alex, "adaptiveCard/action", JsonNode.Parse(value)));

        Assert.Equal(400, body["statusCode"]!.GetValue<int>());
        await AssertNoRequestsAsync();
    }

    [Theory]
    [InlineData("approval.approve", "{}", "requestId")]
    [InlineData("approval.approve", "{\"requestId\":\"REQ-000001\"}", "stage")]
    [InlineData("approval.approve", "{\"requestId\":\"REQ-000001\",\"stage\":{\"x\":1}}", "stage")]
    [InlineData("approval.approve", "{\"requestId\":[1,2],\"stage\":0}", "requestId")]
    [InlineData("approval.approve", "{\"requestId\":\"REQ-000001\",\"stage\":0,\"source\":{\"x\":1}}", "source")]
    [InlineData("approval.reject", "{\"requestId\":\"REQ-000001\",\"stage\":0,\"comment\":\"No\",\"source\":[\"list\"]}", "source")]
    [InlineData("agent.assign", "{\"requestId\":\"REQ-424242\"}", "can't find REQ-424242")]
    [InlineData("no.such.verb", "{}", "don't know that action")]
    [InlineData("intake.pick", "{\"itemId\":\"flying-car\"}", "no longer exists")]
    [InlineData("intake.submit", "{\"itemId\":\"mouse\"}", "submissionKey")]
    public async Task CardActionWithBadData_SaysWhat_AndChangesNothing(string verb, string data, string expected)
    {
        var requestId = await RequestLaptopAsync(_bot.Teams, _bot.Connector, Persona.Megan);
        var before = await StoredAsync(requestId);

        var result = await _bot.Teams.ClickAsync(Persona.Alex, "a:somewhere", verb, JsonNode.Parse(data)!.AsObject());

        Assert.Equal(HttpStatusCode.OK, result.HttpStatus);
        Assert.Contains(expected, result.Message, StringComparison.OrdinalIgnoreCase);
        AssertUnchanged(before, await StoredAsync(requestId));
    }

    [Fact]
    public async Task ActionOnAClosedRequest_IsRefused()
    {
        (await _bot.Teams.SayAsync(Persona.Megan, "I need a standard mouse")).EnsureSuccessStatusCode();
        var form = await NoticeAsync(_bot.Connector, Persona.Megan, "Standard mouse");
        var confirmation = await _bot.Teams.ClickOnCardAsync(Persona.Megan, Persona.Megan.PersonalChatId, form, "intake.submit",
            new JsonObject { ["urgency"] = "Low", ["field.deliveryLocation"] = "London office" });
        var requestId = RequestNumberIn(confirmation.CardText)!;
        (await _bot.Teams.SayAsync(Persona.Megan, $"cancel {requestId}")).EnsureSuccessStatusCode();
        await NoticeAsync(_bot.Connector, Persona.Megan, requestId, "cancelled");
        var before = await StoredAsync(requestId);

        var again = await _bot.Teams.ClickAsync(Persona.Megan, Persona.Megan.PersonalChatId, "requester.cancel", Data(requestId));
        var assign = await _bot.Teams.ClickAsync(Persona.Adele, Persona.HardwareChannel, "agent.assign", Data(requestId));

        Assert.Contains($"{requestId}: This request is cancelled", again.Message);
        Assert.Contains("cannot be assigned", assign.CardText);
        AssertUnchanged(before, await StoredAsync(requestId));
        Assert.Equal(RequestState.Cancelled, (await StoredAsync(requestId)).State);
    }

    private Activity Invoke(Persona who, string name, JsonNode? value) => new()
    {
        Type = ActivityTypes.Invoke,
        Name = name,
        Id = Guid.NewGuid().ToString("N"),
        ServiceUrl = _bot.Connector.ServiceUrl,
        ChannelId = "msteams",
        From = new ChannelAccount { Id = who.TeamsId, AadObjectId = who.AadObjectId, Name = who.Name },
        Recipient = new ChannelAccount { Id = TeamsDriver.BotId },
        Conversation = new ConversationAccount { Id = who.PersonalChatId, ConversationType = "personal" },
        Value = value,
    };

    private async Task<JsonObject> PostInvokeAsync(Activity activity)
    {
        using var response = await _bot.Http.PostAsJsonAsync("/api/messages", activity, ConnectorJson.Options);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private async Task<ServiceRequest> StoredAsync(string requestId) =>
        (await _bot.Services.GetRequiredService<IRequestStore>().GetAsync(requestId))!;

    /// <summary>The fulfilment worker bumps the version as it empties the outbox, so compare what people changed.</summary>
    private static void AssertUnchanged(ServiceRequest before, ServiceRequest after)
    {
        Assert.Equal(before.State, after.State);
        Assert.Equal(before.History.Count, after.History.Count);
        Assert.Equal(before.Approvals.Select(a => a.Decision), after.Approvals.Select(a => a.Decision));
    }

    private async Task AssertNoRequestsAsync()
    {
        var store = _bot.Services.GetRequiredService<IRequestStore>();
        Assert.Empty(await store.ListByRequesterAsync(Persona.Megan.AadObjectId, 10));
        Assert.Empty(await store.ListByRequesterAsync(Persona.Stranger.AadObjectId, 10));
    }
}
