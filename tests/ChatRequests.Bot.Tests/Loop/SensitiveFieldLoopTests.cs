using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>
/// A laptop whose cost centre the catalog marks sensitive, over HTTP from the form to the channel: the manager reads it on
/// the approval card; the team card in the channel never holds it, before or after an agent's click; the assignee reads
/// it in their personal chat, a colleague and the team lead read "(masked)", and so does everyone in the channel or in a
/// group chat where the requester asks.
/// </summary>
public sealed class SensitiveFieldLoopTests : LoopBench
{
    private const string CostCentre = "CC-4711";

    private BotApp _bot = null!;

    public SensitiveFieldLoopTests() => Files.EditCatalog(catalog =>
    {
        var laptop = catalog["items"]!.AsArray().Single(i => (string?)i!["id"] == "laptop-standard")!;
        laptop["fields"]!.AsArray().Single(f => (string?)f!["id"] == "costCentre")!["sensitive"] = true;
    });

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _bot = await StartAsync();
    }

    public override async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await base.DisposeAsync();
    }

    private IRequestStore Store => _bot.Services.GetRequiredService<IRequestStore>();

    [Fact]
    public async Task FromIntakeToTheTeamCard_OnlyTheRequesterTheApproverAndTheAssigneeReadTheCostCentre()
    {
        var requestId = await RequestLaptopAsync(_bot.Teams, _bot.Connector, Persona.Megan);
        Assert.True((await Store.GetAsync(requestId))!.FieldLabels.Single(l => l.Id == "costCentre").Sensitive);

        var (alexChat, approval) = await ApprovalCardAsync(_bot.Connector, Persona.Alex, requestId);
        Assert.Contains(CostCentre, CardReader.AllText(approval), StringComparison.Ordinal);
        await _bot.Teams.ClickOnCardAsync(Persona.Alex, alexChat, approval, "approval.approve");

        var (thread, teamCard) = await TeamCardAsync(_bot.Connector, Persona.HardwareChannel, requestId);
        Assert.Contains("Cost centre", CardReader.AllText(teamCard), StringComparison.Ordinal);
        Assert.Contains(SensitiveFields.Masked, CardReader.AllText(teamCard), StringComparison.Ordinal);
        var assigned = await _bot.Teams.ClickOnCardAsync(Persona.Adele, thread, teamCard, "agent.assign");
        Assert.DoesNotContain(CostCentre, assigned.Card.ToJsonString(), StringComparison.Ordinal);
        await StoredWhenAsync(Store, requestId, r => r.Assignee?.Id == Persona.Adele.AadObjectId && r.Outbox.Count == 0, "assigned to Adele");

        Assert.Contains(CostCentre, await DetailsAsync(Persona.Megan, requestId), StringComparison.Ordinal);
        Assert.Contains(CostCentre, await DetailsAsync(Persona.Alex, requestId), StringComparison.Ordinal);
        Assert.Contains(CostCentre, await DetailsAsync(Persona.Adele, requestId), StringComparison.Ordinal);
        var colleague = await DetailsAsync(Persona.Lidia, requestId);
        var lead = await DetailsAsync(Persona.Grady, requestId);
        var inChannel = await ReplyInChannelAsync(Persona.Adele, requestId);
        var inGroupChat = await ReplyInGroupChatAsync(Persona.Megan, requestId);
        foreach (var answer in new[] { colleague, lead, inChannel, inGroupChat })
        {
            Assert.Contains($"Cost centre\n{SensitiveFields.Masked}", answer, StringComparison.Ordinal);
            Assert.DoesNotContain(CostCentre, answer, StringComparison.Ordinal);
        }

        var everythingInTheChannel = string.Join("\n", _bot.Connector.Conversations
            .Where(c => c.Id.StartsWith(Persona.HardwareChannel, StringComparison.Ordinal))
            .SelectMany(c => c.Activities)
            .Select(a => System.Text.Json.JsonSerializer.Serialize(a)));
        Assert.Contains(requestId, everythingInTheChannel, StringComparison.Ordinal);
        Assert.DoesNotContain(CostCentre, everythingInTheChannel, StringComparison.Ordinal);
    }

    /// <summary>The details card <paramref name="who"/> gets in their personal chat for the request's number, as text.</summary>
    private async Task<string> DetailsAsync(Persona who, string requestId)
    {
        var before = _bot.Connector.ActivitiesIn(who.PersonalChatId).Count;
        (await _bot.Teams.SayAsync(who, requestId)).EnsureSuccessStatusCode();
        var card = await _bot.Connector.WaitForAsync(
            c => c.ActivitiesIn(who.PersonalChatId).Skip(before).Select(FakeTeamsConnector.CardOf).LastOrDefault(card => card is not null),
            description: $"the details of {requestId} for {who.Name}");
        return CardReader.AllText(card);
    }

    /// <summary>The requester asks in a group chat: the others there read the answer too.</summary>
    private async Task<string> ReplyInGroupChatAsync(Persona who, string text)
    {
        const string chat = "19:megan-and-friends@thread.v2";
        var count = _bot.Connector.ActivitiesIn(chat).Count;
        (await _bot.Teams.SayInGroupChatAsync(who, chat, text)).EnsureSuccessStatusCode();
        var reply = await _bot.Connector.WaitForAsync(c => c.ActivitiesIn(chat).Skip(count).FirstOrDefault(),
            description: $"the answer to '{text}' in a group chat");
        return reply.Text ?? CardReader.AllText(FakeTeamsConnector.CardOf(reply));
    }

    private async Task<string> ReplyInChannelAsync(Persona who, string text)
    {
        var count = _bot.Connector.ActivitiesIn(Persona.HardwareChannel).Count;
        (await _bot.Teams.SayInChannelAsync(who, Persona.HardwareChannel, text)).EnsureSuccessStatusCode();
        var reply = await _bot.Connector.WaitForAsync(c => c.ActivitiesIn(Persona.HardwareChannel).Skip(count).FirstOrDefault(),
            description: $"the answer to '{text}' in the channel");
        return reply.Text ?? CardReader.AllText(FakeTeamsConnector.CardOf(reply));
    }
}
