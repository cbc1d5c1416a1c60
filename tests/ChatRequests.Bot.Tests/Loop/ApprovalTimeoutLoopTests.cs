using ChatRequests.Core.Requests;
using ChatRequests.Core.Sla;
using ChatRequests.Core.Storage;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>
/// Approval timeouts through the whole bot and across a restart: the reminder is sent by one run, the timeout done by the
/// next one on the same database, once, however often it sweeps.
/// </summary>
public sealed class ApprovalTimeoutLoopTests : LoopBench
{
    public ApprovalTimeoutLoopTests() => Settings["Approval:DefaultTimeoutHours"] = "48";

    [Fact]
    public async Task ApprovalNotAnswered_GoesToTheApproversManagerAfterARestart_Once()
    {
        string requestId;
        await using (var first = await StartAsync())
        {
            requestId = await RequestLaptopAsync(first.Teams, first.Connector, Persona.Megan);
            await ApprovalCardAsync(first.Connector, Persona.Alex, requestId);

            _clock.AdjustTime(_clock.GetUtcNow() + SlaPolicy.ApprovalReminderAfter + TimeSpan.FromMinutes(1));
            var swept = await first.Services.GetRequiredService<SlaSweep>().SweepAsync();
            Assert.Equal((1, 0), (swept.Reminders, swept.Timeouts));
        }

        await using var second = await StartAsync();
        var store = second.Services.GetRequiredService<IRequestStore>();
        var sweep = second.Services.GetRequiredService<SlaSweep>();
        _clock.AdjustTime(_clock.GetUtcNow() + TimeSpan.FromHours(24));

        Assert.Equal(1, (await sweep.SweepAsync()).Timeouts);
        Assert.Equal(0, (await sweep.SweepAsync()).Timeouts);

        var request = (await store.GetAsync(requestId))!;
        var stage = Assert.Single(request.Approvals);
        Assert.Equal(["Miriam Graham"], stage.Approvers.Select(a => a.Name));
        Assert.Equal(["Alex Wilber"], stage.Late.Select(a => a.Name));
        Assert.Single(request.History, h => h.Action == AuditAction.Reroute && h.Comment!.StartsWith("Alex Wilber did not answer in 48 hours", StringComparison.Ordinal));
        Assert.Single(request.History, h => h.Action == AuditAction.RemindApprovers);
        // The stores' pending-approval lists follow the stage: Miriam's shows it, Alex's no longer.
        Assert.Contains(await store.ListPendingApprovalAsync(Persona.Miriam.AadObjectId, 50), r => r.Id == requestId);
        Assert.DoesNotContain(await store.ListPendingApprovalAsync(Persona.Alex.AadObjectId, 50), r => r.Id == requestId);
    }

    [Fact]
    public async Task ApprovalNotAnswered_TheRequesterSawWhenItWasDue_AndTheLateApproverIsToldInChatOnce()
    {
        await using var bot = await StartAsync();
        var store = bot.Services.GetRequiredService<IRequestStore>();
        var requestId = await RequestLaptopAsync(bot.Teams, bot.Connector, Persona.Megan);
        var (alexChat, _) = await ApprovalCardAsync(bot.Connector, Persona.Alex, requestId);
        await bot.Teams.SayAsync(Persona.Megan, "status " + requestId);
        await NoticeAsync(bot.Connector, Persona.Megan, requestId, "Alex Wilber to approve or reject, due ", "then it goes to Miriam Graham");

        _clock.AdjustTime(_clock.GetUtcNow() + SlaPolicy.ApprovalReminderAfter + TimeSpan.FromMinutes(1));
        await SweepAndDeliverAsync(bot, requestId);
        _clock.AdjustTime(_clock.GetUtcNow() + TimeSpan.FromHours(24));
        Assert.Equal(1, (await SweepAndDeliverAsync(bot, requestId)).Timeouts);
        Assert.Equal(0, (await SweepAndDeliverAsync(bot, requestId)).Timeouts);

        var told = Assert.Single(bot.Connector.ActivitiesIn(alexChat),
            a => FakeTeamsConnector.CardOf(a) is { } card && CardReader.AllText(card).Contains("you no longer need to decide it", StringComparison.Ordinal));
        Assert.Contains($"{requestId} went to someone else", CardReader.AllText(FakeTeamsConnector.CardOf(told)!), StringComparison.Ordinal);
        Assert.Contains("went to Miriam Graham because it waited 48 hours", CardReader.AllText(FakeTeamsConnector.CardOf(told)!), StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Connector.ActivitiesIn(Persona.Miriam.PersonalChatId),
            a => FakeTeamsConnector.CardOf(a) is { } card && CardReader.AllText(card).Contains("no longer need to decide", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApprovalTimedOut_JustBeforeARestart_TheLateApproverIsToldByTheNextRun_Once()
    {
        string requestId, alexChat;
        await using (var first = await StartAsync())
        {
            requestId = await RequestLaptopAsync(first.Teams, first.Connector, Persona.Megan);
            (alexChat, _) = await ApprovalCardAsync(first.Connector, Persona.Alex, requestId);
            _clock.AdjustTime(_clock.GetUtcNow() + SlaPolicy.ApprovalReminderAfter + TimeSpan.FromMinutes(1));
            await SweepAndDeliverAsync(first, requestId);
            _clock.AdjustTime(_clock.GetUtcNow() + TimeSpan.FromHours(24));

            // The timeout is saved with its events, and the run stops before its relay delivers them.
            Assert.Equal(1, (await first.Services.GetRequiredService<SlaSweep>().SweepAsync()).Timeouts);
            Assert.Contains((await first.Services.GetRequiredService<IRequestStore>().GetAsync(requestId))!.Outbox,
                e => e.Type == RequestEventType.ApprovalTimedOut);
        }

        await using var second = await StartAsync();
        Assert.Equal(0, (await SweepAndDeliverAsync(second, requestId)).Timeouts);
        Assert.Equal(0, (await SweepAndDeliverAsync(second, requestId)).Timeouts);

        var told = _connector.ActivitiesIn(alexChat)
            .Where(a => FakeTeamsConnector.CardOf(a) is { } card && CardReader.AllText(card).Contains("you no longer need to decide it", StringComparison.Ordinal));
        Assert.Single(told);
    }
}
