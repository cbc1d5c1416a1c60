using System.Text.Json.Nodes;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Audit;
using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Sla;
using ChatRequests.Core.Storage;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop.Retention;

/// <summary>
/// Retention through the whole bot: a request logged under the organisation file's rule, cancelled in chat, anonymised by
/// the sweep on its day (not a minute before, once across a restart) and deleted when its audit years are over.
/// </summary>
public sealed class RetentionLoopTests : LoopBench
{
    public RetentionLoopTests() => Files.EditOrganisation(o => o["governance"] = new JsonObject
    {
        ["retention"] = new JsonObject { ["anonymiseClosedAfterDays"] = 30, ["keepAuditYears"] = 1 },
    });

    [Fact]
    public async Task CancelledRequest_IsAnonymisedOnItsDay_OnceAcrossARestart_AndDeletedAfterItsYears()
    {
        string requestId;
        DateTimeOffset cancelledAt;
        await using (var bot = await StartAsync())
        {
            var store = bot.Services.GetRequiredService<IRequestStore>();
            requestId = await RequestLaptopAsync(bot.Teams, bot.Connector, Persona.Megan);
            await bot.Teams.SayAsync(Persona.Megan, $"cancel {requestId}");
            var cancelled = await StoredWhenAsync(store, requestId, r => r.State == RequestState.Cancelled, "the request cancelled");
            cancelledAt = cancelled.FinalAt!.Value;
            Assert.Equal(new RetentionRule(30, 1), cancelled.Retention);

            _clock.AdjustTime(cancelledAt.AddDays(30).AddMinutes(-1));
            Assert.Equal(0, (await Sweep(bot)).Anonymised);
            Assert.Equal(Persona.Megan.AadObjectId, (await store.GetAsync(requestId))!.Requester.Id);
        }

        await using (var restarted = await StartAsync())
        {
            var store = restarted.Services.GetRequiredService<IRequestStore>();
            _clock.AdjustTime(cancelledAt.AddDays(30));
            Assert.Equal(1, (await Sweep(restarted)).Anonymised);
            Assert.Equal(0, (await Sweep(restarted)).Anonymised);

            var anonymised = (await store.GetAsync(requestId))!;
            Assert.Equal(ServiceRequest.FormerEmployeeName, anonymised.Requester.Name);
            Assert.Equal("", anonymised.Justification);
            Assert.True(HistoryChain.Verify(anonymised).IsIntact);
            Assert.DoesNotContain(anonymised.History, h => h.Actor.Id == Persona.Megan.AadObjectId);
            Assert.Empty(await store.ListByRequesterAsync(Persona.Megan.AadObjectId, 10));

            // The sweeper wakes the relay when a sweep raised events; here the test swept, so it wakes it.
            restarted.Services.GetRequiredService<IRelaySignal>().Wake();
            await StoredWhenAsync(store, requestId, r => r.Outbox.Count == 0, "the Anonymised event handled (the reporting row replaced)");

            _clock.AdjustTime(cancelledAt.AddYears(1));
            Assert.Equal(1, (await Sweep(restarted)).Deleted);
            Assert.Null(await store.GetAsync(requestId));
        }
    }

    private static Task<SlaSweepResult> Sweep(BotApp bot) => bot.Services.GetRequiredService<SlaSweep>().SweepAsync();
}
