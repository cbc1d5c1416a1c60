using System.Text.Json.Nodes;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Sla;
using ChatRequests.Core.Storage;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>
/// Business hours through the whole bot, on the sample organisation with a calendar (weekdays 08:00-18:00 UTC, the Monday
/// after the start a holiday): an approval reminder counted in working time and pending across a restart, and the
/// fulfilment clock paused while the request awaits parts.
/// </summary>
public sealed class BusinessHoursLoopTests : LoopBench
{
    // A Friday 17:00 UTC after today: one working hour left, the weekend and Monday (a holiday) off.
    private static readonly DateTimeOffset Friday = NextFriday(DateTimeOffset.UtcNow).AddHours(17);
    private static readonly DateTimeOffset Monday = Friday.AddDays(3).AddHours(-17);
    private static readonly DateTimeOffset Tuesday = Monday.AddDays(1);

    public BusinessHoursLoopTests()
        : base(Friday)
    {
        Settings["Approval:DefaultTimeoutHours"] = "48";
        Files.EditOrganisation(organisation => organisation["calendar"] = new JsonObject
        {
            ["timeZone"] = "UTC",
            ["workingDays"] = new JsonArray("Mon", "Tue", "Wed", "Thu", "Fri"),
            ["hours"] = "08:00-18:00",
            ["holidays"] = new JsonArray(Monday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        });
    }

    [Fact]
    public async Task ApprovalRequestedFridayEvening_IsRemindedAfter24WorkingHours_NotOverTheWeekend_AcrossARestart_Once()
    {
        // 24 working hours from Friday 17:00: 1 on Friday, Monday off, 10 on Tuesday and Wednesday, 3 on Thursday.
        var reminderAt = Tuesday.AddDays(2).AddHours(11);
        // 48: Thursday 11:00-18:00 is 31, Friday 41, and 7 more on the next Monday.
        var timeoutAt = Tuesday.AddDays(6).AddHours(15);
        string requestId;
        await using (var first = await StartAsync())
        {
            requestId = await RequestLaptopAsync(first.Teams, first.Connector, Persona.Megan);
            await ApprovalCardAsync(first.Connector, Persona.Alex, requestId);
            var stage = (await first.Services.GetRequiredService<IRequestStore>().GetAsync(requestId))!.Approvals[0];
            Assert.Equal((Friday, reminderAt, timeoutAt), (stage.RequestedAt, stage.ReminderDueAt, stage.TimeoutDueAt));

            // The requester's "Next" line shows the same instant (in the reader's zone: the card holds it in UTC).
            await first.Teams.SayAsync(Persona.Megan, "status " + requestId);
            await NoticeAsync(first.Connector, Persona.Megan, requestId, "Alex Wilber to approve or reject, due ", timeoutAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"));

            // 24 hours on the clock (Saturday): every hour counted, this would have been the reminder.
            _clock.AdjustTime(Friday + SlaPolicy.ApprovalReminderAfter + TimeSpan.FromMinutes(1));
            Assert.Equal(0, (await first.Services.GetRequiredService<SlaSweep>().SweepAsync()).Reminders);
        }

        // A new run on the same database: the pending reminder is still Thursday 11:00, from the document.
        await using var second = await StartAsync();
        var sweep = second.Services.GetRequiredService<SlaSweep>();
        _clock.AdjustTime(reminderAt.AddTicks(-1));
        Assert.Equal(0, (await sweep.SweepAsync()).Reminders);
        _clock.AdjustTime(reminderAt);
        Assert.Equal(1, (await sweep.SweepAsync()).Reminders);
        Assert.Equal(0, (await sweep.SweepAsync()).Events);
        var request = (await second.Services.GetRequiredService<IRequestStore>().GetAsync(requestId))!;
        Assert.Equal(reminderAt, request.Approvals[0].RemindedAt);
        Assert.Single(request.History, h => h.Action == AuditAction.RemindApprovers);
        Assert.Single(request.Outbox, e => e.Type == RequestEventType.ApprovalReminder);
        Assert.Equal(timeoutAt, request.SlaCheckAt);
    }

    [Fact]
    public async Task AwaitingParts_PausesTheTarget_TheCardsSayPaused_AndResumingMovesItByTheWorkingTimePaused()
    {
        await using var bot = await StartAsync();
        var store = bot.Services.GetRequiredService<IRequestStore>();
        var (requestId, _) = await RequestMouseAsync(bot.Teams, bot.Connector, Persona.Megan);
        // 16 working hours from Friday 17:00: 1 on Friday, Monday off, 10 on Tuesday, 5 on Wednesday.
        var due = Tuesday.AddDays(1).AddHours(13);
        var (thread, card) = await TeamCardAsync(bot.Connector, Persona.HardwareChannel, requestId);
        var assigned = await bot.Teams.ClickOnCardAsync(Persona.Adele, thread, card, "agent.assign");

        _clock.AdjustTime(Friday.AddMinutes(30));
        var awaiting = await bot.Teams.ClickOnCardAsync(Persona.Adele, thread, assigned.Card, "agent.status",
            new JsonObject { ["status"] = "AwaitingParts", ["note"] = "Ordered, arrives Thursday" });
        var paused = await StoredWhenAsync(store, requestId, r => r.IsClockPaused, "the clock paused");
        Assert.Equal((due, (DateTimeOffset?)null), (paused.DueAt, paused.SlaCheckAt));
        await TeamCardAsync(bot.Connector, Persona.HardwareChannel, requestId, text => text.Contains("Target clock paused since", StringComparison.Ordinal));
        await bot.Teams.SayAsync(Persona.Megan, "status " + requestId);
        await NoticeAsync(bot.Connector, Persona.Megan, requestId, "Paused since ", "(waiting for parts)");

        // Past the target on the clock (Wednesday 20:00): nothing is warned or escalated while paused.
        _clock.AdjustTime(Tuesday.AddDays(1).AddHours(20));
        Assert.Equal(0, (await bot.Services.GetRequiredService<SlaSweep>().SweepAsync()).Events);

        // The parts arrive on Thursday 09:00. The pause counted Friday 17:30-18:00, Tuesday, Wednesday and Thursday
        // 08:00-09:00 (21.5 working hours, not the 5.5 days on the clock): the target moves from Wednesday 13:00 to Friday
        // 14:30, and the at-risk instant (12 working hours, Wednesday 09:00) to Friday 10:30.
        _clock.AdjustTime(Tuesday.AddDays(2).AddHours(9));
        await bot.Teams.ClickOnCardAsync(Persona.Adele, thread, awaiting.Card, "agent.status", new JsonObject { ["status"] = "InProgress" });
        var resumed = await StoredWhenAsync(store, requestId, r => !r.IsClockPaused, "the clock resumed");
        Assert.Equal(Tuesday.AddDays(3).AddHours(14.5), resumed.DueAt);
        Assert.Equal(Tuesday.AddDays(3).AddHours(10.5), resumed.SlaCheckAt);
        Assert.Equal(TimeSpan.FromHours(21.5), Assert.Single(resumed.Pauses).WorkingTime);
        Assert.Single(resumed.History, h => h.Action == AuditAction.ClockResumed && h.Comment == "The target moves 21 h 30 min of working time later");
    }

    private static DateTimeOffset NextFriday(DateTimeOffset now)
    {
        var day = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        while (day.DayOfWeek != DayOfWeek.Friday)
        {
            day = day.AddDays(1);
        }

        return day;
    }
}
