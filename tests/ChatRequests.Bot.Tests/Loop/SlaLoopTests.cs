using System.Text.Json.Nodes;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Sla;
using ChatRequests.Core.Storage;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>
/// SLA reminders and escalation through the whole bot: the clock is moved by hand, the sweep run as the embedded sweeper
/// runs it, and the relay posts what it raised to the loopback Teams connector.
/// </summary>
/// <remarks>
/// The days pass by <see cref="FakeTimeProvider.AdjustTime"/>, which moves the date without firing the bot's timers: a jump
/// of a day must not time out a connector call in flight, fire the relay's poll or start the hosted sweeper's next sweep.
/// </remarks>
public sealed class SlaLoopTests : LoopBench
{
    private BotApp _bot = null!;

    // One run for the test. Its relay runs only when woken (by a turn, or here after a sweep), so the test sees each sweep's
    // events in the outbox first.
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

    [Fact]
    public async Task LaptopLeftWaiting_IsRemindedWarnedAndEscalated_EachOnce()
    {
        var (teams, connector) = (_bot.Teams, _bot.Connector);
        var store = _bot.Services.GetRequiredService<IRequestStore>();
        var requestId = await RequestLaptopAsync(teams, connector, Persona.Megan);
        var (alexChat, approval) = await ApprovalCardAsync(connector, Persona.Alex, requestId);
        var raised = new List<OutboxEvent>();

        // A day passes without a decision: Alex is reminded once, under the approval card.
        _clock.AdjustTime(_clock.GetUtcNow() + SlaPolicy.ApprovalReminderAfter + TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await SweepAsync(raised, requestId)).Reminders);
        var reminder = await connector.WaitForAsync(
            c => c.ActivitiesIn(alexChat).Select(FakeTeamsConnector.CardOf).LastOrDefault(card => card is not null && CardReader.AllText(card).Contains("Reminder")),
            description: "the reminder in Alex's chat");
        Assert.Contains(requestId, CardReader.AllText(reminder));
        Assert.Contains("Megan Bowen has been waiting 24 hours", CardReader.AllText(reminder));

        // Alex approves; the team gets the card.
        await teams.ClickOnCardAsync(Persona.Alex, alexChat, approval, "approval.approve", new JsonObject { ["comment"] = "Go ahead" });
        var (thread, _) = await TeamCardAsync(connector, Persona.HardwareChannel, requestId);

        // Three quarters of the way to the target: one reply in the team card's thread.
        var request = (await store.GetAsync(requestId))!;
        _clock.AdjustTime(SlaPolicy.AtRiskAt(request.SubmittedAt, request.DueAt));
        Assert.Equal(1, (await SweepAsync(raised, requestId)).Warnings);
        var atRisk = await connector.WaitForAsync(
            c => c.ActivitiesIn(thread).Select(FakeTeamsConnector.CardOf).FirstOrDefault(card => CardReader.AllText(card).Contains("may miss its target date", StringComparison.Ordinal)),
            description: "the at-risk reply in the team thread");
        Assert.Contains("Due in 10 hours", CardReader.AllText(atRisk));
        Assert.Contains("unassigned", CardReader.AllText(atRisk));
        // The at-risk instant is escalation level 1: Grady, the lead, is asked to look at it.
        var level1 = await connector.WaitForAsync(
            c => c.CardsSentTo(Persona.Grady.AadObjectId).FirstOrDefault(card => CardReader.AllText(card).Contains($"Escalation level 1: {requestId}", StringComparison.Ordinal)),
            description: "the level 1 escalation in Grady's chat");
        Assert.Contains("Target date at risk", CardReader.AllText(level1));

        // Past the target: the lead is alerted once, the requester told once, the team card shows it.
        _clock.AdjustTime(request.DueAt + TimeSpan.FromHours(2));
        Assert.Equal(1, (await SweepAsync(raised, requestId)).Escalations);
        // Level 2: Hardware has no supervisor in the sample organisation, so it goes to Grady, its lead.
        var escalation = await connector.WaitForAsync(
            c => c.CardsSentTo(Persona.Grady.AadObjectId).FirstOrDefault(card => CardReader.AllText(card).Contains("missed its target date", StringComparison.Ordinal)),
            description: "the escalation in Grady's chat");
        var escalationText = CardReader.AllText(escalation);
        Assert.Contains($"Escalation: {requestId} missed its target date", escalationText);
        Assert.Contains("Megan Bowen", escalationText);
        Assert.Contains("2 hours", escalationText);
        await NoticeAsync(connector, Persona.Megan, requestId, "missed its target date");
        Assert.Contains("escalated to you as the team lead", escalationText);
        await TeamCardAsync(connector, Persona.HardwareChannel, requestId, text => text.Contains("Overdue") && text.Contains("Escalation level 2: Grady Archie (team lead)"));

        // Sweeping again and delivering every SLA event again changes nothing. Again means after the relay finished the
        // first delivery: its last post can reach Teams before the ledger records it, and an attempt not yet recorded
        // is posted again by design (a crash there must not lose the message).
        await OutboxEmptiedAsync(requestId);
        var posts = PostsCount(connector);
        Assert.Equal(0, (await _bot.Services.GetRequiredService<SlaSweep>().SweepAsync()).Events);
        var handler = _bot.Services.GetRequiredService<FulfilmentHandler>();
        var current = (await store.GetAsync(requestId))!;
        foreach (var e in raised)
        {
            await handler.HandleAsync(current, e);
        }

        Assert.Equal(posts, PostsCount(connector));
        Assert.Equal(
            [RequestEventType.ApprovalReminder, RequestEventType.SlaAtRisk, RequestEventType.SlaBreached],
            raised.Select(e => e.Type));
        Assert.Single(connector.ActivitiesIn(alexChat), a => CardReader.AllText(FakeTeamsConnector.CardOf(a)).Contains("Reminder"));
        Assert.Single(connector.ActivitiesIn(thread), a => CardReader.AllText(FakeTeamsConnector.CardOf(a)).Contains("may miss its target date", StringComparison.Ordinal));
        Assert.Equal(2, connector.CardsSentTo(Persona.Grady.AadObjectId).Count);
        Assert.Single(connector.ActivitiesIn(Persona.Megan.PersonalChatId),
            a => CardReader.AllText(FakeTeamsConnector.CardOf(a)).Contains("missed its target date"));
    }

    /// <summary>One sweep, as the embedded sweeper runs it; the SLA events it saved are noted before the relay is woken.</summary>
    private async Task<SlaSweepResult> SweepAsync(List<OutboxEvent> raised, string requestId)
    {
        // The relay completes what it posted in a save of its own; a sweep racing it would conflict and leave its work
        // to the next sweep, which is right in production but not what this test is about.
        var store = _bot.Services.GetRequiredService<IRequestStore>();
        await OutboxEmptiedAsync(requestId);

        var result = await _bot.Services.GetRequiredService<SlaSweep>().SweepAsync();
        var saved = (await store.GetAsync(requestId))!;
        raised.AddRange(saved.Outbox.Where(e => e.Actor == PersonRef.System && raised.All(r => r.Id != e.Id)));
        _bot.Services.GetRequiredService<IRelaySignal>().Wake();
        return result;
    }

    /// <summary>Returns once the relay has delivered and completed every event of the request.</summary>
    private async Task OutboxEmptiedAsync(string requestId)
    {
        var store = _bot.Services.GetRequiredService<IRequestStore>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await store.GetAsync(requestId))!.Outbox.Count > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The outbox of {requestId} did not empty.");
            await Task.Delay(20);
        }
    }

    /// <summary>Messages posted (new chats, sends, replies); updates in place are not new messages.</summary>
    private static int PostsCount(FakeTeamsConnector connector) =>
        connector.Requests.Count(r => r.Succeeded && r.Route is FakeConnectorRoute.SendToConversation
            or FakeConnectorRoute.ReplyToActivity or FakeConnectorRoute.CreateConversation);
}
