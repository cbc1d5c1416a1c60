using System.Globalization;
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
    public async Task ThePersonAsked_WhoDelegated_HasTheirDelegateDecide_OnTheirBehalf_WithoutChaining()
    {
        await using var bot = await BotApp.StartAsync();
        var until = DateTimeOffset.UtcNow.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        (await bot.Teams.SayAsync(Persona.Miriam, $"delegate approvals to Diego Siciliani until {until}")).EnsureSuccessStatusCode();
        await NoticeAsync(bot.Connector, Persona.Miriam, "Delegation on");
        (await bot.Teams.SayAsync(Persona.Diego, $"delegate approvals to Johanna Lorenz until {until}")).EnsureSuccessStatusCode();
        await NoticeAsync(bot.Connector, Persona.Diego, "Delegation on");
        var requestId = await RequestLaptopAsync(bot.Teams, bot.Connector, Persona.Megan);
        var (chatId, card) = await ApprovalCardAsync(bot.Connector, Persona.Alex, requestId);

        var passed = await bot.Teams.ClickOnCardAsync(Persona.Alex, chatId, card, "approval.askelse", new JsonObject { ["askName"] = "Miriam Graham" });
        Assert.Contains(
            "You asked Miriam Graham to decide; Diego Siciliani decides on their behalf (Miriam Graham delegated", passed.CardText, StringComparison.Ordinal);

        // Diego spoke to the bot (to delegate), so his card comes in that personal chat.
        var diegosChat = Persona.Diego.PersonalChatId;
        var diegosCard = await bot.Connector.WaitForAsync(
            c => c.ActivitiesIn(diegosChat).Select(FakeTeamsConnector.CardOf)
                .LastOrDefault(x => x is not null && CardReader.Verbs(x).Contains("approval.approve") && CardReader.AllText(x).Contains(requestId, StringComparison.Ordinal)),
            description: "Diego's approval card");
        Assert.Contains("on behalf of Miriam Graham", CardReader.AllText(diegosCard), StringComparison.Ordinal);
        await NoticeAsync(bot.Connector, Persona.Megan, "Alex Wilber asked Diego Siciliani on behalf of Miriam Graham to decide your approval");
        var stage = (await bot.Services.GetRequiredService<IRequestStore>().GetAsync(requestId))!.Approvals[0];
        Assert.Equal([Persona.Diego.AadObjectId], stage.Approvers.Select(a => a.Id));
        var approved = await bot.Teams.ClickOnCardAsync(Persona.Diego, diegosChat, diegosCard, "approval.approve");
        Assert.Contains("Approved by you on behalf of Miriam Graham", approved.CardText, StringComparison.Ordinal);
        var request = (await bot.Services.GetRequiredService<IRequestStore>().GetAsync(requestId))!;
        Assert.Contains(request.History, h => h.Comment?.StartsWith("Alex Wilber asked Diego Siciliani on behalf of Miriam Graham to decide Manager", StringComparison.Ordinal) == true);
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
