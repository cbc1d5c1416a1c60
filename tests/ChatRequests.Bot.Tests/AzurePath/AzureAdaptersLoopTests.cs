using System.Net;
using System.Text.Json.Nodes;
using Azure.Core;
using ChatRequests.Azure.Graph;
using ChatRequests.Azure.Storage;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Provisioning;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Embedded.Fulfilment;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.AzurePath;

/// <summary>
/// The Azure path switched on by configuration alone, against real components: the Cosmos DB store on the Cosmos DB
/// stand-in, the Microsoft Graph directory on a loopback Graph serving the sample organisation, and for
/// Fulfilment:Mode=ServiceBus the Functions app on the same database, played the way its host calls it.
/// </summary>
[Collection(CosmosServer.Collection)]
public sealed class AzureAdaptersLoopTests(CosmosServer cosmos)
{
    [Fact]
    public async Task OnCosmosAndGraph_SubmitApproveAndRoute_WithTheRequestDocumentInCosmos()
    {
        await using var graph = await FakeGraphServer.StartAsync();
        var settings = cosmos.HostSettings(NewDatabase());
        foreach (var (key, value) in GraphOrganisation.Serve(graph))
        {
            settings[key] = value;
        }

        await using var bot = await BotApp.StartAsync(settings, services => services.AddSingleton<TokenCredential>(new StaticTokenCredential()));
        var (teams, connector) = (bot.Teams, bot.Connector);

        var requestId = await RequestLaptopAsync(teams, connector, Persona.Megan);
        var (alexChat, approval) = await ApprovalCardAsync(connector, Persona.Alex, requestId);
        var decided = await teams.ClickOnCardAsync(Persona.Alex, alexChat, approval, "approval.approve", new JsonObject { ["comment"] = "Go ahead" });
        Assert.Contains("Approved by you", decided.CardText);
        await NoticeAsync(connector, Persona.Megan, requestId, "approved", "Go ahead");
        var (_, teamCard) = await TeamCardAsync(connector, Persona.HardwareChannel, requestId);
        Assert.Contains("agent.assign", CardReader.Verbs(teamCard));

        Assert.IsType<CosmosRequestStore>(bot.Services.GetRequiredService<IRequestStore>());
        Assert.IsType<GraphDirectory>(bot.Services.GetRequiredService<IDirectory>());
        Assert.Contains(graph.Requests, r => r.PathAndQuery.StartsWith($"/v1.0/users/{Persona.Megan.AadObjectId}/manager", StringComparison.Ordinal));
        var document = await RawDocuments.ReadAsync(RawDocuments.RequestsContainer(bot.Services), requestId);
        Assert.Equal("request", document["type"]!.GetValue<string>());
        Assert.Equal(Persona.Megan.AadObjectId, document["requesterId"]!.GetValue<string>());
        Assert.Equal("team-hardware", document["teamId"]!.GetValue<string>());
        Assert.Equal(requestId, document["request"]!["id"]!.GetValue<string>());
        Assert.Equal(nameof(RequestState.Approved), document["request"]!["state"]!.GetValue<string>());

        using var health = await bot.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task ServiceBusMode_TheBotPostsNoFulfilment_TheFunctionsAppRelaysAndRunsTheSteps()
    {
        var database = NewDatabase();
        var botSettings = cosmos.HostSettings(database);
        botSettings["Fulfilment:Mode"] = "ServiceBus";
        await using var bot = await BotApp.StartAsync(botSettings);
        await using var functions = await FunctionsApp.StartAsync(overrides: cosmos.HostSettings(database), connector: bot.Connector);
        var (teams, connector) = (bot.Teams, bot.Connector);
        Assert.DoesNotContain(bot.Services.GetServices<IHostedService>(), s => s is InProcessRelay);

        // The bot logs the request and writes the event to the outbox, nothing more: no approval card goes out.
        var requestId = await RequestLaptopAsync(teams, connector, Persona.Megan);
        await Task.Delay(TimeSpan.FromMilliseconds(500)); // ten of the test relay's poll intervals, had it been running
        Assert.Null(connector.PersonalChatWith(Persona.Alex.AadObjectId));
        var logged = (await functions.Store.GetAsync(requestId))!;
        Assert.Equal(RequestEventType.ApprovalRequested, Assert.Single(logged.Outbox).Type);
        using (var status = await bot.Http.GetAsync("/status"))
        {
            var report = JsonNode.Parse(await status.Content.ReadAsStringAsync())!;
            Assert.Equal(1, report["fulfilment"]!["pendingEvents"]!.GetValue<int>());
        }

        // The Functions app: change feed -> RelayOutbox -> queue -> RunFulfilmentStep posts the approval card.
        Assert.Equal(["200 Handled"], await functions.RelayAndRunStepsAsync());
        var (alexChat, approval) = await ApprovalCardAsync(connector, Persona.Alex, requestId);

        // Alex approves in the bot; the routing to the team is again the Functions app's.
        var decided = await teams.ClickOnCardAsync(Persona.Alex, alexChat, approval, "approval.approve", new JsonObject { ["comment"] = "Go ahead" });
        Assert.Contains("Approved by you", decided.CardText);
        Assert.DoesNotContain(connector.Conversations, c => c.Id.StartsWith(Persona.HardwareChannel, StringComparison.Ordinal));
        Assert.All(await functions.RelayAndRunStepsAsync(), outcome => Assert.Equal("200 Handled", outcome));

        await NoticeAsync(connector, Persona.Megan, requestId, "approved", "Go ahead");
        var (_, teamCard) = await TeamCardAsync(connector, Persona.HardwareChannel, requestId);
        Assert.Contains("agent.assign", CardReader.Verbs(teamCard));
        Assert.Empty((await functions.Store.GetAsync(requestId))!.Outbox);
        Assert.Empty(await functions.RelayAndRunStepsAsync());
    }

    [Fact]
    public async Task OnCosmosAndGraph_ApprovedFinanceReports_MeganIsAddedToTheGroupOnceAndAskedToConfirm()
    {
        const string FinanceReaders = "6b1f3a52-3c1e-4f0b-9a57-5d1d0c2f9e11";
        await using var graph = await FakeGraphServer.StartAsync();
        var settings = cosmos.HostSettings(NewDatabase());
        foreach (var (key, value) in GraphOrganisation.Serve(graph))
        {
            settings[key] = value;
        }

        await using var bot = await BotApp.StartAsync(settings, services => services.AddSingleton<TokenCredential>(new StaticTokenCredential()));
        var (teams, connector) = (bot.Teams, bot.Connector);
        Assert.IsType<GraphProvisioner>(bot.Services.GetRequiredService<IProvisioner>());

        var requestId = await RequestFinanceReportsAsync(teams, connector, Persona.Megan);
        var (alexChat, approval) = await ApprovalCardAsync(connector, Persona.Alex, requestId);
        await teams.ClickOnCardAsync(Persona.Alex, alexChat, approval, "approval.approve", new JsonObject { ["comment"] = "Yes, for the reporting pack" });

        // The relay runs Approved (the team card), then ProvisioningRequested: Graph, then Resolved through the outbox.
        var resolved = await NoticeAsync(connector, Persona.Megan, requestId, "resolved", "Added you to Finance share readers (automatic)");
        Assert.Contains("requester.confirm", CardReader.Verbs(resolved));
        var (_, teamCard) = await TeamCardAsync(connector, Persona.IdentityChannel, requestId,
            until: text => text.Contains("added to Finance share readers automatically", StringComparison.Ordinal));
        Assert.Contains("Resolved automatically", CardReader.AllText(teamCard));
        Assert.DoesNotContain("agent.assign", CardReader.Verbs(teamCard));

        var added = Assert.Single(graph.MembersAdded);
        Assert.Equal(new FakeGraphServer.MemberAdded(FinanceReaders, $"https://graph.microsoft.com/v1.0/directoryObjects/{Persona.Megan.AadObjectId}"), added);
        Assert.Contains(graph.Groups[FinanceReaders], m => m.Id == Persona.Megan.AadObjectId);
        var store = bot.Services.GetRequiredService<IRequestStore>();
        var request = await StoredWhenAsync(store, requestId, r => r.Outbox.Count == 0, "every event handled");
        Assert.Equal(RequestState.Fulfilled, request.State);
        Assert.Equal(PersonRef.System, request.History[^1].Actor);
        Assert.Single(graph.Requests, r => r.PathAndQuery.EndsWith("/members/$ref", StringComparison.Ordinal));
    }

    private static string NewDatabase() => "bot-" + Guid.NewGuid().ToString("N");
}
