using System.Text.Json.Nodes;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Sla;
using ChatRequests.Core.Storage;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>
/// The whole escalation ladder of one request through the bot, across a restart with its breach pending: Megan chases it
/// (level 1 to Grady, the Hardware lead), it misses its target (level 2 to Lee Gu, the team's supervisor), it stays open
/// 8 working hours past it (level 3 to Patti Fernandez, senior management), and Adele resolves it: every escalation card
/// is updated in place to say so, and the team card drops the level.
/// </summary>
public sealed class EscalationLadderLoopTests : LoopBench
{
    private static readonly Persona Lee = new("00000000-0000-0000-0000-0000000000c4", "Lee Gu");
    private static readonly Persona Patti = new("00000000-0000-0000-0000-0000000000c1", "Patti Fernandez");

    // The sample organisation, with a supervisor for Hardware and the ladder's settings.
    public EscalationLadderLoopTests() => Files.EditOrganisation(organisation =>
    {
        var hardware = organisation["teams"]!.AsArray().Single(t => t!["leadId"]!.GetValue<string>() == Persona.Grady.AadObjectId)!;
        hardware["supervisorId"] = Lee.AadObjectId;
        organisation["escalation"] = new JsonObject
        {
            ["seniorManagement"] = new JsonArray(Patti.AadObjectId),
            ["level3AfterBreachHours"] = 8,
        };
    });

    [Fact]
    public async Task OneRequest_ClimbsTheLadderAcrossARestart_AndComesDownWhenResolved()
    {
        string requestId;
        await using (var first = await StartAsync())
        {
            requestId = await RequestLaptopAsync(first.Teams, _connector, Persona.Megan);
            var (alexChat, approval) = await ApprovalCardAsync(_connector, Persona.Alex, requestId);
            await first.Teams.ClickOnCardAsync(Persona.Alex, alexChat, approval, "approval.approve", new JsonObject { ["comment"] = "Go ahead" });
            await TeamCardAsync(_connector, Persona.HardwareChannel, requestId);

            // "any news?": level 1, the lead is asked once; a second follow-up is told he has it.
            await first.Teams.SayAsync(Persona.Megan, "any news?");
            await NoticeAsync(_connector, Persona.Megan, $"{requestId}: I have asked the team lead", "Grady Archie (team lead)");
            var level1 = await EscalationCardAsync(Persona.Grady, "Escalation level 1");
            Assert.Contains("Megan Bowen followed up", level1, StringComparison.Ordinal);
            await TeamCardAsync(_connector, Persona.HardwareChannel, requestId, t => t.Contains("Escalation level 1: Grady Archie (team lead)", StringComparison.Ordinal));
            await first.Teams.SayAsync(Persona.Megan, $"any update on {requestId}?");
            await NoticeAsync(_connector, Persona.Megan, $"{requestId}: already with Grady Archie", "already has your request");
            await OutboxEmptiedAsync(first, requestId);
            Assert.NotNull((await first.Services.GetRequiredService<IRequestStore>().GetAsync(requestId))!.SlaCheckAt);
        }

        // A new run on the same database and the same Teams, with the at-risk and breach instants still ahead.
        await using var second = await StartAsync();
        var store = second.Services.GetRequiredService<IRequestStore>();
        var due = (await store.GetAsync(requestId))!.DueAt;

        _clock.AdjustTime(due + TimeSpan.FromHours(1));
        Assert.Equal(1, (await SweepAsync(second, requestId)).Escalations);
        var level2 = await EscalationCardAsync(Lee, $"Escalation: {requestId} missed its target date");
        Assert.Contains("escalated to you as the supervisor", level2, StringComparison.Ordinal);
        await NoticeAsync(_connector, Persona.Megan, "missed its target date", "Lee Gu (supervisor) has been alerted");
        await TeamCardAsync(_connector, Persona.HardwareChannel, requestId, t => t.Contains("Escalation level 2: Lee Gu (supervisor)", StringComparison.Ordinal));

        var longBreach = (await store.GetAsync(requestId))!.LongBreachAt ?? throw new InvalidOperationException("The long breach was not set at the breach.");
        Assert.Equal(due.AddHours(8), longBreach);
        _clock.AdjustTime(longBreach);
        Assert.Equal(1, (await SweepAsync(second, requestId)).Escalations);
        var level3 = await EscalationCardAsync(Patti, $"Escalation level 3: {requestId}");
        Assert.Contains("Please allocate a dedicated person to it.", level3, StringComparison.Ordinal);
        var (thread, card) = await TeamCardAsync(
            _connector, Persona.HardwareChannel, requestId, t => t.Contains("Escalation level 3: Patti Fernandez (senior management)", StringComparison.Ordinal));
        Assert.Equal(0, (await SweepAsync(second, requestId)).Events);

        // Adele takes it and resolves it: the three escalation cards say so, in place, and the team card drops the level.
        await second.Teams.ClickOnCardAsync(Persona.Adele, thread, card, "agent.assign");
        var (_, assigned) = await TeamCardAsync(_connector, Persona.HardwareChannel, requestId, t => t.Contains("Adele Vance", StringComparison.Ordinal) && t.Contains("Resolve", StringComparison.Ordinal));
        await second.Teams.ClickOnCardAsync(Persona.Adele, thread, assigned, "agent.resolve", new JsonObject { ["resolution"] = "New laptop handed over" });
        foreach (var person in new[] { Persona.Grady, Lee, Patti })
        {
            await _connector.WaitForAsync(
                c => c.CardsSentTo(person.AadObjectId).Any(x => CardReader.AllText(x).Contains($"Resolved: {requestId} no longer needs you", StringComparison.Ordinal)),
                description: $"{person.Name}'s escalation card updated");
            Assert.Single(_connector.CardsSentTo(person.AadObjectId), x => CardReader.AllText(x).Contains(requestId, StringComparison.Ordinal));
        }

        var (_, resolved) = await TeamCardAsync(_connector, Persona.HardwareChannel, requestId, t => t.Contains("waiting for Megan Bowen to confirm", StringComparison.Ordinal));
        Assert.DoesNotContain("Escalation level", CardReader.AllText(resolved), StringComparison.Ordinal);
        var stored = await StoredWhenAsync(store, requestId, r => r.Outbox.Count == 0, "the relay delivered the resolution");
        Assert.Equal([1, 2, 3], stored.Escalations.Select(e => e.Level));
        Assert.All(stored.Escalations, e => Assert.NotNull(e.ResolvedAt));
        Assert.Single(stored.History, h => h.Action == AuditAction.Deescalate);
    }

    private async Task<string> EscalationCardAsync(Persona person, string title) =>
        CardReader.AllText(await _connector.WaitForAsync(
            c => c.CardsSentTo(person.AadObjectId).FirstOrDefault(card => CardReader.AllText(card).Contains(title, StringComparison.Ordinal)),
            description: $"the escalation card '{title}' in {person.Name}'s chat"));

    /// <summary>One sweep after the relay finished (a sweep racing it would leave its work to the next sweep); then the relay is woken.</summary>
    private static async Task<SlaSweepResult> SweepAsync(BotApp bot, string requestId)
    {
        await OutboxEmptiedAsync(bot, requestId);
        var result = await bot.Services.GetRequiredService<SlaSweep>().SweepAsync();
        bot.Services.GetRequiredService<IRelaySignal>().Wake();
        return result;
    }

    private static Task OutboxEmptiedAsync(BotApp bot, string requestId) =>
        StoredWhenAsync(bot.Services.GetRequiredService<IRequestStore>(), requestId, r => r.Outbox.Count == 0, $"the outbox of {requestId} emptied");
}
