using System.Text.Json.Nodes;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop.Delegation;

/// <summary>"Ask someone else" on a pending approval card, through the whole bot.</summary>
public sealed class AskSomeoneElseLoopTests
{
    [Fact]
    public async Task TheApprover_PassesTheStageOn_TheNewApproverGetsTheCard_AndTheRequesterIsTold()
    {
        await using var bot = await BotApp.StartAsync();
        var requestId = await RequestLaptopAsync(bot.Teams, bot.Connector, Persona.Megan);
        var (chatId, card) = await ApprovalCardAsync(bot.Connector, Persona.Alex, requestId);

        var passed = await bot.Teams.ClickOnCardAsync(Persona.Alex, chatId, card, "approval.askelse", new JsonObject { ["askName"] = "Diego Siciliani" });

        Assert.Contains("You asked Diego Siciliani to decide", passed.CardText, StringComparison.Ordinal);
        Assert.DoesNotContain("approval.approve", CardReader.Verbs(passed.Card));
        var (diegosChat, diegosCard) = await ApprovalCardAsync(bot.Connector, Persona.Diego, requestId);
        await NoticeAsync(bot.Connector, Persona.Megan, "Alex Wilber asked Diego Siciliani to decide your approval");
        var request = (await bot.Services.GetRequiredService<IRequestStore>().GetAsync(requestId))!;
        Assert.Contains(request.History, h => h.Action == AuditAction.Reroute && h.Comment == "Alex Wilber asked Diego Siciliani to decide Manager");

        // Alex may no longer decide it; Diego does.
        var late = await bot.Teams.ClickOnCardAsync(Persona.Alex, chatId, card, "approval.approve");
        Assert.Contains("You are not an approver of this request", late.Message, StringComparison.Ordinal);
        var approved = await bot.Teams.ClickOnCardAsync(Persona.Diego, diegosChat, diegosCard, "approval.approve");
        Assert.Contains("Approved by you", approved.CardText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeveralPeopleOfTheName_AreListed_AndThePickIsTaken()
    {
        await using var bot = await BotApp.StartAsync();
        var requestId = await RequestLaptopAsync(bot.Teams, bot.Connector, Persona.Megan);
        var (chatId, card) = await ApprovalCardAsync(bot.Connector, Persona.Alex, requestId);

        var choice = await bot.Teams.ClickOnCardAsync(Persona.Alex, chatId, card, "approval.askelse", new JsonObject { ["askName"] = "jo" });
        Assert.Contains("Johanna Lorenz", choice.CardText, StringComparison.Ordinal);
        Assert.Contains("Joni Sherman", choice.CardText, StringComparison.Ordinal);

        var picked = await bot.Teams.ClickOnCardAsync(Persona.Alex, chatId, choice.Card, "approval.askelse");

        Assert.Contains("You asked Johanna Lorenz to decide", picked.CardText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneWhoIsNotAnApproverOfTheStage_IsRefused_AndLearnsNothing()
    {
        await using var bot = await BotApp.StartAsync();
        var requestId = await RequestLaptopAsync(bot.Teams, bot.Connector, Persona.Megan);
        await ApprovalCardAsync(bot.Connector, Persona.Alex, requestId);
        var data = new JsonObject { ["requestId"] = requestId, ["stage"] = 0, ["askName"] = "Diego Siciliani" };

        var stranger = await bot.Teams.ClickAsync(Persona.Christie, Persona.Christie.PersonalChatId, "approval.askelse", data.DeepClone().AsObject());
        var unknown = await bot.Teams.ClickAsync(
            Persona.Christie, Persona.Christie.PersonalChatId, "approval.askelse", new JsonObject { ["requestId"] = "REQ-999999", ["stage"] = 0, ["askName"] = "x" });
        var requester = await bot.Teams.ClickAsync(Persona.Megan, Persona.Megan.PersonalChatId, "approval.askelse", data.DeepClone().AsObject());

        Assert.Equal(unknown.Message.Replace("REQ-999999", requestId, StringComparison.Ordinal), stranger.Message);
        Assert.Contains("not an approver", requester.Message, StringComparison.Ordinal);
        var request = (await bot.Services.GetRequiredService<IRequestStore>().GetAsync(requestId))!;
        Assert.Equal([Persona.Alex.AadObjectId], request.Approvals[0].Approvers.Select(a => a.Id));
    }
}
