using System.Text.Json.Nodes;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Storage;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop.Access;

/// <summary>
/// People who may not view a request (an employee not involved, an agent of another team, a person outside the
/// organisation) who click one of its buttons are told no, in a message, and learn nothing of it: not the requester,
/// the item, the team, nor whether the number exists.
/// </summary>
public sealed class RefusedClickTests : IAsyncLifetime
{
    private static readonly Persona[] Outsiders = [Persona.Diego, Persona.Christie, Persona.Stranger];
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task ApproveOrReject_BySomeoneWhoIsNotAnApprover_IsAMessageRevealingNothing_AndDecidesNothing()
    {
        var requestId = await RequestLaptopAsync(_bot.Teams, _bot.Connector, Persona.Megan);
        var (alexChat, approval) = await ApprovalCardAsync(_bot.Connector, Persona.Alex, requestId);

        foreach (var who in Outsiders)
        {
            var approve = await _bot.Teams.ClickOnCardAsync(who, who.PersonalChatId, approval, "approval.approve");
            var reject = await _bot.Teams.ClickOnCardAsync(who, who.PersonalChatId, approval, "approval.reject",
                new JsonObject { ["comment"] = "No" });

            Assert.Contains(requestId, Refusal.RevealsNothing(approve, Refusal.LaptopSecrets));
            Refusal.RevealsNothing(reject, Refusal.LaptopSecrets);
        }

        var byAlex = await _bot.Teams.ClickOnCardAsync(Persona.Alex, alexChat, approval, "approval.approve");
        Assert.Contains("Approved by you", byAlex.CardText);
    }

    [Fact]
    public async Task TeamCardButtons_ByAnAgentOfAnotherTeamOrAnOutsider_AreMessagesRevealingNothing_AndChangeNothing()
    {
        var (requestId, _) = await RequestMouseAsync(_bot.Teams, _bot.Connector, Persona.Megan);
        var (thread, card) = await TeamCardAsync(_bot.Connector, Persona.HardwareChannel, requestId);

        foreach (var who in Outsiders)
        {
            Refusal.RevealsNothing(await _bot.Teams.ClickOnCardAsync(who, thread, card, "agent.assign"), Refusal.MouseSecrets);
            Refusal.RevealsNothing(await _bot.Teams.ClickAsync(who, thread, "agent.resolve",
                Data(requestId, ("resolution", "Done"))), Refusal.MouseSecrets);
            Refusal.RevealsNothing(await _bot.Teams.ClickAsync(who, thread, "agent.status",
                Data(requestId, ("status", "Sideways"))), Refusal.MouseSecrets);
        }

        var byAdele = await _bot.Teams.ClickOnCardAsync(Persona.Adele, thread, card, "agent.assign");
        Assert.Contains("Adele Vance", byAdele.CardText);
    }

    [Fact]
    public async Task DetailsAndCancel_BySomeoneElse_AreMessagesRevealingNothing_ThatReadAsForANumberThatDoesNotExist()
    {
        var requestId = await RequestLaptopAsync(_bot.Teams, _bot.Connector, Persona.Megan);
        const string Missing = "REQ-000777";

        foreach (var who in Outsiders)
        {
            var details = Refusal.RevealsNothing(await _bot.Teams.ClickAsync(who, who.PersonalChatId, "requests.show", Data(requestId)), Refusal.LaptopSecrets);
            var cancel = Refusal.RevealsNothing(await _bot.Teams.ClickAsync(who, who.PersonalChatId, "requester.cancel", Data(requestId)), Refusal.LaptopSecrets);
            var missing = (await _bot.Teams.ClickAsync(who, who.PersonalChatId, "requests.show", Data(Missing))).Message;

            Assert.Equal(missing.Replace(Missing, "#"), details.Replace(requestId, "#"));
            Assert.Equal(missing.Replace(Missing, "#"), cancel.Replace(requestId, "#"));
        }

        var stored = await _bot.Services.GetRequiredService<IRequestStore>().GetAsync(requestId);
        Assert.Equal(Core.Requests.RequestState.AwaitingApproval, stored!.State);
    }

    [Fact]
    public async Task CancelOrNumberTypedInChat_BySomeoneElse_RevealsNothing()
    {
        var requestId = await RequestLaptopAsync(_bot.Teams, _bot.Connector, Persona.Megan);

        foreach (var text in new[] { $"cancel {requestId}", requestId, $"cancel REQ-000777", "REQ-000777" })
        {
            var count = _bot.Connector.ActivitiesIn(Persona.Diego.PersonalChatId).Count;
            (await _bot.Teams.SayAsync(Persona.Diego, text)).EnsureSuccessStatusCode();
            var reply = await _bot.Connector.WaitForAsync(c => c.ActivitiesIn(Persona.Diego.PersonalChatId).Skip(count).FirstOrDefault());

            Assert.NotNull(reply.Text);
            Assert.Contains("can't find REQ-000", reply.Text);
            Assert.Equal("plain", reply.TextFormat); // no markdown in what a refusal quotes
            Assert.DoesNotContain(Refusal.LaptopSecrets, secret => reply.Text.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task SubmissionKeyReplayed_BySomeoneElse_RevealsNothing_WhileTheSamePersonGetsTheSameRequestAgain()
    {
        (await _bot.Teams.SayAsync(Persona.Megan, "I need a new laptop, mine is dying")).EnsureSuccessStatusCode();
        var form = await _bot.Connector.WaitForAsync(c => c.LatestCardIn(Persona.Megan.PersonalChatId));
        var first = await _bot.Teams.ClickOnCardAsync(Persona.Megan, Persona.Megan.PersonalChatId, form, "intake.submit", LaptopInputs);
        var requestId = RequestNumberIn(first.CardText)!;

        foreach (var who in Outsiders)
        {
            var replay = await _bot.Teams.ClickOnCardAsync(who, who.PersonalChatId, form, "intake.submit", LaptopInputs);

            Assert.DoesNotContain(requestId, Refusal.RevealsNothing(replay, ["Megan", "Bowen", "Hardware", "Alex", "P3", "REQ-"]));
        }

        var again = await _bot.Teams.ClickOnCardAsync(Persona.Megan, Persona.Megan.PersonalChatId, form, "intake.submit", LaptopInputs);
        Assert.Equal(requestId, RequestNumberIn(again.CardText));
        var store = _bot.Services.GetRequiredService<IRequestStore>();
        Assert.Single(await store.ListByRequesterAsync(Persona.Megan.AadObjectId, 10));
        Assert.Empty(await store.ListByRequesterAsync(Persona.Diego.AadObjectId, 10));
    }
}
