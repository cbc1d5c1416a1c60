using ChatRequests.Core.Approvals;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Sla;
using ChatRequests.Core.Workflow;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatRequests.Core.Tests.BusinessHours;

/// <summary>Fulfilment targets, at-risk warnings and escalations counted in the team's working time, through the sweep.</summary>
public sealed class WorkingTimeSlaTests
{
    // Friday 27 November 2026, 17:00 in Berlin (UTC+1): one working hour left that day.
    private static readonly DateTimeOffset FridayFivePm = new(2026, 11, 27, 17, 0, 0, TimeSpan.FromHours(1));

    private static readonly CalendarDefinition BerlinOffice = new()
    {
        TimeZone = "Europe/Berlin",
        WorkingDays = ["Mon", "Tue", "Wed", "Thu", "Fri"],
        Hours = "08:00-18:00",
    };

    private readonly FakeTimeProvider _clock = new(FridayFivePm);
    private readonly InMemoryRequestStore _store = new();

    [Fact]
    public async Task FridayEveningRequest_IsDueMondayAfternoon_QuietOverTheWeekend_WarnedAndEscalatedInWorkingTime()
    {
        var request = await SubmitMouseAsync(BerlinOffice);

        // 8 working hours: 17:00-18:00 on Friday, then 08:00-15:00 on Monday; at risk after 6 of them, Monday 13:00.
        var mondayOnePm = new DateTimeOffset(2026, 11, 30, 13, 0, 0, TimeSpan.FromHours(1));
        var mondayThreePm = new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.FromHours(1));
        Assert.Equal(mondayThreePm, request.DueAt);
        Assert.Equal(mondayOnePm, request.AtRiskAt);
        Assert.Equal(mondayOnePm, (await _store.GetAsync(request.Id))!.SlaCheckAt);

        Assert.Equal(Nothing, await SweepAtAsync(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.FromHours(1))));
        Assert.Equal(Nothing, await SweepAtAsync(mondayOnePm.AddTicks(-1)));
        Assert.Equal(Nothing with { Checked = 1, Warnings = 1 }, await SweepAtAsync(mondayOnePm));
        Assert.Equal(Nothing, await SweepAtAsync(mondayThreePm));
        Assert.Equal(Nothing with { Checked = 1, Escalations = 1 }, await SweepAtAsync(mondayThreePm.AddTicks(1)));

        var saved = (await _store.GetAsync(request.Id))!;
        Assert.Equal((mondayOnePm, mondayThreePm.AddTicks(1)), (saved.SlaWarnedAt, saved.SlaEscalatedAt));
        Assert.Equal(
            [RequestEventType.SlaAtRisk, RequestEventType.SlaBreached],
            saved.Outbox.Where(e => e.Actor == PersonRef.System).Select(e => e.Type));
    }

    [Fact]
    public async Task HolidayOnMonday_MovesTheTargetToTuesday()
    {
        var request = await SubmitMouseAsync(BerlinOffice with { Holidays = ["2026-11-30"] });

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.FromHours(1)), request.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 13, 0, 0, TimeSpan.FromHours(1)), request.AtRiskAt);
    }

    [Fact]
    public async Task TeamWithoutCalendar_CountsEveryHourAsBefore()
    {
        var request = await SubmitMouseAsync(calendar: null);

        Assert.Equal(FridayFivePm.AddHours(8), request.DueAt);
        Assert.Equal(SlaPolicy.AtRiskAt(FridayFivePm, FridayFivePm.AddHours(8)), request.AtRiskAt);
        Assert.Equal(Nothing with { Checked = 1, Escalations = 1 }, await SweepAtAsync(FridayFivePm.AddHours(8).AddTicks(1)));
    }

    private static SlaSweepResult Nothing => new(Checked: 0, Reminders: 0, Warnings: 0, Escalations: 0, Conflicts: 0);

    private async Task<ServiceRequest> SubmitMouseAsync(CalendarDefinition? calendar)
    {
        // The mouse needs no approval, so it goes straight to the team; its target is shortened to 8 hours here.
        var items = SampleData.Items.Select(i => i.Id == "mouse" ? i with { SlaHours = 8 } : i).ToList();
        var teams = SampleData.Organisation.Teams.Select(t => t with { Calendar = calendar });
        var directory = new InMemoryDirectory(SampleData.Organisation.People, teams, SampleData.Organisation.ApproverGroups);
        var workflow = new RequestWorkflow(_store, new InMemoryCatalog(items), directory, new ApproverResolver(directory), _clock);
        var form = new RequestForm("key-mouse", "mouse", "The scroll wheel is broken.", "Low",
            new Dictionary<string, string?> { ["deliveryLocation"] = "Berlin office" });

        var request = (await workflow.SubmitAsync(SampleData.Actor(SampleData.Megan), form)).Request!;

        Assert.Equal(RequestState.Approved, request.State);
        return request;
    }

    private async Task<SlaSweepResult> SweepAtAsync(DateTimeOffset at)
    {
        _clock.SetUtcNow(at);
        return await new SlaSweep(_store, _clock, NullLogger<SlaSweep>.Instance).SweepAsync();
    }
}
