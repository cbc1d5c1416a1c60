using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Testing;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop.Access;

/// <summary>
/// Everyone in a team channel reads what the bot answers there: a channel shows its own team's requests to the team's
/// people, and nobody's personal lists.
/// </summary>
public sealed class ChannelAudienceTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("my requests")]
    [InlineData("approvals")]
    public async Task PersonalLists_TypedInAChannel_StayOutOfIt(string command)
    {
        var requestId = await RequestLaptopAsync(_bot.Teams, _bot.Connector, Persona.Megan);
        await ApprovalCardAsync(_bot.Connector, Persona.Alex, requestId);

        foreach (var who in new[] { Persona.Megan, Persona.Alex })
        {
            var reply = await ReplyInChannelAsync(who, Persona.HardwareChannel, command);

            Assert.Contains("personal chat", reply);
            Assert.DoesNotContain(requestId, reply);
        }
    }

    [Fact]
    public async Task Queue_InAnotherTeamsChannel_ShowsNothingOfThisTeamsRequests()
    {
        var (requestId, _) = await RequestMouseAsync(_bot.Teams, _bot.Connector, Persona.Megan);
        await TeamCardAsync(_bot.Connector, Persona.HardwareChannel, requestId);

        var elsewhere = await ReplyInChannelAsync(Persona.Adele, Persona.IdentityChannel, "queue");
        var byAnotherTeam = await ReplyInChannelAsync(Persona.Christie, Persona.HardwareChannel, "queue");
        var atHome = await ReplyInChannelAsync(Persona.Adele, Persona.HardwareChannel, "queue");

        Assert.DoesNotContain(requestId, elsewhere);
        Assert.DoesNotContain(requestId, byAnotherTeam);
        Assert.Contains(requestId, atHome);
    }

    [Fact]
    public async Task RequestNumber_InAChannel_ShowsOnlyThatChannelTeamsRequests()
    {
        var (requestId, _) = await RequestMouseAsync(_bot.Teams, _bot.Connector, Persona.Megan);
        await TeamCardAsync(_bot.Connector, Persona.HardwareChannel, requestId);

        var byRequesterElsewhere = await ReplyInChannelAsync(Persona.Megan, Persona.IdentityChannel, requestId);
        var byAgentAtHome = await ReplyInChannelAsync(Persona.Adele, Persona.HardwareChannel, requestId);

        Assert.Contains($"can't find {requestId}", byRequesterElsewhere);
        Assert.DoesNotContain("mouse", byRequesterElsewhere, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Standard mouse", byAgentAtHome);
    }

    /// <summary>What the bot answered in the channel (its text, or its card's text) after <paramref name="who"/> said <paramref name="text"/>.</summary>
    private async Task<string> ReplyInChannelAsync(Persona who, string channelId, string text)
    {
        var count = _bot.Connector.ActivitiesIn(channelId).Count;
        (await _bot.Teams.SayInChannelAsync(who, channelId, text)).EnsureSuccessStatusCode();
        var reply = await _bot.Connector.WaitForAsync(c => c.ActivitiesIn(channelId).Skip(count).FirstOrDefault(),
            description: $"the answer to '{text}' in {channelId}");
        return reply.Text ?? CardReader.AllText(FakeTeamsConnector.CardOf(reply));
    }
}
