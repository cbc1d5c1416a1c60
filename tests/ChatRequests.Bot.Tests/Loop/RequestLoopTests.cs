using System.Text.Json.Nodes;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Testing;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>The whole request loop through /api/messages, exactly as Teams drives it, against a loopback Teams connector.</summary>
public sealed class RequestLoopTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Laptop_GoesFromWordsToClosedWithRating()
    {
        var (teams, connector) = (_bot.Teams, _bot.Connector);

        // Employee: words -> pre-filled form -> submit -> confirmation with number, priority, approver, target date.
        (await teams.SayAsync(Persona.Megan, "I need a new laptop, urgent, in the Berlin office")).EnsureSuccessStatusCode();
        var form = await NoticeAsync(connector, Persona.Megan, "Standard laptop");
        Assert.Contains("intake.submit", CardReader.Verbs(form));
        Assert.Contains("Berlin office", form.ToJsonString());
        var confirmation = await teams.ClickOnCardAsync(Persona.Megan, Persona.Megan.PersonalChatId, form, "intake.submit", LaptopInputs);
        var requestId = RequestNumberIn(confirmation.CardText)!;
        Assert.Equal("REQ-000001", requestId);
        Assert.Contains("P3", confirmation.CardText);
        Assert.Contains("Alex Wilber", confirmation.CardText);
        Assert.Contains("Hardware", confirmation.CardText);

        // Manager: the approval card arrives proactively; approve with a comment; the card turns decided.
        var (alexChat, approval) = await ApprovalCardAsync(connector, Persona.Alex, requestId);
        Assert.Contains("approval.approve", CardReader.Verbs(approval));
        Assert.Contains("1,450.00", CardReader.AllText(approval));
        var decided = await teams.ClickOnCardAsync(Persona.Alex, alexChat, approval, "approval.approve", new JsonObject { ["comment"] = "Go ahead" });
        Assert.Contains("Approved by you", decided.CardText);
        Assert.DoesNotContain("approval.approve", CardReader.Verbs(decided.Card));

        // Requester told; the hardware channel gets the request card.
        await NoticeAsync(connector, Persona.Megan, requestId, "approved", "Go ahead");
        var (thread, teamCard) = await TeamCardAsync(connector, Persona.HardwareChannel, requestId);
        Assert.Contains("agent.assign", CardReader.Verbs(teamCard));

        // Agent: assign to me, set status, ask the requester, who answers into the thread.
        var assigned = await teams.ClickOnCardAsync(Persona.Adele, thread, teamCard, "agent.assign");
        Assert.Contains("Adele Vance", assigned.CardText);
        await NoticeAsync(connector, Persona.Megan, requestId, "Adele Vance");

        var inProgress = await teams.ClickOnCardAsync(Persona.Adele, thread, assigned.Card, "agent.status",
            new JsonObject { ["status"] = "AwaitingParts", ["note"] = "Ordered, arrives Tuesday" });
        Assert.Contains("Awaiting parts", inProgress.CardText);
        await NoticeAsync(connector, Persona.Megan, requestId, "Ordered, arrives Tuesday");

        var asked = await teams.ClickOnCardAsync(Persona.Adele, thread, inProgress.Card, "agent.ask",
            new JsonObject { ["question"] = "Do you need a second charger?" });
        var question = await NoticeAsync(connector, Persona.Megan, "Do you need a second charger?");
        var answered = await teams.ClickOnCardAsync(Persona.Megan, Persona.Megan.PersonalChatId, question, "requester.answer",
            new JsonObject { ["answer"] = "Yes please, one for home" });
        Assert.Equal(200, answered.StatusCode);
        await connector.WaitForAsync(c => c.ActivitiesIn(thread).Any(a => CardReader.AllText(FakeTeamsConnector.CardOf(a)).Contains("Yes please, one for home")),
            description: "the answer in the channel thread");

        // Resolve; the requester confirms and rates; the channel card shows the truth.
        var resolved = await teams.ClickOnCardAsync(Persona.Adele, thread, asked.Card, "agent.resolve",
            new JsonObject { ["resolution"] = "Laptop and two chargers handed over at the Berlin desk" });
        Assert.Contains("Fulfilled", resolved.CardText);
        var fulfilled = await NoticeAsync(connector, Persona.Megan, requestId, "handed over at the Berlin desk");
        var closed = await teams.ClickOnCardAsync(Persona.Megan, Persona.Megan.PersonalChatId, fulfilled, "requester.confirm",
            new JsonObject { ["rating"] = "5", ["feedback"] = "Fast, thanks!" });
        Assert.Contains("closed", closed.CardText, StringComparison.OrdinalIgnoreCase);
        var (_, finalCard) = await TeamCardAsync(connector, Persona.HardwareChannel, requestId, text => text.Contains("Closed"));
        Assert.DoesNotContain(CardReader.Verbs(finalCard), v => v.StartsWith("agent.", StringComparison.Ordinal));

        // Status: my requests shows it closed.
        var count = connector.ActivitiesIn(Persona.Megan.PersonalChatId).Count;
        (await teams.SayAsync(Persona.Megan, "my requests")).EnsureSuccessStatusCode();
        var list = await connector.WaitForAsync(c => c.ActivitiesIn(Persona.Megan.PersonalChatId).Skip(count)
            .Select(FakeTeamsConnector.CardOf).LastOrDefault(card => card is not null), description: "my requests");
        Assert.Contains(requestId, CardReader.AllText(list));
        Assert.Contains("Closed", CardReader.AllText(list));

        // The channel card was posted once and updated in place.
        Assert.Single(connector.Conversations, c => c.Id.StartsWith(Persona.HardwareChannel + ";", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reject_TellsRequesterWithComment_AndNothingReachesTheTeam()
    {
        var requestId = await RequestLaptopAsync(_bot.Teams, _bot.Connector, Persona.Megan);
        var (alexChat, approval) = await ApprovalCardAsync(_bot.Connector, Persona.Alex, requestId);

        var withoutComment = await _bot.Teams.ClickOnCardAsync(Persona.Alex, alexChat, approval, "approval.reject");
        Assert.Contains("reason", withoutComment.CardText, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("approval.reject", CardReader.Verbs(withoutComment.Card));

        var rejected = await _bot.Teams.ClickOnCardAsync(Persona.Alex, alexChat, approval, "approval.reject",
            new JsonObject { ["comment"] = "You got one in March" });
        Assert.Contains("Rejected by you", rejected.CardText);
        await NoticeAsync(_bot.Connector, Persona.Megan, requestId, "rejected", "You got one in March");
        Assert.DoesNotContain(_bot.Connector.Conversations, c => c.Id.StartsWith(Persona.HardwareChannel, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancel_BeforeApproval_UpdatesTheApproversCard()
    {
        var requestId = await RequestLaptopAsync(_bot.Teams, _bot.Connector, Persona.Megan);
        var (alexChat, _) = await ApprovalCardAsync(_bot.Connector, Persona.Alex, requestId);

        (await _bot.Teams.SayAsync(Persona.Megan, $"cancel {requestId}")).EnsureSuccessStatusCode();

        await NoticeAsync(_bot.Connector, Persona.Megan, requestId, "cancelled");
        await _bot.Connector.WaitForAsync(c => CardReader.AllText(c.LatestCardIn(alexChat)).Contains("ancelled"),
            description: "the approval card showing the cancellation");
        var (_, card) = await ApprovalCardAsync(_bot.Connector, Persona.Alex, requestId);
        Assert.DoesNotContain("approval.approve", CardReader.Verbs(card));
    }

    [Fact]
    public async Task NoApprovalItem_GoesStraightToTheTeam_AndRequesterIsToldSo()
    {
        (await _bot.Teams.SayAsync(Persona.Megan, "my mouse is broken, need a new mouse")).EnsureSuccessStatusCode();
        var form = await NoticeAsync(_bot.Connector, Persona.Megan, "Standard mouse");
        var confirmation = await _bot.Teams.ClickOnCardAsync(Persona.Megan, Persona.Megan.PersonalChatId, form, "intake.submit",
            new JsonObject { ["urgency"] = "Low", ["field.deliveryLocation"] = "London office" });
        Assert.Contains("No approval needed", confirmation.CardText, StringComparison.OrdinalIgnoreCase);
        var requestId = RequestNumberIn(confirmation.CardText)!;
        await TeamCardAsync(_bot.Connector, Persona.HardwareChannel, requestId);
        Assert.Null(_bot.Connector.PersonalChatWith(Persona.Alex.AadObjectId));
    }

    [Fact]
    public async Task InvalidForm_PointsAtTheFields_AndCreatesNothing()
    {
        (await _bot.Teams.SayAsync(Persona.Megan, "I need a new laptop")).EnsureSuccessStatusCode();
        var form = await NoticeAsync(_bot.Connector, Persona.Megan, "Standard laptop");

        var answer = await _bot.Teams.ClickOnCardAsync(Persona.Megan, Persona.Megan.PersonalChatId, form, "intake.submit",
            new JsonObject { ["justification"] = "", ["urgency"] = "Whenever", ["field.costCentre"] = "4711" });

        Assert.Contains("intake.submit", CardReader.Verbs(answer.Card));
        Assert.Contains("CC-1234", answer.CardText);
        Assert.Null(RequestNumberIn(answer.CardText));
        var count = _bot.Connector.ActivitiesIn(Persona.Megan.PersonalChatId).Count;
        (await _bot.Teams.SayAsync(Persona.Megan, "my requests")).EnsureSuccessStatusCode();
        var list = await _bot.Connector.WaitForAsync(c => c.ActivitiesIn(Persona.Megan.PersonalChatId).Skip(count)
            .Select(FakeTeamsConnector.CardOf).LastOrDefault(card => card is not null));
        Assert.Null(RequestNumberIn(CardReader.AllText(list)));
    }

    [Fact]
    public async Task ApprovalByNonApprover_ChangesNothing_AndSaysWhy()
    {
        var requestId = await RequestLaptopAsync(_bot.Teams, _bot.Connector, Persona.Megan);
        var (alexChat, approval) = await ApprovalCardAsync(_bot.Connector, Persona.Alex, requestId);

        var byDiego = await _bot.Teams.ClickOnCardAsync(Persona.Diego, alexChat, approval, "approval.approve");
        var byMegan = await _bot.Teams.ClickOnCardAsync(Persona.Megan, alexChat, approval, "approval.approve");

        Assert.Contains($"can't find {requestId}", byDiego.Message);
        Assert.Contains("your own request", byMegan.Message);
        var stillPending = await _bot.Teams.ClickOnCardAsync(Persona.Alex, alexChat, approval, "approval.approve");
        Assert.Contains("Approved by you", stillPending.CardText);
    }

    [Fact]
    public async Task Welcome_IsSentOnceWhenTheAppIsInstalled()
    {
        await _bot.Teams.InstallAsync(Persona.Megan);

        await NoticeAsync(_bot.Connector, Persona.Megan, "Megan");
        Assert.Single(_bot.Connector.ActivitiesIn(Persona.Megan.PersonalChatId));
    }
}
