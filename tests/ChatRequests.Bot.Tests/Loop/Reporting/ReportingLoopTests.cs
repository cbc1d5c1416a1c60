using System.Text.Json.Nodes;
using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Reporting;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop.Reporting;

/// <summary>
/// The embedded default keeps the reporting projection from the outbox events, and the intake records the forms it shows:
/// the reports read both, across a restart.
/// </summary>
public sealed class ReportingLoopTests() : LoopBench(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero))
{
    private static readonly ReportPeriod November =
        new(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), "November");

    [Fact]
    public async Task FormsShownAndEvents_KeepTheReportsUpToDate()
    {
        string requestId;
        await using (var bot = await StartAsync())
        {
            // One form submitted and approved; one shown and left.
            requestId = await RequestLaptopAsync(bot.Teams, bot.Connector, Persona.Megan);
            var (chat, approval) = await ApprovalCardAsync(bot.Connector, Persona.Alex, requestId);
            await bot.Teams.ClickOnCardAsync(Persona.Alex, chat, approval, "approval.approve", new JsonObject { ["comment"] = "Go ahead" });
            await NoticeAsync(bot.Connector, Persona.Megan, requestId, "approved");
            var before = bot.Connector.ActivitiesIn(Persona.Megan.PersonalChatId).Count;
            (await bot.Teams.SayAsync(Persona.Megan, "I need a new laptop")).EnsureSuccessStatusCode();
            await bot.Connector.WaitForAsync(c => c.ActivitiesIn(Persona.Megan.PersonalChatId).Skip(before).Any(a => FakeTeamsConnector.CardOf(a) is not null),
                description: "the second form");
            bot.Services.GetRequiredService<IRelaySignal>().Wake();
            await StoredWhenAsync(bot.Services.GetRequiredService<IRequestStore>(), requestId, r => r.Outbox.Count == 0, "the events delivered");
        }

        // A day and more later, after a restart: the left form counts as abandoned.
        _clock.Advance(TimeSpan.FromHours(25));
        await using (var bot = await StartAsync())
        {
            var facts = await bot.Services.GetRequiredService<IReportingStore>().GetFactsAsync(requestId);
            Assert.Equal(RequestState.Approved, facts!.State);
            Assert.Equal(Persona.Megan.AadObjectId, facts.Requester.Id);

            var figures = await bot.Services.GetRequiredService<IReports>().ComputeAsync(new ReportScope(November));

            Assert.Equal(1, figures.Logged);
            Assert.Equal(1, figures.ApprovalWait.Count);
            Assert.Equal(new Share(1, 2), figures.Abandoned);
            Assert.Equal(1, figures.Backlog);
        }
    }
}
