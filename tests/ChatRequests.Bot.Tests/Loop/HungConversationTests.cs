using ChatRequests.Testing;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>
/// One conversation whose Teams calls hang (the approver's chat, held by the loopback connector without an answer):
/// the bot as a process, on real time, its relay with its 4 workers. Other people's requests are fulfilled meanwhile.
/// </summary>
public sealed class HungConversationTests : LoopBench
{
    [Fact]
    public async Task ApproverChatHangs_OtherRequestsTeamCardsArriveBeforeItIsReleased()
    {
        var approverChat = (FakeConnectorRequest r) =>
            r.Route == FakeConnectorRoute.SendToConversation && r.ConversationId == _connector.PersonalChatWith(Persona.Alex.AadObjectId);
        var hold = _connector.Hold(approverChat);
        await using var bot = new BotProcess(Files.Database, _connector.ServiceUrl);
        await bot.StartAsync();
        var teams = new TeamsDriver(new HttpClient { BaseAddress = bot.BaseAddress, Timeout = TimeSpan.FromSeconds(30) }, _connector);

        var laptop = await RequestLaptopAsync(teams, _connector, Persona.Megan);
        await _connector.WaitForAsync(_ => hold.Waiting > 0, description: "the approval card for Alex held without an answer");

        // More requests than the relay has workers, submitted after the hung one was taken: each reaches the channel.
        Persona[] others = [Persona.Diego, Persona.Adele, Persona.Lidia, Persona.Christie, Persona.Grady];
        var mice = new List<string>();
        foreach (var who in others)
        {
            mice.Add((await RequestMouseAsync(teams, _connector, who)).RequestId);
        }

        foreach (var requestId in mice)
        {
            await TeamCardAsync(_connector, Persona.HardwareChannel, requestId);
        }

        Assert.False(hold.IsReleased);
        Assert.Empty(_connector.ActivitiesIn(_connector.PersonalChatWith(Persona.Alex.AadObjectId)!));

        hold.Release();
        var (_, card) = await ApprovalCardAsync(_connector, Persona.Alex, laptop);
        Assert.Contains("approval.approve", CardReader.Verbs(card));
    }
}
