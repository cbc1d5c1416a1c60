using System.Text.Json.Nodes;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Testing;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>Many clicks at once on one card: exactly one decision.</summary>
public sealed class ConcurrencyTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task TwentyConcurrentApproveClicks_DecideOnce_AndTheRestAreToldAlreadyDecided()
    {
        var requestId = await RequestLaptopAsync(_bot.Teams, _bot.Connector, Persona.Megan);
        var (alexChat, approval) = await ApprovalCardAsync(_bot.Connector, Persona.Alex, requestId);

        var clicks = Enumerable.Range(0, 20).Select(i => _bot.Teams.ClickOnCardAsync(
            Persona.Alex, alexChat, approval, i % 2 == 0 ? "approval.approve" : "approval.reject",
            new JsonObject { ["comment"] = $"click {i}" }));
        var results = await Task.WhenAll(clicks);

        var decidedNow = results.Count(r => !r.CardText.Contains("Already", StringComparison.Ordinal));
        Assert.Equal(1, decidedNow);
        Assert.Equal(19, results.Count(r => r.CardText.Contains("Already approved by Alex Wilber", StringComparison.Ordinal)
                                          || r.CardText.Contains("Already rejected by Alex Wilber", StringComparison.Ordinal)));
        var stored = await _bot.Services.GetRequiredService<IRequestStore>().GetAsync(requestId);
        Assert.Single(stored!.History, h => h.Action == AuditAction.Approve || h.Action == AuditAction.Reject);
        await NoticeAsync(_bot.Connector, Persona.Megan, requestId, stored.State == RequestState.Approved ? "approved" : "rejected");
        await OutboxDrainedAsync(requestId); // any wrongly duplicated notice has been sent by then
        Assert.Single(_bot.Connector.ActivitiesIn(Persona.Megan.PersonalChatId).Select(FakeTeamsConnector.CardOf),
            card => card is not null && CardReader.AllText(card).Contains(requestId) && CardReader.AllText(card).Contains("Alex Wilber"));
    }

    private async Task OutboxDrainedAsync(string requestId)
    {
        var store = _bot.Services.GetRequiredService<IRequestStore>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await store.GetAsync(requestId))!.Outbox.Count > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The outbox did not drain.");
            await Task.Delay(20);
        }
    }
}
