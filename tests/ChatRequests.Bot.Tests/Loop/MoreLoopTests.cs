using System.Text.Json.Nodes;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Testing;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>The other roads through the loop: two approval stages, the approvals list, "not fixed", status by number.</summary>
public sealed class MoreLoopTests : IAsyncLifetime
{
    private static readonly Persona Isaiah = new("00000000-0000-0000-0000-0000000000d1", "Isaiah Langer");   // Finance Approvers
    private static readonly Persona Joni = new("00000000-0000-0000-0000-0000000000e2", "Joni Sherman");      // Finance Approvers
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task DeveloperLaptop_NeedsTheManagerThenFinance_AndBothFinanceCardsShowTheDecision()
    {
        var (teams, connector) = (_bot.Teams, _bot.Connector);
        (await teams.SayAsync(Persona.Megan, "I need a developer laptop")).EnsureSuccessStatusCode();
        var form = await NoticeAsync(connector, Persona.Megan, "Developer laptop");
        var confirmation = await teams.ClickOnCardAsync(Persona.Megan, Persona.Megan.PersonalChatId, form, "intake.submit", new JsonObject
        {
            ["justification"] = "Building the new campaign site",
            ["urgency"] = "Medium",
            ["field.costCentre"] = "CC-1234",
            ["field.operatingSystem"] = "Ubuntu 24.04 LTS",
            ["field.deliveryLocation"] = "Amsterdam office",
            ["field.keyboardLayout"] = "UK",
        });
        var requestId = RequestNumberIn(confirmation.CardText)!;

        var (alexChat, managerCard) = await ApprovalCardAsync(connector, Persona.Alex, requestId);
        await teams.ClickOnCardAsync(Persona.Alex, alexChat, managerCard, "approval.approve");
        await NoticeAsync(connector, Persona.Megan, requestId, "Alex Wilber approved");

        var (isaiahChat, financeCard) = await ApprovalCardAsync(connector, Isaiah, requestId);
        var (joniChat, _) = await ApprovalCardAsync(connector, Joni, requestId);
        var decided = await teams.ClickOnCardAsync(Isaiah, isaiahChat, financeCard, "approval.approve", new JsonObject { ["comment"] = "Budget ok" });

        Assert.Contains("Approved by you", decided.CardText);
        // The pending card names Isaiah too ("Any one of 2 decides: Isaiah Langer or you"): wait for his decision on it.
        await connector.WaitForAsync(c => CardReader.AllText(c.LatestCardIn(joniChat)).Contains("Approved by Isaiah Langer"),
            description: "Joni's copy showing Isaiah's decision");
        Assert.DoesNotContain("approval.approve", CardReader.Verbs(connector.LatestCardIn(joniChat)));
        await TeamCardAsync(connector, Persona.HardwareChannel, requestId);

        var late = await teams.ClickOnCardAsync(Joni, joniChat, financeCard, "approval.reject", new JsonObject { ["comment"] = "No" });
        Assert.Contains("Already approved by Isaiah Langer", late.CardText);
    }

    [Fact]
    public async Task ApprovalsCommand_ListsWhatWaits_AndApprovesFromTheList()
    {
        var first = await RequestLaptopAsync(_bot.Teams, _bot.Connector, Persona.Megan);
        var second = await RequestLaptopAsync(_bot.Teams, _bot.Connector, Persona.Diego, "laptop please");
        await ApprovalCardAsync(_bot.Connector, Persona.Alex, second);

        (await _bot.Teams.SayAsync(Persona.Alex, "approvals")).EnsureSuccessStatusCode();
        var list = await _bot.Connector.WaitForAsync(c => c.LatestCardIn(Persona.Alex.PersonalChatId));
        Assert.Contains(first, CardReader.AllText(list));
        Assert.Contains(second, CardReader.AllText(list));

        var action = CardReader.FindAction(list, "approval.approve")!;
        var decided = await _bot.Teams.ClickAsync(Persona.Alex, Persona.Alex.PersonalChatId, "approval.approve", action["data"]!.DeepClone().AsObject());
        var decidedId = action["data"]!["requestId"]!.GetValue<string>();
        var stillWaiting = decidedId == first ? second : first;
        Assert.Contains($"Approved {decidedId}", decided.CardText);
        Assert.Contains(stillWaiting, decided.CardText);

        var count = _bot.Connector.ActivitiesIn(Persona.Alex.PersonalChatId).Count;
        (await _bot.Teams.SayAsync(Persona.Alex, "approvals")).EnsureSuccessStatusCode();
        var after = await _bot.Connector.WaitForAsync(c => c.ActivitiesIn(Persona.Alex.PersonalChatId).Skip(count)
            .Select(FakeTeamsConnector.CardOf).LastOrDefault(card => card is not null));
        Assert.Contains(stillWaiting, CardReader.AllText(after));
        Assert.DoesNotContain(decidedId, CardReader.AllText(after));
    }

    [Fact]
    public async Task NotFixed_ReopensToTheSameTeam_WhichCanWorkItAgain()
    {
        var (teams, connector) = (_bot.Teams, _bot.Connector);
        var requestId = await RequestLaptopAsync(teams, connector, Persona.Megan);
        var (alexChat, approval) = await ApprovalCardAsync(connector, Persona.Alex, requestId);
        await teams.ClickOnCardAsync(Persona.Alex, alexChat, approval, "approval.approve");
        var (thread, card) = await TeamCardAsync(connector, Persona.HardwareChannel, requestId);
        var assigned = await teams.ClickOnCardAsync(Persona.Lidia, thread, card, "agent.assign");
        await teams.ClickOnCardAsync(Persona.Lidia, thread, assigned.Card, "agent.resolve", new JsonObject { ["resolution"] = "Swapped the battery" });
        var fulfilled = await NoticeAsync(connector, Persona.Megan, requestId, "Swapped the battery");

        var reopened = await teams.ClickOnCardAsync(Persona.Megan, Persona.Megan.PersonalChatId, fulfilled, "requester.reopen",
            new JsonObject { ["feedback"] = "Still shuts down after an hour" });

        Assert.Contains("Hardware Service", reopened.CardText);
        var (_, teamCard) = await TeamCardAsync(connector, Persona.HardwareChannel, requestId, text => text.Contains("Reopened"));
        Assert.Contains("agent.assign", CardReader.Verbs(teamCard));
        Assert.Contains("Still shuts down after an hour", CardReader.AllText(teamCard));
    }

    [Fact]
    public async Task RequestNumber_ShowsTheDetails_ToTheRequester_ButNotToOthers()
    {
        var requestId = await RequestLaptopAsync(_bot.Teams, _bot.Connector, Persona.Megan);

        (await _bot.Teams.SayAsync(Persona.Megan, $"status of {requestId.ToLowerInvariant()}?")).EnsureSuccessStatusCode();
        var detail = await _bot.Connector.WaitForAsync(c => c.LatestCardIn(Persona.Megan.PersonalChatId) is { } card
            && CardReader.AllText(card).Contains("Alex Wilber") && CardReader.AllText(card).Contains(requestId) ? card : null);
        (await _bot.Teams.SayAsync(Persona.Diego, requestId)).EnsureSuccessStatusCode();
        var refused = await _bot.Connector.WaitForAsync(c => c.ActivitiesIn(Persona.Diego.PersonalChatId).LastOrDefault());

        Assert.Contains("Awaiting approval", CardReader.AllText(detail));
        Assert.Contains($"can't find {requestId}", refused.Text);
        Assert.DoesNotContain("Megan", refused.Text);
    }
}
