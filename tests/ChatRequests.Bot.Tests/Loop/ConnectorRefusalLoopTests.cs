using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>
/// The embedded relay, over HTTP, when Teams refuses a post for good outside anyone's personal chat (the bot was removed
/// from the team, so the channel card answers 403): the event parks at once with the reason, instead of being retried
/// eight times over minutes; so does the card that would tell the team, which announces nothing further (no loop). The
/// first retry is ten minutes away, so a retry could not make these tests pass.
/// </summary>
public sealed class ConnectorRefusalLoopTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() =>
        _bot = await BotApp.StartAsync(new Dictionary<string, string?> { ["Fulfilment:FirstRetryDelay"] = "00:10:00" });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private IRequestStore Store => _bot.Services.GetRequiredService<IRequestStore>();

    [Theory]
    [InlineData(403, "BotNotInConversationRoster")]
    [InlineData(404, "ConversationNotFound")]
    [InlineData(400, "BadArgument")]
    [InlineData(401, "Unauthorized")]
    public async Task TeamCardRefusedForGood_ParksTheEventAtOnce_WithTheStatus(int status, string code)
    {
        _bot.Connector.FailNext(new FakeFailure(status, Count: 100)
        {
            ErrorCode = code,
            When = r => r.Route == FakeConnectorRoute.CreateConversation && r.Parameters?.IsGroup == true,
        });

        var (requestId, _) = await RequestMouseAsync(_bot.Teams, _bot.Connector, Persona.Megan);

        // The card about the parked step goes to the same channel, is refused too, and parks without another notice.
        var stored = await StoredWhenAsync(Store, requestId, r => r.Outbox.Count(e => e.IsParked) == 2, "the team card's event and its notice parked");
        var parked = stored.Outbox.Single(e => e.Type == RequestEventType.Approved);
        Assert.Equal((true, 1), (parked.IsParked, parked.Attempts));
        Assert.Contains($"{status} {code}", parked.LastError, StringComparison.Ordinal);
        Assert.Equal((true, 1), (stored.Outbox.Single(e => e.Type == RequestEventType.ParkedNotice).IsParked, stored.Outbox.Single(e => e.Type == RequestEventType.ParkedNotice).Attempts));
        Assert.Equal(2, _bot.Connector.Requests.Count(r => !r.Succeeded && r.Route != FakeConnectorRoute.Unknown)); // each tried once, never again
    }

    [Fact]
    public async Task TeamCardThrottled_IsRetriedLater_NotParked()
    {
        _bot.Connector.FailNext(new FakeFailure(429, Count: 100)
        {
            RetryAfter = "0",
            When = r => r.Route == FakeConnectorRoute.CreateConversation && r.Parameters?.IsGroup == true,
        });

        var (requestId, _) = await RequestMouseAsync(_bot.Teams, _bot.Connector, Persona.Megan);

        var stored = await StoredWhenAsync(Store, requestId, r => r.Outbox.Any(e => e.Attempts > 0), "the team card's first failure recorded");
        var waiting = stored.Outbox.Single(e => e.Attempts > 0);
        Assert.False(waiting.IsParked);
        Assert.Contains("429", waiting.LastError, StringComparison.Ordinal);
    }
}
