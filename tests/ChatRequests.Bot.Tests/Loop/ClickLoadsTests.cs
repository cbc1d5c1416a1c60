using System.Text.Json.Nodes;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Storage;
using ChatRequests.Embedded.Storage;
using ChatRequests.Bot.Tests.Fakes;
using ChatRequests.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>A click loads its request once: the answer, a refusal and the card kept with it use the request the use case loaded.</summary>
public sealed class ClickLoadsTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync(services: services =>
    {
        // The test's flow (and with it the count) reaches into the request the in-memory server handles.
        services.Configure<TestServerOptions>(o => o.PreserveExecutionContext = true);
        services.AddSingleton<SqliteRequestStore>();
        services.AddSingleton<IRequestStore>(sp => new RequestLoadCounter(sp.GetRequiredService<SqliteRequestStore>()));
    });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task ApprovalClicks_TheDecision_AndTheRefusalOfASecondClick_LoadTheRequestOnceEach()
    {
        var requestId = await RequestLaptopAsync(_bot.Teams, _bot.Connector, Persona.Megan);
        var (alexChat, approval) = await ApprovalCardAsync(_bot.Connector, Persona.Alex, requestId);

        var approve = await ClickCountingAsync(requestId, () => _bot.Teams.ClickOnCardAsync(Persona.Alex, alexChat, approval, "approval.approve"));
        var again = await ClickCountingAsync(requestId, () => _bot.Teams.ClickOnCardAsync(Persona.Alex, alexChat, approval, "approval.reject",
            new JsonObject { ["comment"] = "No" }));

        Assert.Contains("Approved by you", approve.Answer.CardText);
        Assert.Contains("Already approved by Alex Wilber", again.Answer.CardText);
        Assert.Equal([requestId], approve.Loads);
        Assert.Equal([requestId], again.Loads);
    }

    [Fact]
    public async Task ApprovalsListClicks_TheDecision_AndTheRefusalThatKeepsTheList_LoadTheRequestOnceEach()
    {
        var requestId = await RequestLaptopAsync(_bot.Teams, _bot.Connector, Persona.Megan);
        await ApprovalCardAsync(_bot.Connector, Persona.Alex, requestId);
        (await _bot.Teams.SayAsync(Persona.Alex, "approvals")).EnsureSuccessStatusCode();
        var list = await _bot.Connector.WaitForAsync(c => c.LatestCardIn(Persona.Alex.PersonalChatId) is { } card
            && CardReader.AllText(card).Contains(requestId) ? card : null);
        var chat = Persona.Alex.PersonalChatId;

        var approve = await ClickCountingAsync(requestId, () => _bot.Teams.ClickOnCardAsync(Persona.Alex, chat, list, "approval.approve"));
        var stale = await ClickCountingAsync(requestId, () => _bot.Teams.ClickOnCardAsync(Persona.Alex, chat, list, "approval.reject",
            new JsonObject { ["comment"] = "No" }));

        Assert.Contains($"Approved {requestId}", approve.Answer.CardText);
        Assert.Contains("Already approved by Alex Wilber", stale.Answer.CardText);
        Assert.Equal([requestId], approve.Loads);
        Assert.Equal([requestId], stale.Loads);
    }

    [Fact]
    public async Task TeamCardClicks_TheChange_AndTheRefusalThatKeepsTheCard_LoadTheRequestOnceEach()
    {
        var (requestId, _) = await RequestMouseAsync(_bot.Teams, _bot.Connector, Persona.Megan);
        var (thread, card) = await TeamCardAsync(_bot.Connector, Persona.HardwareChannel, requestId);

        var assign = await ClickCountingAsync(requestId, () => _bot.Teams.ClickOnCardAsync(Persona.Adele, thread, card, "agent.assign"));
        var twice = await ClickCountingAsync(requestId, () => _bot.Teams.ClickAsync(Persona.Adele, thread, "agent.assign", Data(requestId)));
        var noStatus = await ClickCountingAsync(requestId, () => _bot.Teams.ClickAsync(Persona.Adele, thread, "agent.status", Data(requestId, ("status", "Sideways"))));

        Assert.Contains("Adele Vance", assign.Answer.CardText);
        Assert.Contains("already assigned", twice.Answer.CardText);
        Assert.Contains("Choose a status", noStatus.Answer.CardText);
        Assert.Equal([requestId], assign.Loads);
        Assert.Equal([requestId], twice.Loads);
        Assert.Equal([requestId], noStatus.Loads);
    }

    [Fact]
    public async Task RequesterClicks_DetailsAndARefusedCancel_LoadTheRequestOnceEach()
    {
        var (requestId, _) = await RequestMouseAsync(_bot.Teams, _bot.Connector, Persona.Megan);
        var chat = Persona.Megan.PersonalChatId;
        await _bot.Teams.ClickAsync(Persona.Megan, chat, "requester.cancel", Data(requestId));

        var details = await ClickCountingAsync(requestId, () => _bot.Teams.ClickAsync(Persona.Megan, chat, "requests.show", Data(requestId)));
        var cancelAgain = await ClickCountingAsync(requestId, () => _bot.Teams.ClickAsync(Persona.Megan, chat, "requester.cancel", Data(requestId)));

        Assert.Contains(requestId, details.Answer.CardText);
        Assert.Contains("cannot be cancelled", cancelAgain.Answer.Message);
        Assert.Equal([requestId], details.Loads);
        Assert.Equal([requestId], cancelAgain.Loads);
    }

    /// <summary>
    /// Clicks once the relay is done with the request: a save of its own in between would make the click's save conflict
    /// and reload, which is right, but not what is counted here.
    /// </summary>
    private async Task<(InvokeResult Answer, IReadOnlyList<string> Loads)> ClickCountingAsync(string requestId, Func<Task<InvokeResult>> click)
    {
        await StoredWhenAsync(_bot.Services.GetRequiredService<IRequestStore>(), requestId, r => r.Outbox.Count == 0, "the relay is done with it");
        using var loads = RequestLoadCounter.Count();
        var answer = await click();
        return (answer, loads.Ids);
    }
}
